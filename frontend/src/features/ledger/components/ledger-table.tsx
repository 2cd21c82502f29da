import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { DeadlineBadge } from '@/components/deadline-badge';
import { StateTag } from '@/components/state-tag';
import type { LedgerRow } from '@/features/ledger/api/types';
import type { Light } from '@/lib/api-types';
import { rowFlags, type LedgerColumnDef } from '@/features/ledger/lib/columns';
import { formatDateTime } from '@/lib/format';
import { localName } from '@/lib/i18n';

export interface LedgerTableProps {
  rows: readonly LedgerRow[];
  columns: readonly LedgerColumnDef[];
  sort: string;
  loading: boolean;
  onSort: (column: string) => void;
  onOpen: (id: string) => void;
}

function sortOrder(sort: string, column?: string): 'ascend' | 'descend' | null {
  if (!column) return null;
  if (sort === column) return 'ascend';
  if (sort === `-${column}`) return 'descend';
  return null;
}

/** The ledger's rows; a click opens the case drawer, a sortable header asks the server for that order. */
export function LedgerTable({ rows, columns, sort, loading, onSort, onOpen }: LedgerTableProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const time = (value: string | null) => (value ? formatDateTime(value, lang, false) : '—');
  const cell = (key: string, row: LedgerRow) => {
    switch (key) {
      case 'number':
        return (
          <Button type="link" size="small" style={{ padding: 0 }} data-testid="ledger-row-number" onClick={() => onOpen(row.id)}>
            {row.number}
          </Button>
        );
      case 'state':
        return <StateTag state={row.state} />;
      case 'light':
        return row.light ? <Tag color={row.light.toLowerCase() === 'green' ? 'green' : row.light.toLowerCase() === 'yellow' ? 'gold' : 'red'}>{t(`ledger.light.${row.light}`)}</Tag> : '—';
      case 'source':
        return t(`case.sources.${row.source}`, { defaultValue: row.source });
      case 'category':
        return `${row.categoryCode} ${localName(lang, row.categoryNameZh, row.categoryNameEn)}`;
      case 'condition':
        return row.conditionNameZh ? localName(lang, row.conditionNameZh, row.conditionNameEn ?? row.conditionNameZh) : '—';
      case 'description':
        return (
          <Typography.Text ellipsis={{ tooltip: row.description }} style={{ maxWidth: 260 }} data-testid="ledger-row-description">
            {row.description}
          </Typography.Text>
        );
      case 'street':
        return row.streetName ?? '—';
      case 'community':
        return row.communityName ?? '—';
      case 'grid':
        return row.gridCode ? `${row.gridName ?? ''} ${row.gridCode}` : '—';
      case 'department':
        return row.departmentNameZh ? localName(lang, row.departmentNameZh, row.departmentNameEn ?? row.departmentNameZh) : '—';
      case 'reportedBy':
        return row.reportedBy;
      case 'reportedAt':
        return time(row.reportedAt);
      case 'dispatchedAt':
        return time(row.dispatchedAt);
      case 'closedAt':
        return time(row.closedAt);
      case 'deadline':
        return row.deadline ? <DeadlineBadge light={row.light as Light | null} nextDeadline={row.deadline} /> : '—';
      case 'componentId':
        return row.componentId ?? '—';
      case 'flags':
        return rowFlags(row).map((flag) => (
          <Tag key={flag} color={flag === 'overdue' || flag === 'escalated' ? 'red' : 'orange'}>
            {t(`ledger.flag.${flag}`)}
          </Tag>
        ));
      default:
        return null;
    }
  };
  const tableColumns: ColumnsType<LedgerRow> = columns.map((c) => ({
    key: c.key,
    title: t(`ledger.column.${c.key}`),
    width: c.width,
    sorter: c.sort ? true : undefined,
    sortOrder: sortOrder(sort, c.sort),
    sortDirections: ['ascend', 'descend', 'ascend'],
    render: (_: unknown, row: LedgerRow) => cell(c.key, row),
    onHeaderCell: c.sort ? () => ({ onClick: () => onSort(c.sort!) }) : undefined,
  }));
  return (
    <Table<LedgerRow>
      rowKey="id"
      size="small"
      data-testid="ledger-table"
      loading={loading}
      dataSource={[...rows]}
      columns={tableColumns}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(row) => ({ 'data-testid': 'ledger-row', 'data-number': row.number } as React.HTMLAttributes<HTMLElement>)}
    />
  );
}
