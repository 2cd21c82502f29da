import { DeleteOutlined, ReloadOutlined, RedoOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Empty, Flex, Popconfirm, Segmented, Table, Tag, Typography, type ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useDiscardDeadLetter } from '@/features/admin/api/discard-dead-letter';
import { useDeadLetters, type DeadLetterFilter } from '@/features/admin/api/list-dead-letters';
import { useReplayDeadLetter } from '@/features/admin/api/replay-dead-letter';
import type { DeadLetter, DeadLetterStatus } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';
import { describeApiError } from '@/lib/http';

const FILTERS: DeadLetterFilter[] = ['open', 'replayed', 'discarded', 'all'];
const STATUS_COLOURS: Record<DeadLetterStatus, string> = { open: 'red', replayed: 'green', discarded: 'default' };

/** 死信: messages the consumers gave up on; replay one once its cause is fixed, or discard it. */
export function DeadLettersTab() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const [status, setStatus] = useState<DeadLetterFilter>('open');
  const letters = useDeadLetters(status);
  const replay = useReplayDeadLetter();
  const discard = useDiscardDeadLetter();
  const busy = (id: string) => (replay.isPending && replay.variables === id) || (discard.isPending && discard.variables === id);

  const close = (letter: DeadLetter, action: 'replay' | 'discard') => {
    const mutation = action === 'replay' ? replay : discard;
    mutation.mutate(letter.id, {
      onSuccess: () => void message.success(t(action === 'replay' ? 'admin.deadLetters.replayed' : 'admin.deadLetters.discarded')),
      onError: (error) => void message.error(`${t('admin.deadLetters.failed')}: ${describeApiError(error)}`),
    });
  };

  const columns: ColumnsType<DeadLetter> = [
    {
      key: 'type',
      title: t('admin.deadLetters.columns.type'),
      dataIndex: 'messageType',
      width: 170,
      render: (type: string) => <Typography.Text strong>{type}</Typography.Text>,
    },
    {
      key: 'queue',
      title: t('admin.deadLetters.columns.queue'),
      dataIndex: 'queue',
      width: 170,
      render: (queue: string | null | undefined) => (queue ? <Typography.Text code>{queue}</Typography.Text> : null),
    },
    {
      key: 'exception',
      title: t('admin.deadLetters.columns.exception'),
      ellipsis: true,
      render: (_, letter) => <span title={`${letter.exceptionType}: ${letter.exceptionMessage}`}>{letter.exceptionMessage}</span>,
    },
    {
      key: 'faultedAt',
      title: t('admin.deadLetters.columns.faultedAt'),
      dataIndex: 'faultedAt',
      width: 180,
      render: (value: string) => formatDateTime(value, language),
    },
    {
      key: 'status',
      title: t('admin.deadLetters.columns.status'),
      width: 220,
      render: (_, letter) => (
        <Flex vertical>
          <span>
            <Tag color={STATUS_COLOURS[letter.status]} data-testid="dead-letter-status" data-status={letter.status}>
              {t(`admin.deadLetters.status.${letter.status}`)}
            </Tag>
          </span>
          {letter.status === 'replayed' && letter.replayedAt ? (
            <span className="muted">
              {t('admin.deadLetters.replayedBy', { user: letter.replayedBy ?? '', time: formatDateTime(letter.replayedAt, language) })}
            </span>
          ) : null}
          {letter.status === 'discarded' && letter.discardedAt ? (
            <span className="muted">
              {t('admin.deadLetters.discardedBy', { user: letter.discardedBy ?? '', time: formatDateTime(letter.discardedAt, language) })}
            </span>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('admin.deadLetters.columns.actions'),
      width: 190,
      render: (_, letter) =>
        letter.status === 'open' ? (
          <Flex gap={4}>
            <Popconfirm
              title={t('admin.deadLetters.replayConfirm')}
              okText={t('admin.deadLetters.replay')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'dead-letter-replay-confirm' } as ButtonProps}
              onConfirm={() => close(letter, 'replay')}
            >
              <Button size="small" icon={<RedoOutlined />} loading={busy(letter.id)} data-testid="dead-letter-replay">
                {t('admin.deadLetters.replay')}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t('admin.deadLetters.discardConfirm')}
              okText={t('admin.deadLetters.discard')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'dead-letter-discard-confirm' } as ButtonProps}
              onConfirm={() => close(letter, 'discard')}
            >
              <Button size="small" danger icon={<DeleteOutlined />} disabled={busy(letter.id)} data-testid="dead-letter-discard">
                {t('admin.deadLetters.discard')}
              </Button>
            </Popconfirm>
          </Flex>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="dead-letters">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Segmented<DeadLetterFilter>
          value={status}
          onChange={setStatus}
          options={FILTERS.map((filter) => ({
            value: filter,
            label: <span data-testid={`dead-letters-filter-${filter}`}>{t(`admin.deadLetters.status.${filter}`)}</span>,
          }))}
          data-testid="dead-letters-filter"
        />
        <Button icon={<ReloadOutlined />} onClick={() => void letters.refetch()} loading={letters.isFetching}>
          {t('common.refresh')}
        </Button>
      </Flex>
      {letters.isError ? (
        <QueryError error={letters.error} onRetry={() => void letters.refetch()} />
      ) : (
        <Table<DeadLetter>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={letters.data?.items ?? []}
          loading={letters.isPending || (letters.isPlaceholderData && letters.isFetching)}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admin.deadLetters.empty')} data-testid="dead-letters-empty" />,
          }}
          expandable={{ expandedRowRender: (letter) => <LetterDetails letter={letter} /> }}
          data-testid="dead-letters-table"
          data-status={status}
          onRow={(letter) =>
            ({ 'data-testid': `dead-letter-row-${letter.id}`, 'data-status': letter.status }) as HTMLAttributes<HTMLElement>
          }
        />
      )}
    </Flex>
  );
}

function LetterDetails({ letter }: { letter: DeadLetter }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} data-testid={`dead-letter-details-${letter.id}`}>
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('admin.deadLetters.messageId')}>{letter.messageId ?? ''}</Descriptions.Item>
        <Descriptions.Item label={t('admin.deadLetters.exceptionType')}>{letter.exceptionType}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">{letter.exceptionMessage}</Typography.Text>
      <Typography.Text strong>{t('admin.deadLetters.message')}</Typography.Text>
      <pre className="admin-json" data-testid="dead-letter-message">
        {JSON.stringify(letter.message, null, 2)}
      </pre>
    </Flex>
  );
}
