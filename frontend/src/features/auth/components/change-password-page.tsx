import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { useChangePassword } from '@/features/auth/api/change-password';
import { useLogout } from '@/features/auth/api/logout';
import { passwordPolicyProblem } from '@/features/auth/lib/password-policy';
import { ApiError, describeApiError } from '@/lib/http';
import { homePathFor, useMe } from '@/lib/session';

interface PasswordFormValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** The server's field errors on this form's fields, and whatever else it said. */
function split(error: unknown): { fields: { name: (typeof FIELDS)[number]; errors: string[] }[]; message: string | null } {
  if (!(error instanceof ApiError)) return { fields: [], message: describeApiError(error) };
  const fields = FIELDS.filter((name) => error.errors[name]?.length).map((name) => ({ name, errors: error.errors[name]! }));
  return { fields, message: fields.length > 0 ? null : describeApiError(error) };
}

/**
 * 设置新密码: where an account whose password an administrator set (new, or reset) lands after signing
 * in. Everything else answers 403 until the person sets their own; then they go to their page.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const change = useChangePassword();
  const logout = useLogout();
  const [form] = Form.useForm<PasswordFormValues>();
  const [problem, setProblem] = useState<string | null>(null);

  if (!me.data) return null;
  const required = me.data.passwordChangeRequired;
  if (!required && !change.isSuccess) return <Navigate to={homePathFor(me.data)} replace />;

  const submit = (values: PasswordFormValues) => {
    setProblem(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: (user) => void navigate(homePathFor(user), { replace: true }),
        onError: (error) => {
          const found = split(error);
          form.setFields(found.fields);
          setProblem(found.message);
        },
      },
    );
  };

  return (
    <Flex className="login-page" justify="center" align="center" vertical>
      <Card className="login-card" data-testid="password-card">
        <Flex justify="space-between" align="center" className="login-card__header">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="password-title">
            {t('accounts.password.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">{t('accounts.password.why', { user: me.data.displayName })}</Typography.Paragraph>
        <Form<PasswordFormValues> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('accounts.password.current')} rules={[{ required: true, message: t('accounts.password.currentRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="password-current" autoFocus />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('accounts.password.new')}
            extra={t('accounts.password.policy')}
            rules={[
              { required: true, message: t('accounts.password.newRequired') },
              {
                validator: (_, value: string | undefined) => {
                  const rule = value ? passwordPolicyProblem(value) : null;
                  return rule ? Promise.reject(new Error(t(`accounts.password.rule.${rule}`))) : Promise.resolve();
                },
              },
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('accounts.password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('accounts.password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('accounts.password.mismatch'))),
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          {problem ? <Alert type="error" showIcon title={problem} data-testid="password-error" style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="password-submit">
            {t('accounts.password.submit')}
          </Button>
          <Button type="link" block onClick={() => logout.mutate()} loading={logout.isPending} data-testid="password-logout">
            {t('nav.logout')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
