import { Alert, App, Button, Drawer, Flex, Form, Input, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateAccount } from '@/features/admin/api/create-account';
import { useEditAccount } from '@/features/admin/api/edit-account';
import {
  ACCOUNT_FIELDS,
  createRequest,
  editRequest,
  formValuesOf,
  needsDepartment,
  ROLES,
  suggestPassword,
  type AccountFormValues,
} from '@/features/admin/lib/accounts';
import { formProblem } from '@/features/admin/lib/form-problems';
import { optionsFor, scopeKind, scopeOptions } from '@/features/admin/lib/grid-scope';
import type { Account } from '@/lib/api-types';
import { inService, useDepartments } from '@/lib/api/list-departments';
import { useGridLevels } from '@/lib/api/list-grids';
import { ApiError } from '@/lib/http';
import { localName } from '@/lib/i18n';

const SCOPE_LEVELS = ['district', 'street', 'community'] as const;

export type AccountEditing = { mode: 'create' } | { mode: 'edit'; account: Account };

export interface AccountFormDrawerProps {
  editing: AccountEditing | null;
  onClose: () => void;
  onSaved: (account: Account) => void;
}

/** New account or an edit; problems the server names land on their fields, a stale edit offers the current account. */
export function AccountFormDrawer({ editing, onClose, onSaved }: AccountFormDrawerProps) {
  const { t } = useTranslation();
  // The form stays while the drawer slides away and leaves with it (destroyOnHidden), as the rule form does.
  const [shown, setShown] = useState(editing);
  if (editing !== null && editing !== shown) setShown(editing);
  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      afterOpenChange={(open) => {
        if (!open) setShown(null);
      }}
      size={520}
      destroyOnHidden
      className="account-drawer"
      title={shown?.mode === 'edit' ? t('accounts.form.editTitle', { user: shown.account.userName }) : t('accounts.form.newTitle')}
    >
      {shown ? <AccountForm editing={shown} onClose={onClose} onSaved={onSaved} /> : null}
    </Drawer>
  );
}

interface Conflict {
  current: Account;
}

function AccountForm({ editing, onClose, onSaved }: AccountFormDrawerProps & { editing: AccountEditing }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [version, setVersion] = useState(editing.mode === 'edit' ? editing.account.version : '');
  const departments = useDepartments(true);
  const grids = useGridLevels(SCOPE_LEVELS);
  const create = useCreateAccount();
  const edit = useEditAccount();
  const saving = create.isPending || edit.isPending;
  const roles = Form.useWatch('roles', form);

  const initialValues = useMemo<AccountFormValues>(
    () => (editing.mode === 'edit' ? formValuesOf(editing.account) : { roles: [], password: suggestPassword() }),
    [editing],
  );
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));
  const departmentOptions = useMemo(
    () => inService(departments.data).map((item) => ({ value: item.key, label: localName(language, item.nameZh, item.nameEn) })),
    [departments.data, language],
  );
  const kind = scopeKind(roles);
  const gridOptions = useMemo(
    () => scopeOptions(grids.nodes).map((node) => ({ value: node.code, label: `${node.name} ${node.code}`, level: node.level })),
    [grids.nodes],
  );

  const failed = (error: unknown) => {
    const found = formProblem(error, ACCOUNT_FIELDS);
    form.setFields(found.fields);
    if (error instanceof ApiError && error.status === 409 && editing.mode === 'edit' && error.extensions?.current) {
      setConflict({ current: error.extensions.current as Account });
      setProblem(null);
      return;
    }
    setProblem(found.fields.length > 0 && !found.message ? null : found.message);
  };

  const submit = (values: AccountFormValues) => {
    setProblem(null);
    setConflict(null);
    const handlers = {
      onSuccess: (account: Account) => {
        void message.success(
          editing.mode === 'edit' ? t('accounts.form.saved', { user: account.userName }) : t('accounts.form.created', { user: account.userName }),
        );
        onSaved(account);
      },
      onError: failed,
    };
    if (editing.mode === 'edit') edit.mutate({ userName: editing.account.userName, request: editRequest(values, version) }, handlers);
    else create.mutate(createRequest(values), handlers);
  };

  /** Takes the account as it is now: the form shows it, and the next save is made from its version. */
  const reload = (current: Account) => {
    form.setFieldsValue(formValuesOf(current));
    setVersion(current.version);
    setConflict(null);
  };

  return (
    <Form<AccountFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      requiredMark
      data-testid="account-form"
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          title={t('accounts.form.conflict')}
          description={t('accounts.form.conflictHint', { name: conflict.current.displayName })}
          action={
            <Button size="small" onClick={() => reload(conflict.current)} data-testid="account-form-reload">
              {t('accounts.form.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
          data-testid="account-form-conflict"
        />
      ) : null}
      {problem ? (
        <Alert type="error" showIcon title={t('accounts.form.failed')} description={problem} style={{ marginBottom: 16 }} data-testid="account-form-error" />
      ) : null}
      <Form.Item
        name="userName"
        label={t('admin.accounts.columns.userName')}
        extra={editing.mode === 'create' ? t('accounts.form.userNameHint') : undefined}
        rules={[{ required: true, message: t('accounts.form.userNameRequired') }]}
      >
        <Input disabled={editing.mode === 'edit'} maxLength={64} autoComplete="off" data-testid="account-username" />
      </Form.Item>
      <Form.Item name="displayName" label={t('admin.accounts.columns.displayName')} rules={[{ required: true, whitespace: true, message: t('accounts.form.displayNameRequired') }]}>
        <Input maxLength={64} data-testid="account-display-name" />
      </Form.Item>
      <Form.Item name="roles" label={t('admin.accounts.columns.roles')} rules={[{ required: true, message: t('accounts.form.rolesRequired') }]}>
        <Select<string[]>
          mode="multiple"
          options={roleOptions}
          optionRender={(option) => <span data-testid={`account-role-option-${option.value}`}>{option.label}</span>}
          virtual={false}
          data-testid="account-roles"
        />
      </Form.Item>
      {needsDepartment(roles) ? (
        <Form.Item
          name="departmentKey"
          label={t('admin.accounts.columns.department')}
          rules={[{ required: true, message: t('accounts.form.departmentRequired') }]}
        >
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.isPending}
            options={departmentOptions}
            optionRender={(option) => <span data-testid={`account-department-option-${option.value}`}>{option.label}</span>}
            virtual={false}
            data-testid="account-department"
          />
        </Form.Item>
      ) : null}
      {kind ? (
        <Form.Item
          name="gridScope"
          label={kind === 'street' ? t('accounts.form.streetSupervisor') : t('admin.accounts.columns.gridScope')}
          extra={kind === 'street' ? t('accounts.form.streetSupervisorHint') : t('accounts.form.gridScopeHint')}
        >
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={kind === 'street' ? t('accounts.form.noStreet') : t('admin.accounts.wholeCity')}
            loading={grids.isLoading}
            options={optionsFor(kind, gridOptions)}
            optionRender={(option) => (
              <span data-testid={`account-scope-option-${option.value}`} className={`grid-option grid-option--${option.data.level}`}>
                {option.label}
              </span>
            )}
            virtual={false}
            data-testid="account-grid-scope"
          />
        </Form.Item>
      ) : null}
      <Form.Item name="phone" label={t('accounts.form.phone')}>
        <Input maxLength={32} inputMode="tel" data-testid="account-phone" />
      </Form.Item>
      {editing.mode === 'create' ? (
        <Form.Item label={t('accounts.form.password')} extra={t('accounts.form.passwordHint')} required>
          <Flex gap={8}>
            <Form.Item name="password" noStyle rules={[{ required: true, message: t('accounts.form.passwordRequired') }]}>
              <Input maxLength={128} autoComplete="new-password" data-testid="account-password" />
            </Form.Item>
            <Button onClick={() => form.setFieldValue('password', suggestPassword())} data-testid="account-password-suggest">
              {t('accounts.form.suggest')}
            </Button>
          </Flex>
        </Form.Item>
      ) : (
        <Typography.Paragraph type="secondary">{t('accounts.form.passwordElsewhere')}</Typography.Paragraph>
      )}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="account-save">
          {editing.mode === 'edit' ? t('accounts.form.save') : t('accounts.form.create')}
        </Button>
      </Flex>
    </Form>
  );
}
