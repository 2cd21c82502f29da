import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCalendar } from '@/lib/api/get-calendar';
import { hasRole, useMe } from '@/lib/session';

const COMMAND_CENTRE = ['acceptor', 'shift-leader', 'dispatcher', 'leader', 'admin'];

/**
 * The working calendar's warnings for the command centre and administrators: from 1 November,
 * next year's holidays not entered means 1 January would count as a working day.
 */
export function CalendarWarningBanner() {
  const { t } = useTranslation();
  const me = useMe();
  const shown = hasRole(me.data, ...COMMAND_CENTRE);
  const calendar = useCalendar(shown);
  const warnings = calendar.data?.warnings ?? [];
  if (!shown || warnings.length === 0) return null;
  const admin = hasRole(me.data, 'admin');
  return (
    <div className="calendar-banner" data-testid="calendar-warning">
      {warnings.map((warning) => (
        <Alert
          key={`${warning.code}-${warning.year}`}
          type="warning"
          showIcon
          banner
          data-code={warning.code}
          title={t(`workCalendar.warning.${warning.code}`, { year: warning.year, defaultValue: warning.code })}
          action={
            admin ? (
              <Link to="/admin?tab=calendar" data-testid="calendar-warning-link">
                {t('workCalendar.warning.enter')}
              </Link>
            ) : (
              <span className="calendar-banner__ask">{t('workCalendar.warning.askAdmin')}</span>
            )
          }
        />
      ))}
    </div>
  );
}
