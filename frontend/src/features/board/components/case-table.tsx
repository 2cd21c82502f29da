import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { StateTag } from '@/components/state-tag';
import type { CaseSummary } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';
import { localName } from '@/lib/i18n';

export interface CaseTableProps {
  cases: readonly CaseSummary[];
  loading?: boolean;
  onOpen: (item: CaseSummary) => void;
}

export function CaseTable({ cases, loading, onOpen }: CaseTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const columns: ColumnsType<CaseSummary> = [
    {
      key: 'number',
      title: t('case.number'),
      dataIndex: 'number',
      width: 190,
      render: (number: string) => <Typography.Text strong>{number}</Typography.Text>,
    },
    {
      key: 'category',
      title: t('case.category'),
      width: 220,
      render: (_, item) => `${item.categoryCode} ${localName(language, item.categoryNameZh, item.categoryNameEn)}`,
    },
    {
      key: 'state',
      title: t('case.state'),
      dataIndex: 'state',
      width: 110,
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
      rowClassName="clickable-row"
      onRow={(item) =>
        ({
          'data-testid': `case-row-${item.number}`,
          onClick: () => onOpen(item),
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
