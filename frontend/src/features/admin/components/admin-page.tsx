import { Badge, Result, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDeadLetters } from '@/features/admin/api/list-dead-letters';
import { AccountsTab } from '@/features/admin/components/accounts-tab';
import { AuditTab } from '@/features/admin/components/audit-tab';
import { CalendarTab } from '@/features/admin/components/calendar-tab';
import { CatalogueTab } from '@/features/admin/components/catalogue-tab';
import { CensusTab } from '@/features/admin/components/census-tab';
import { DeadLettersTab } from '@/features/admin/components/dead-letters-tab';
import { DepartmentsTab } from '@/features/admin/components/departments-tab';
import { Open311Tab } from '@/features/admin/components/open311-tab';
import { PatrolGridsTab } from '@/features/admin/components/patrol-grids-tab';
import { RoutingRulesTab } from '@/features/admin/components/routing-rules-tab';
import { hasRole, useMe } from '@/lib/session';

const TABS = ['rules', 'accounts', 'departments', 'patrol-grids', 'catalogue', 'census', 'calendar', 'open311', 'audit', 'dead-letters'] as const;
type AdminTab = (typeof TABS)[number];

function isTab(value: string | null): value is AdminTab {
  return (TABS as readonly (string | null)[]).includes(value);
}

/**
 * 系统管理: the city's set-up (routing rules, accounts, departments, patrol grids, the catalogue, the component census,
 * the working calendar, Open311 api_keys), the audit log of every change to it, and dead letters. A tab mounts (and loads) when first shown.
 */
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

  const simple = (key: AdminTab, label: string, children: ReactNode) => ({
    key,
    label: <span data-testid={`admin-tab-${key}`}>{label}</span>,
    children,
  });

  return (
    <div className="admin-page">
      <Typography.Title level={3} className="admin-page__title" data-testid="admin-title">
        {t('admin.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'rules' ? {} : { tab: key }, { replace: true })}
        items={[
          simple('rules', t('admin.tabs.rules'), <RoutingRulesTab />),
          simple('accounts', t('admin.tabs.accounts'), <AccountsTab />),
          simple('departments', t('departments.tab'), <DepartmentsTab />),
          simple('patrol-grids', t('patrolGrids.tab'), <PatrolGridsTab />),
          simple('catalogue', t('catalogueAdmin.tab'), <CatalogueTab />),
          simple('census', t('censusAdmin.tab'), <CensusTab />),
          simple('calendar', t('workCalendar.tab'), <CalendarTab />),
          simple('open311', t('open311Admin.tab'), <Open311Tab />),
          simple('audit', t('admin.tabs.audit'), <AuditTab />),
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
        ]}
      />
    </div>
  );
}
