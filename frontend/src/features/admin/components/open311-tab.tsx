import { CopyOutlined, KeyOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Popconfirm, Table, Tag, Typography, type ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useIssueOpen311Key, useOpen311Keys, useRevokeOpen311Key } from '@/features/admin/api/open311-keys';
import { formProblem } from '@/features/admin/lib/form-problems';
import type { Open311Key } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';
import { describeApiError } from '@/lib/http';

const FIELDS = ['name'] as const;

/**
 * 开放接口 (Open311): the api_keys other systems post reports with. A key is shown once, in the dialog that issues it;
 * the list shows only its first characters. Revoking stops the system's posts at once.
 */
export function Open311Tab() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const keys = useOpen311Keys();
  const issue = useIssueOpen311Key();
  const revoke = useRevokeOpen311Key();
  const [form] = Form.useForm<{ name: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState<Open311Key | null>(null);

  const submit = ({ name }: { name: string }) => {
    setProblem(null);
    issue.mutate(name, {
      onSuccess: (issued) => {
        form.resetFields();
        setShown(issued);
      },
      onError: (error) => {
        const found = formProblem(error, FIELDS);
        form.setFields(found.fields);
        setProblem(found.message);
      },
    });
  };

  const copy = async (key: string) => {
    try {
      await navigator.clipboard.writeText(key);
      void message.success(t('open311Admin.copied'));
    } catch {
      // Without clipboard access the key stays selectable in the dialog.
    }
  };

  const columns: ColumnsType<Open311Key> = [
    { key: 'name', title: t('open311Admin.columns.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { key: 'prefix', title: t('open311Admin.columns.prefix'), dataIndex: 'prefix', width: 120, render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text> },
    {
      key: 'issued',
      title: t('open311Admin.columns.issued'),
      width: 220,
      render: (_, key) => t('open311Admin.issuedBy', { user: key.issuedBy, time: formatDateTime(key.issuedAt, language, false) }),
    },
    {
      key: 'lastUsed',
      title: t('open311Admin.columns.lastUsed'),
      width: 170,
      render: (_, key) => (key.lastUsedAt ? formatDateTime(key.lastUsedAt, language, false) : <span className="muted">{t('open311Admin.never')}</span>),
    },
    {
      key: 'status',
      title: t('open311Admin.columns.status'),
      width: 220,
      render: (_, key) =>
        key.revokedAt ? (
          <Flex vertical>
            <span>
              <Tag data-testid="open311-key-status" data-status="revoked">{t('open311Admin.revoked')}</Tag>
            </span>
            <span className="muted">{t('open311Admin.revokedBy', { user: key.revokedBy ?? '', time: formatDateTime(key.revokedAt, language, false) })}</span>
          </Flex>
        ) : (
          <Tag color="green" data-testid="open311-key-status" data-status="active">{t('open311Admin.active')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('open311Admin.columns.actions'),
      width: 110,
      render: (_, key) =>
        key.revokedAt ? null : (
          <Popconfirm
            title={t('open311Admin.revokeConfirm')}
            okText={t('open311Admin.revoke')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'open311-revoke-confirm' } as ButtonProps}
            onConfirm={() =>
              revoke.mutate(key.id, {
                onSuccess: () => void message.success(t('open311Admin.revokedDone')),
                onError: (error) => void message.error(`${t('open311Admin.failed')}: ${describeApiError(error)}`),
              })
            }
          >
            <Button size="small" danger icon={<StopOutlined />} loading={revoke.isPending && revoke.variables === key.id} data-testid="open311-revoke">
              {t('open311Admin.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="open311-tab">
      <Typography.Paragraph className="muted">
        {t('open311Admin.intro', { base: `${window.location.origin}/open311/v2/` })}
      </Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={submit} data-testid="open311-issue-form">
        <Form.Item name="name" label={t('open311Admin.name')} rules={[{ required: true, whitespace: true, message: t('open311Admin.namePlaceholder') }]}>
          <Input maxLength={100} placeholder={t('open311Admin.namePlaceholder')} data-testid="open311-name" style={{ width: 'min(280px, 70vw)' }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<KeyOutlined />} loading={issue.isPending} data-testid="open311-issue">
            {t('open311Admin.issue')}
          </Button>
        </Form.Item>
      </Form>
      {problem ? <Alert type="error" showIcon title={problem} data-testid="open311-problem" /> : null}
      {keys.isError ? (
        <QueryError error={keys.error} onRetry={() => void keys.refetch()} />
      ) : (
        <Table<Open311Key>
          rowKey="id"
          size="small"
          loading={keys.isLoading}
          columns={columns}
          dataSource={keys.data ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <span data-testid="open311-empty">{t('open311Admin.empty')}</span> }}
          onRow={(key) => ({ 'data-testid': `open311-key-row-${key.name}` }) as HTMLAttributes<HTMLElement>}
        />
      )}
      <Modal
        open={shown !== null}
        title={t('open311Admin.issued')}
        onCancel={() => setShown(null)}
        onOk={() => setShown(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        destroyOnHidden
      >
        {shown?.key ? (
          <Flex vertical gap={8}>
            <Typography.Text strong>{shown.name}</Typography.Text>
            <Alert type="warning" showIcon title={t('open311Admin.keyOnce')} />
            <Typography.Paragraph code data-testid="open311-issued-key" style={{ wordBreak: 'break-all' }}>
              {shown.key}
            </Typography.Paragraph>
            <Button icon={<CopyOutlined />} onClick={() => void copy(shown.key ?? '')}>
              {t('open311Admin.copy')}
            </Button>
          </Flex>
        ) : null}
      </Modal>
    </Flex>
  );
}
