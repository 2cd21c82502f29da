import { Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { StateTag } from '@/components/state-tag';
import type { CaseSummary } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';
import { localName } from '@/lib/i18n';

export interface LiveCaseListProps {
  cases: readonly CaseSummary[];
  fresh: ReadonlySet<string>;
  selectedId: string | null;
  onSelect: (item: CaseSummary) => void;
}

export function LiveCaseList({ cases, fresh, selectedId, onSelect }: LiveCaseListProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (cases.length === 0) return <Empty description={t('command.empty')} />;
  return (
    <ul className="live-list" data-testid="live-case-list">
      {cases.map((item) => (
        <li
          key={item.id}
          data-testid={`case-row-${item.number}`}
          className={[
            'live-list__row',
            fresh.has(item.id) ? 'live-list__row--fresh' : '',
            selectedId === item.id ? 'live-list__row--selected' : '',
          ].join(' ')}
          onClick={() => onSelect(item)}
        >
          <div className="live-list__top">
            <Typography.Text strong>{item.number}</Typography.Text>
            <span>
              {item.needsManualDispatch ? <Tag color="red">{t('case.needsManualDispatch')}</Tag> : null}
              <StateTag state={item.state} solid />
            </span>
          </div>
          <div className="live-list__meta">
            <span>
              {item.categoryCode} {localName(language, item.categoryNameZh, item.categoryNameEn)}
            </span>
            {item.departmentKey ? (
              <span>{localName(language, item.departmentNameZh, item.departmentNameEn) || item.departmentKey}</span>
            ) : null}
            <span>{formatDateTime(item.reportedAt, language)}</span>
          </div>
          {item.description ? <div className="live-list__description">{item.description}</div> : null}
        </li>
      ))}
    </ul>
  );
}
