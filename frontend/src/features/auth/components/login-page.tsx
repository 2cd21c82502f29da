import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { useLogin, type LoginRequest } from '@/features/auth/api/login';
import { ApiError, describeApiError } from '@/lib/http';
import { homePathFor } from '@/lib/session';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const login = useLogin();

  const onFinish = (values: LoginRequest) => {
    login.mutate(values, {
      onSuccess: (user) => void navigate(user.passwordChangeRequired ? '/password' : homePathFor(user), { replace: true }),
    });
  };

  const errorText =
    login.error instanceof ApiError && login.error.status === 401
      ? t('login.wrongCredentials')
      : login.error instanceof ApiError && login.error.status === 423
        ? t('login.locked')
        : login.error
        ? describeApiError(login.error)
        : null;

  return (
    <Flex className="login-page" justify="center" align="center" vertical>
      <Card className="login-card" data-testid="login-card">
        <Flex justify="space-between" align="center" className="login-card__header">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="login-title">
            {t('login.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        <Form<LoginRequest> layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item
            name="userName"
            label={t('login.userName')}
            rules={[{ required: true, message: t('login.userNameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {errorText ? (
            <Alert type="error" showIcon title={errorText} data-testid="login-error" style={{ marginBottom: 16 }} />
          ) : null}
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
