import { Badge, Result, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDeadLetters } from '@/features/admin/api/list-dead-letters';
import { AccountsTab } from '@/features/admin/components/accounts-tab';
import { CalendarTab } from '@/features/admin/components/calendar-tab';
import { DeadLettersTab } from '@/features/admin/components/dead-letters-tab';
import { PatrolGridsTab } from '@/features/admin/components/patrol-grids-tab';
import { RoutingRulesTab } from '@/features/admin/components/routing-rules-tab';
import { hasRole, useMe } from '@/lib/session';

const TABS = ['rules', 'dead-letters', 'accounts', 'patrol-grids', 'calendar'] as const;
type AdminTab = (typeof TABS)[number];

function isTab(value: string | null): value is AdminTab {
  return (TABS as readonly (string | null)[]).includes(value);
}

/** 系统管理: routing rules, dead letters, accounts, patrol grids and the working calendar. A tab mounts (and loads) when first shown. */
export function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const picked = params.get('tab');
  const tab: AdminTab = isTab(picked) ? picked : 'rules';
  const admin = hasRole(me.data, 'admin');
  // The open count is the one figure worth seeing from any tab: a poison message needs a hand.
  const openLetters = useDeadLetters('open', admin);
  const openCount = openLetters.data?.open ?? 0;

  if (!me.data) return null;
  if (!admin) return <Result status="403" title={t('common.forbidden')} subTitle={t('admin.notAdmin')} />;

  return (
    <div className="admin-page">
      <Typography.Title level={3} className="admin-page__title" data-testid="admin-title">
        {t('admin.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'rules' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'rules',
            label: <span data-testid="admin-tab-rules">{t('admin.tabs.rules')}</span>,
            children: <RoutingRulesTab />,
          },
          {
            key: 'dead-letters',
            label: (
              <span data-testid="admin-tab-dead-letters" data-open={openLetters.data ? openCount : undefined}>
                {t('admin.tabs.deadLetters')}{' '}
                <Badge count={openCount} size="small" data-testid="dead-letters-open-count" />
              </span>
            ),
            children: <DeadLettersTab />,
          },
          {
            key: 'accounts',
            label: <span data-testid="admin-tab-accounts">{t('admin.tabs.accounts')}</span>,
            children: <AccountsTab />,
          },
          {
            key: 'patrol-grids',
            label: <span data-testid="admin-tab-patrol-grids">{t('patrolGrids.tab')}</span>,
            children: <PatrolGridsTab />,
          },
          {
            key: 'calendar',
            label: <span data-testid="admin-tab-calendar">{t('workCalendar.tab')}</span>,
            children: <CalendarTab />,
          },
        ]}
      />
    </div>
  );
}
