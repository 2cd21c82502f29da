import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useAccounts } from '@/features/admin/api/list-accounts';
import { useGridLevels } from '@/lib/api/list-grids';
import { useSetGridScope } from '@/features/admin/api/set-grid-scope';
import { formProblem } from '@/features/admin/lib/form-problems';
import { scopeOptions, scopeToValue, takesGridScope, valueToScope, WHOLE_CITY } from '@/features/admin/lib/grid-scope';
import type { Account } from '@/lib/api-types';
import { useDepartments } from '@/lib/api/list-departments';
import { localName } from '@/lib/i18n';

const SCOPE_LEVELS = ['district', 'street', 'community'] as const;

/** 账号: every account with its roles, and the grid subtree a command-centre account is scoped to. */
export function AccountsTab() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const accounts = useAccounts();
  const departments = useDepartments(true);
  const grids = useGridLevels(SCOPE_LEVELS);

  const departmentName = useMemo(() => {
    const names = new Map((departments.data ?? []).map((item) => [item.key, localName(language, item.nameZh, item.nameEn)]));
    return (key: string) => names.get(key) ?? key;
  }, [departments.data, language]);
  const options = useMemo(
    () => [
      { value: WHOLE_CITY, label: t('admin.accounts.wholeCity'), level: 'city' as const },
      ...scopeOptions(grids.nodes).map((node) => ({ value: node.value, label: `${node.name} ${node.code}`, level: node.level })),
    ],
    [grids.nodes, t],
  );

  const columns: ColumnsType<Account> = [
    {
      key: 'userName',
      title: t('admin.accounts.columns.userName'),
      dataIndex: 'userName',
      width: 220,
      render: (userName: string) => <Typography.Text code>{userName}</Typography.Text>,
    },
    {
      key: 'displayName',
      title: t('admin.accounts.columns.displayName'),
      dataIndex: 'displayName',
      width: 200,
    },
    {
      key: 'roles',
      title: t('admin.accounts.columns.roles'),
      width: 180,
      render: (_, account) => (
        <Flex gap={4} wrap>
          {account.roles.map((role) => (
            <Tag key={role} color={role === 'admin' ? 'volcano' : undefined} data-testid={`account-role-${role}`}>
              {t(`role.${role}`, { defaultValue: role })}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'department',
      title: t('admin.accounts.columns.department'),
      ellipsis: true,
      render: (_, account) => (account.departmentKey ? departmentName(account.departmentKey) : null),
    },
    {
      key: 'gridScope',
      title: t('admin.accounts.columns.gridScope'),
      width: 340,
      render: (_, account) =>
        takesGridScope(account.roles) ? (
          <ScopeControl account={account} options={options} loading={grids.isLoading} />
        ) : (
          <span className="muted">{t('admin.accounts.notApplicable')}</span>
        ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="accounts">
      <Flex justify="space-between" align="center" gap={12}>
        {accounts.data ? <Tag>{accounts.data.length}</Tag> : <span />}
        <Button icon={<ReloadOutlined />} onClick={() => void accounts.refetch()} loading={accounts.isFetching}>
          {t('common.refresh')}
        </Button>
      </Flex>
      {accounts.isError ? (
        <QueryError error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : (
        <Table<Account>
          rowKey="userName"
          size="small"
          columns={columns}
          dataSource={accounts.data ?? []}
          loading={accounts.isPending}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('admin.accounts.empty') }}
          data-testid="accounts-table"
          onRow={(account) =>
            ({
              'data-testid': `account-row-${account.userName}`,
              'data-grid-scope': account.gridScope ?? '',
            }) as HTMLAttributes<HTMLElement>
          }
        />
      )}
      <Typography.Text type="secondary" data-testid="accounts-note">
        {t('admin.accounts.note')}
      </Typography.Text>
    </Flex>
  );
}

interface ScopeOptionItem {
  value: string;
  label: string;
  level: string;
}

/** Picking a node saves at once; the row then shows what the server stored, or why it refused. */
function ScopeControl({ account, options, loading }: { account: Account; options: ScopeOptionItem[]; loading: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSetGridScope();
  const [problem, setProblem] = useState<string | null>(null);

  const change = (value: string) => {
    setProblem(null);
    save.mutate(
      { userName: account.userName, gridScope: valueToScope(value) },
      {
        onSuccess: (updated) => void message.success(t('admin.accounts.saved', { user: updated.displayName || updated.userName })),
        onError: (error) => {
          const found = formProblem(error, ['gridScope']);
          // A 422 may carry the same words as detail and as errors.gridScope: say them once.
          const messages = [...found.fields.flatMap((field) => field.errors), found.message].filter((text): text is string => !!text);
          setProblem([...new Set(messages)].join(' '));
        },
      },
    );
  };

  return (
    <Flex vertical gap={4}>
      <Select<string>
        value={scopeToValue(account.gridScope)}
        onChange={change}
        loading={loading || save.isPending}
        disabled={save.isPending}
        status={problem ? 'error' : undefined}
        showSearch={{ optionFilterProp: 'label' }}
        options={options}
        optionRender={(option) => (
          <span data-testid={`scope-option-${option.value}`} className={`grid-option grid-option--${option.data.level}`}>
            {option.label}
          </span>
        )}
        virtual={false}
        listHeight={360}
        style={{ width: '100%' }}
        aria-label={t('admin.accounts.columns.gridScope')}
        data-testid={`scope-select-${account.userName}`}
      />
      {problem ? <Alert type="error" showIcon title={problem} data-testid={`scope-error-${account.userName}`} /> : null}
    </Flex>
  );
}
