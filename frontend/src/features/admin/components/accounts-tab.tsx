import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useAccounts } from '@/features/admin/api/list-accounts';
import { useResetPassword } from '@/features/admin/api/reset-password';
import { useSetAccountDisabled } from '@/features/admin/api/set-account-disabled';
import { useSetGridScope } from '@/features/admin/api/set-grid-scope';
import { AccountFormDrawer, type AccountEditing } from '@/features/admin/components/account-form-drawer';
import { accountStatus, PAGE_SIZE, ROLES, type AccountFilters, type AccountStatus } from '@/features/admin/lib/accounts';
import { formProblem } from '@/features/admin/lib/form-problems';
import { optionsFor, scopeKind, scopeOptions, scopeToValue, valueToScope, WHOLE_CITY, type ScopeKind } from '@/features/admin/lib/grid-scope';
import type { Account, PasswordReset } from '@/lib/api-types';
import { useDepartments } from '@/lib/api/list-departments';
import { useGridLevels } from '@/lib/api/list-grids';
import { formatDateTime } from '@/lib/format';
import { localName } from '@/lib/i18n';

const SCOPE_LEVELS = ['district', 'street', 'community'] as const;

const STATUS_COLORS: Record<AccountStatus, string> = { active: 'green', mustChange: 'blue', locked: 'orange', disabled: 'default' };

/** What a refused change says, once: a 422's detail and its field errors often carry the same words. */
function refusal(error: unknown): string {
  const found = formProblem(error, []);
  return [...new Set([found.message, ...found.fields.flatMap((field) => field.errors)].filter((text): text is string => !!text))].join(' ');
}

/**
 * 账号: find accounts by name, role, department and state, a page at a time; create and edit them in a
 * drawer; disable, enable (which lifts a lockout) and reset a password from the row; scope a
 * command-centre account to a grid subtree.
 */
export function AccountsTab() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [filters, setFilters] = useState<AccountFilters>({ page: 1, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<AccountEditing | null>(null);
  const [reset, setReset] = useState<PasswordReset | null>(null);
  const [refused, setRefused] = useState<{ userName: string; text: string } | null>(null);
  const accounts = useAccounts(filters);
  const departments = useDepartments(true);
  const grids = useGridLevels(SCOPE_LEVELS);
  const filter = (change: Partial<AccountFilters>) => setFilters((current) => ({ ...current, ...change, page: 1 }));

  const departmentName = useMemo(() => {
    const names = new Map((departments.data ?? []).map((item) => [item.key, localName(language, item.nameZh, item.nameEn)]));
    return (key: string) => names.get(key) ?? key;
  }, [departments.data, language]);
  const departmentOptions = useMemo(
    () => (departments.data ?? []).map((item) => ({ value: item.key, label: localName(language, item.nameZh, item.nameEn) })),
    [departments.data, language],
  );
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
      width: 200,
      render: (userName: string) => <Typography.Text code>{userName}</Typography.Text>,
    },
    { key: 'displayName', title: t('admin.accounts.columns.displayName'), dataIndex: 'displayName', width: 160 },
    {
      key: 'roles',
      title: t('admin.accounts.columns.roles'),
      width: 170,
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
      key: 'status',
      title: t('accounts.columns.status'),
      width: 110,
      render: (_, account) => {
        const status = accountStatus(account);
        return (
          <Tag color={STATUS_COLORS[status]} data-testid={`account-status-${account.userName}`} data-status={status}>
            {t(`accounts.status.${status}`)}
          </Tag>
        );
      },
    },
    {
      key: 'department',
      title: t('admin.accounts.columns.department'),
      width: 160,
      ellipsis: true,
      render: (_, account) => (account.departmentKey ? departmentName(account.departmentKey) : null),
    },
    {
      key: 'gridScope',
      title: t('admin.accounts.columns.gridScope'),
      width: 280,
      render: (_, account) => {
        const kind = scopeKind(account.roles);
        return kind ? (
          <ScopeControl account={account} kind={kind} options={options} loading={grids.isLoading} />
        ) : (
          <span className="muted">{t('admin.accounts.notApplicable')}</span>
        );
      },
    },
    {
      key: 'lastSignIn',
      title: t('accounts.columns.lastSignIn'),
      width: 160,
      render: (_, account) =>
        account.lastSignInAt ? formatDateTime(account.lastSignInAt, language, false) : <span className="muted">{t('accounts.never')}</span>,
    },
    {
      key: 'actions',
      title: t('accounts.columns.actions'),
      width: 240,
      render: (_, account) => (
        <RowActions
          account={account}
          onEdit={() => setEditing({ mode: 'edit', account })}
          onReset={setReset}
          onRefused={(text) => setRefused({ userName: account.userName, text })}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="accounts">
      <Flex gap={8} wrap className="accounts-toolbar">
        <Input.Search
          allowClear
          placeholder={t('accounts.search')}
          onSearch={(q) => filter({ q })}
          className="accounts-toolbar__search"
          aria-label={t('accounts.search')}
          data-testid="accounts-search"
        />
        <Select<string>
          allowClear
          placeholder={t('accounts.filters.role')}
          options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          onChange={(role) => filter({ role })}
          className="accounts-toolbar__select"
          aria-label={t('accounts.filters.role')}
          data-testid="accounts-filter-role"
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('accounts.filters.department')}
          options={departmentOptions}
          onChange={(department) => filter({ department })}
          className="accounts-toolbar__select"
          aria-label={t('accounts.filters.department')}
          data-testid="accounts-filter-department"
        />
        <Select<'enabled' | 'disabled'>
          allowClear
          placeholder={t('accounts.filters.state')}
          options={[
            { value: 'enabled', label: t('accounts.filters.enabled') },
            { value: 'disabled', label: t('accounts.filters.disabled') },
          ]}
          onChange={(state) => filter({ state })}
          className="accounts-toolbar__select"
          aria-label={t('accounts.filters.state')}
          data-testid="accounts-filter-state"
        />
        <Flex gap={8} className="accounts-toolbar__buttons">
          <Button icon={<ReloadOutlined />} onClick={() => void accounts.refetch()} loading={accounts.isFetching} aria-label={t('common.refresh')} data-testid="accounts-refresh" />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })} data-testid="account-new">
            {t('accounts.new')}
          </Button>
        </Flex>
      </Flex>
      {refused ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefused(null) }}
          title={t('accounts.refused', { user: refused.userName })}
          description={refused.text}
          data-testid="account-refused"
        />
      ) : null}
      {accounts.isError ? (
        <QueryError error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : (
        <Table<Account>
          rowKey="userName"
          size="small"
          columns={columns}
          dataSource={accounts.data?.items ?? []}
          loading={accounts.isPending}
          scroll={{ x: 1480 }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: accounts.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('accounts.total', { count: total }),
            onChange: (page) => setFilters((current) => ({ ...current, page })),
          }}
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
      <AccountFormDrawer editing={editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />
      <Modal
        open={reset !== null}
        title={t('accounts.reset.doneTitle', { user: reset?.account.userName ?? '' })}
        onCancel={() => setReset(null)}
        footer={<Button type="primary" onClick={() => setReset(null)}>{t('accounts.reset.close')}</Button>}
        data-testid="password-reset-result"
      >
        <Typography.Paragraph>{t('accounts.reset.once')}</Typography.Paragraph>
        <Typography.Text code copyable strong style={{ fontSize: 18 }} data-testid="temporary-password">
          {reset?.temporaryPassword}
        </Typography.Text>
      </Modal>
    </Flex>
  );
}

interface RowActionsProps {
  account: Account;
  onEdit: () => void;
  onReset: (reset: PasswordReset) => void;
  onRefused: (text: string) => void;
}

function RowActions({ account, onEdit, onReset, onRefused }: RowActionsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const disable = useSetAccountDisabled();
  const reset = useResetPassword();
  const status = accountStatus(account);
  const enabling = account.disabled || account.lockedOut;

  return (
    <Flex gap={4} wrap>
      <Button size="small" onClick={onEdit} data-testid={`account-edit-${account.userName}`}>
        {t('accounts.actions.edit')}
      </Button>
      <Popconfirm
        title={enabling ? t('accounts.actions.enableConfirm') : t('accounts.actions.disableConfirm')}
        onConfirm={() =>
          disable.mutate(
            { userName: account.userName, disabled: !enabling },
            {
              onSuccess: (updated) =>
                void message.success(t(updated.disabled ? 'accounts.actions.disabled' : 'accounts.actions.enabled', { user: updated.userName })),
              onError: (error) => onRefused(refusal(error)),
            },
          )
        }
        okButtonProps={{ 'data-testid': `account-toggle-confirm-${account.userName}` }}
      >
        <Button size="small" danger={!enabling} loading={disable.isPending} data-testid={`account-toggle-${account.userName}`}>
          {status === 'locked' ? t('accounts.actions.unlock') : enabling ? t('accounts.actions.enable') : t('accounts.actions.disable')}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t('accounts.reset.confirm')}
        onConfirm={() => reset.mutate(account.userName, { onSuccess: onReset, onError: (error) => onRefused(refusal(error)) })}
        okButtonProps={{ 'data-testid': `account-reset-confirm-${account.userName}` }}
      >
        <Button size="small" loading={reset.isPending} data-testid={`account-reset-${account.userName}`}>
          {t('accounts.actions.resetPassword')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}

interface ScopeOptionItem {
  value: string;
  label: string;
  level: string;
}

/** Picking a node saves at once; the row then shows what the server stored, or why it refused. */
function ScopeControl({ account, kind, options, loading }: { account: Account; kind: ScopeKind; options: ScopeOptionItem[]; loading: boolean }) {
  const { t } = useTranslation();
  // A patroller takes a street as the street's supervisor (街道监督员), or none: the first option then means "not one".
  const offered =
    kind === 'street'
      ? [{ value: WHOLE_CITY, label: t('accounts.form.noStreet'), level: 'city' }, ...optionsFor('street', options)]
      : options;
  const label = kind === 'street' ? t('accounts.form.streetSupervisor') : t('admin.accounts.columns.gridScope');
  const { message } = App.useApp();
  const save = useSetGridScope();
  const [problem, setProblem] = useState<string | null>(null);

  const change = (value: string) => {
    setProblem(null);
    save.mutate(
      { userName: account.userName, gridScope: valueToScope(value) },
      {
        onSuccess: (updated) => void message.success(t('admin.accounts.saved', { user: updated.displayName || updated.userName })),
        onError: (error) => setProblem(refusal(error)),
      },
    );
  };

  return (
    <Flex vertical gap={4}>
      {kind === 'street' ? (
        <Typography.Text type="secondary" data-testid={`scope-kind-${account.userName}`}>
          {label}
        </Typography.Text>
      ) : null}
      <Select<string>
        value={scopeToValue(account.gridScope)}
        onChange={change}
        loading={loading || save.isPending}
        disabled={save.isPending}
        status={problem ? 'error' : undefined}
        showSearch={{ optionFilterProp: 'label' }}
        options={offered}
        optionRender={(option) => (
          <span data-testid={`scope-option-${option.value}`} className={`grid-option grid-option--${option.data.level}`}>
            {option.label}
          </span>
        )}
        virtual={false}
        listHeight={360}
        style={{ width: '100%' }}
        aria-label={label}
        data-testid={`scope-select-${account.userName}`}
      />
      {problem ? <Alert type="error" showIcon title={problem} data-testid={`scope-error-${account.userName}`} /> : null}
    </Flex>
  );
}
