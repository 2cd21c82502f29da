import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DepartmentStanding } from '@/features/command/lib/board-stats';
import { formatRate } from '@/lib/evaluation-types';
import { localName } from '@/lib/i18n';

function RankCell({ row }: { row: DepartmentStanding }) {
  const { t } = useTranslation();
  if (row.rank === null) return <>—</>;
  const change = row.rankChange;
  return (
    <span>
      {row.rank}
      {change ? (
        <span
          data-testid={`league-change-${row.key}`}
          data-change={change}
          aria-label={t('command.league.rankChange')}
          style={{ color: change > 0 ? '#73d13d' : '#ff4d4f', marginLeft: 2, fontSize: 11 }}
        >
          {change > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />}
          {Math.abs(change)}
        </span>
      ) : null}
    </span>
  );
}

/**
 * This month's department league from the server (rank and its change, on-time handling and rework
 * rates, score) beside the live open and overdue counts of the board.
 */
export function LeagueTable({ rows }: { rows: readonly DepartmentStanding[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<DepartmentStanding>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows as DepartmentStanding[]}
      data-testid="league-table"
      locale={{ emptyText: t('command.league.empty') }}
      onRow={(row) => ({ 'data-testid': `league-${row.key}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'rank', title: '#', width: 44, render: (_, row) => <RankCell row={row} /> },
        {
          key: 'name',
          title: t('command.league.department'),
          render: (_, row) => localName(i18n.language, row.nameZh, row.nameEn),
        },
        { key: 'open', title: t('command.league.open'), dataIndex: 'open', width: 48, align: 'right' },
        { key: 'overdue', title: t('command.league.overdue'), dataIndex: 'overdue', width: 48, align: 'right' },
        {
          key: 'onTime',
          title: t('command.league.onTimeRate'),
          width: 68,
          align: 'right',
          render: (_, row) => formatRate(row.onTimeRate),
        },
        {
          key: 'rework',
          title: t('command.league.reworkRate'),
          width: 60,
          align: 'right',
          render: (_, row) => formatRate(row.reworkRate),
        },
        {
          key: 'score',
          title: t('command.league.score'),
          width: 52,
          align: 'right',
          render: (_, row) => (row.score === null ? '—' : row.score.toFixed(1)),
        },
      ]}
    />
  );
}
