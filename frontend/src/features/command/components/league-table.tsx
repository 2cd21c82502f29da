import { Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DepartmentStanding } from '@/features/command/lib/board-stats';
import { localName } from '@/lib/i18n';

function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

/** Departments ranked by the share of their open cases within the time limit. */
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
        { key: 'rank', title: '#', width: 36, render: (_, __, index) => index + 1 },
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
          render: (_, row) => percent(row.onTimeRate),
        },
        {
          key: 'rework',
          title: t('command.league.reworkRate'),
          width: 60,
          align: 'right',
          render: (_, row) =>
            row.reworkRate === null ? <Tooltip title={t('command.league.reworkUnknown')}>—</Tooltip> : percent(row.reworkRate),
        },
      ]}
    />
  );
}
