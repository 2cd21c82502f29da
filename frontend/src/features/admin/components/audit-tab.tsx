import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useAuditLog, type AuditFilter } from '@/features/admin/api/list-audit';
import { auditChanges } from '@/features/admin/lib/audit-diff';
import type { AuditEntry } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';

/** The kinds of record the log names; the server accepts any, these are the ones offered. */
const SUBJECT_TYPES = ['account', 'department', 'grid', 'rule', 'category', 'condition', 'limit', 'calendar', 'component', 'deadletter'];

/** 操作日志: every administrative change, who made it, when, and what changed; newest first, searchable. */
export function AuditTab() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [text, setText] = useState('');
  const log = useAuditLog(filter);
  const rows = useMemo(() => log.data?.pages.flatMap((page) => page.items) ?? [], [log.data]);

  const columns: ColumnsType<AuditEntry> = [
    { key: 'at', title: t('admin.audit.columns.at'), dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at, i18n.language) },
    {
      key: 'actor',
      title: t('admin.audit.columns.actor'),
      width: 140,
      render: (_, entry) => <span title={entry.actor}>{entry.actorName}</span>,
    },
    {
      key: 'action',
      title: t('admin.audit.columns.action'),
      width: 190,
      render: (_, entry) => <Typography.Text code>{entry.action}</Typography.Text>,
    },
    {
      key: 'subject',
      title: t('admin.audit.columns.subject'),
      render: (_, entry) => (
        <span>
          {t(`admin.audit.subjects.${entry.subjectType}`, { defaultValue: entry.subjectType })} · {entry.subjectKey}
        </span>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="audit-log">
      <Flex gap={8} wrap align="center">
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('admin.audit.subjectType')}
          value={filter.subjectType}
          onChange={(subjectType?: string) => setFilter((f) => ({ ...f, subjectType }))}
          options={SUBJECT_TYPES.map((value) => ({ value, label: t(`admin.audit.subjects.${value}`) }))}
          data-testid="audit-subject-type"
        />
        <Input.Search
          allowClear
          style={{ maxWidth: 320 }}
          placeholder={t('admin.audit.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(q) => setFilter((f) => ({ ...f, q }))}
          data-testid="audit-search"
        />
        <Button icon={<ReloadOutlined />} onClick={() => void log.refetch()} loading={log.isFetching}>
          {t('common.refresh')}
        </Button>
      </Flex>
      {log.isError ? (
        <QueryError error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <>
          <Table<AuditEntry>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={log.isPending}
            pagination={false}
            scroll={{ x: 640 }}
            expandable={{ expandedRowRender: (entry) => <AuditChanges entry={entry} /> }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admin.audit.empty')} /> }}
            onRow={(entry) => ({ 'data-testid': `audit-row-${entry.id}`, 'data-action': entry.action }) as HTMLAttributes<HTMLElement>}
            data-testid="audit-table"
          />
          {log.hasNextPage ? (
            <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage} data-testid="audit-more">
              {t('admin.audit.more')}
            </Button>
          ) : null}
        </>
      )}
    </Flex>
  );
}

function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changes = auditChanges(entry.before, entry.after);
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={changes}
      columns={[
        { key: 'field', title: t('admin.audit.field'), dataIndex: 'field', width: 160 },
        { key: 'before', title: t('admin.audit.before'), dataIndex: 'before', render: (v: string) => <span className="audit-before">{v}</span> },
        { key: 'after', title: t('admin.audit.after'), dataIndex: 'after', render: (v: string) => <span className="audit-after">{v}</span> },
      ]}
      data-testid={`audit-changes-${entry.id}`}
    />
  );
}
