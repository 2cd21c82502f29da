import { ClockCircleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Light } from '@/lib/api-types';
import { effectiveLight, formatDuration, LIGHT_COLORS, remainingMs, useNow } from '@/lib/deadline';
import { formatDateTime } from '@/lib/format';

/** The traffic light of a case's running step as a dot (红黄绿灯). */
export function LightDot({ light, size = 12 }: { light: Light | null | undefined; size?: number }) {
  const { t } = useTranslation();
  if (!light) return <span className="light-dot light-dot--none" style={{ width: size, height: size }} data-light="none" />;
  return (
    <Tooltip title={t(`deadline.light.${light}`)}>
      <span
        className="light-dot"
        style={{ width: size, height: size, background: LIGHT_COLORS[light], boxShadow: `0 0 6px ${LIGHT_COLORS[light]}` }}
        data-light={light}
        aria-label={t(`deadline.light.${light}`)}
      />
    </Tooltip>
  );
}

/** Live countdown to the step's deadline, with its light; counts up in red once overdue. */
export function DeadlineBadge({ light, nextDeadline }: { light?: Light | null; nextDeadline?: string | null }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const shown = effectiveLight(light, nextDeadline, now);
  const left = remainingMs(nextDeadline, now);
  return (
    <span className="deadline-badge" data-testid="deadline" data-light={shown ?? 'none'}>
      <LightDot light={shown} />
      {left === null ? (
        <span className="muted">—</span>
      ) : (
        <Tooltip title={t('deadline.due', { time: formatDateTime(nextDeadline, i18n.language) })}>
          <span className={left < 0 ? 'deadline-badge__time deadline-badge__time--overdue' : 'deadline-badge__time'}>
            <ClockCircleOutlined /> {left < 0 ? t('deadline.overdueBy', { time: formatDuration(left) }) : formatDuration(left)}
          </span>
        </Tooltip>
      )}
    </span>
  );
}
