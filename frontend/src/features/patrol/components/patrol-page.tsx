import { Badge, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useMyTasks } from '@/features/patrol/api/list-my-tasks';
import { MyReports } from '@/features/patrol/components/my-reports';
import { isTask, MyTasks } from '@/features/patrol/components/my-tasks';
import { OutboxBanner } from '@/features/patrol/components/outbox-banner';
import { ReportForm } from '@/features/patrol/components/report-form';
import { ReportQueued, ReportResult } from '@/features/patrol/components/report-result';
import { useReportOutbox } from '@/features/patrol/hooks/use-report-outbox';
import type { CaseDto } from '@/lib/api-types';
import { hasRole, useMe } from '@/lib/session';

type Outcome = { kind: 'created'; created: CaseDto } | { kind: 'queued' } | null;

/** The patroller's phone page: report a problem, do on-site tasks, follow what was reported. */
export function PatrolPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('report');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { outbox, reports, pending } = useReportOutbox();
  const tasks = useMyTasks();
  const taskCount = (tasks.data ?? []).filter(isTask).length;
  const me = useMe();
  // An acceptor enters calls at the hotline desk, which records the source and the caller; this form would file them
  // as a hotline report with no caller.
  if (me.data && !hasRole(me.data, 'patroller') && hasRole(me.data, 'acceptor')) return <Navigate to="/hotline" replace />;
  return (
    <div className="patrol-page">
      <OutboxBanner outbox={outbox} reports={reports} pending={pending} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'report',
            label: (
              <span data-testid="tab-report">
                {t('patrol.tabReport')}
                {pending > 0 ? <Badge count={pending} size="small" offset={[4, -8]} color="#faad14" /> : null}
              </span>
            ),
            children:
              outcome?.kind === 'created' ? (
                <ReportResult created={outcome.created} onNext={() => setOutcome(null)} />
              ) : outcome?.kind === 'queued' ? (
                <ReportQueued onNext={() => setOutcome(null)} />
              ) : (
                <ReportForm onCreated={(created) => setOutcome({ kind: 'created', created })} onQueued={() => setOutcome({ kind: 'queued' })} />
              ),
          },
          {
            key: 'tasks',
            label: (
              <span data-testid="tab-tasks">
                {t('patrol.tabTasks')}
                {taskCount > 0 ? <Badge count={taskCount} size="small" offset={[4, -8]} /> : null}
              </span>
            ),
            children: <MyTasks />,
          },
          {
            key: 'mine',
            label: <span data-testid="tab-mine">{t('patrol.tabMine')}</span>,
            children: <MyReports active={tab === 'mine'} />,
          },
        ]}
      />
    </div>
  );
}
