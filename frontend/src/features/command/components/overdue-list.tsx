import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DeadlineBadge } from '@/components/deadline-badge';
import { StateTag } from '@/components/state-tag';
import type { CaseSummary } from '@/lib/api-types';
import { localName } from '@/lib/i18n';

export function OverdueList({ cases, onSelect }: { cases: readonly CaseSummary[]; onSelect: (item: CaseSummary) => void }) {
  const { t, i18n } = useTranslation();
  if (cases.length === 0) return <Empty description={t('command.overdue.empty')} />;
  return (
    <ul className="live-list" data-testid="overdue-list">
      {cases.map((item) => (
        <li key={item.id} className="live-list__row live-list__row--overdue" data-testid={`overdue-${item.number}`} onClick={() => onSelect(item)}>
          <div className="live-list__top">
            <Typography.Text strong>{item.number}</Typography.Text>
            <StateTag state={item.state} solid />
          </div>
          <div className="live-list__meta">
            <DeadlineBadge light={item.light} nextDeadline={item.nextDeadline} />
            <span>{localName(i18n.language, item.departmentNameZh, item.departmentNameEn) || '—'}</span>
            <span>
              {item.categoryCode} {localName(i18n.language, item.categoryNameZh, item.categoryNameEn)}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
