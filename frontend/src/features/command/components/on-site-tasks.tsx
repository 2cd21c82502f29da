import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DeadlineBadge } from '@/components/deadline-badge';
import { StateTag } from '@/components/state-tag';
import type { CaseSummary } from '@/lib/api-types';
import { localName } from '@/lib/i18n';

/** 核实 and 核查: the on-site work a task list holds. */
export function onSiteTasks(cases: readonly CaseSummary[] | undefined): CaseSummary[] {
  return (cases ?? []).filter((item) => item.state === 'Verifying' || item.state === 'Checking');
}

/**
 * A shift leader's on-site tasks (现场任务): verifications and checks that fell to the shift leaders because nobody
 * was on duty in the grid. A row opens the case, where the verification or check is done.
 */
export function OnSiteTaskList({ tasks, onSelect }: { tasks: readonly CaseSummary[]; onSelect: (item: CaseSummary) => void }) {
  const { t, i18n } = useTranslation();
  if (tasks.length === 0) return <Empty description={t('command.tasks.empty')} />;
  return (
    <ul className="live-list" data-testid="on-site-tasks">
      {tasks.map((item) => (
        <li key={item.id} className="live-list__row" data-testid={`on-site-task-${item.number}`} onClick={() => onSelect(item)}>
          <div className="live-list__top">
            <Typography.Text strong>{item.number}</Typography.Text>
            <StateTag state={item.state} solid />
          </div>
          <div className="live-list__meta">
            <span data-testid={`on-site-task-kind-${item.number}`}>{t(item.state === 'Verifying' ? 'command.tasks.verify' : 'command.tasks.check')}</span>
            <DeadlineBadge light={item.light} nextDeadline={item.nextDeadline} />
            <span>
              {item.categoryCode} {localName(i18n.language, item.categoryNameZh, item.categoryNameEn)}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
