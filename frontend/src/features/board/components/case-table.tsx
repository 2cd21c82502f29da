import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { DeadlineBadge } from '@/components/deadline-badge';
import { StateTag } from '@/components/state-tag';
import type { CaseSummary } from '@/lib/api-types';
import { lightRank } from '@/lib/deadline';
import { formatDateTime } from '@/lib/format';
import { localName } from '@/lib/i18n';

export interface CaseTableProps {
  cases: readonly CaseSummary[];
  loading?: boolean;
  fresh?: ReadonlySet<string>;
  onOpen: (item: CaseSummary) => void;
}

/** Cases without a deadline sort after every case that has one. */
function deadlineOrder(a: CaseSummary, b: CaseSummary): number {
  const due = (item: CaseSummary) => (item.nextDeadline ? Date.parse(item.nextDeadline) : Number.POSITIVE_INFINITY);
  return due(a) - due(b);
}

export function CaseTable({ cases, loading, fresh, onOpen }: CaseTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const columns: ColumnsType<CaseSummary> = [
    {
      key: 'deadline',
      title: t('board.columns.deadline'),
      width: 200,
      defaultSortOrder: 'ascend',
      sorter: (a, b) => deadlineOrder(a, b) || lightRank(a.light) - lightRank(b.light),
      render: (_, item) => <DeadlineBadge light={item.light} nextDeadline={item.nextDeadline} />,
    },
    {
      key: 'number',
      title: t('case.number'),
      dataIndex: 'number',
      width: 190,
      sorter: (a, b) => a.number.localeCompare(b.number),
      render: (number: string, item) => (
        <span>
          <Typography.Text strong>{number}</Typography.Text>
          {fresh?.has(item.id) ? (
            <Tag color="blue" style={{ marginLeft: 6 }} data-testid="new-tag">
              {t('board.new')}
            </Tag>
          ) : null}
          {item.escalated ? (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {t('case.escalatedShort')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      key: 'category',
      title: t('case.category'),
      width: 220,
      sorter: (a, b) => a.categoryCode.localeCompare(b.categoryCode),
      render: (_, item) => `${item.categoryCode} ${localName(language, item.categoryNameZh, item.categoryNameEn)}`,
    },
    {
      key: 'state',
      title: t('case.state'),
      dataIndex: 'state',
      width: 110,
      sorter: (a, b) => a.state.localeCompare(b.state),
      render: (state: string) => <StateTag state={state} />,
    },
    {
      key: 'reportedAt',
      title: t('case.reportedAt'),
      dataIndex: 'reportedAt',
      width: 190,
      sorter: (a, b) => a.reportedAt.localeCompare(b.reportedAt),
      render: (value: string) => formatDateTime(value, language),
    },
    {
      key: 'description',
      title: t('case.description'),
      dataIndex: 'description',
      ellipsis: true,
    },
  ];

  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={cases as CaseSummary[]}
      loading={loading}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('board.empty') }}
      rowClassName={(item) => `clickable-row${fresh?.has(item.id) ? ' case-row--fresh' : ''}`}
      onRow={(item) =>
        ({
          'data-testid': `case-row-${item.number}`,
          'data-state': item.state,
          onClick: () => onOpen(item),
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
