import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Layout, Space, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { CalendarWarningBanner } from '@/app/calendar-warning-banner';
import { LanguageSwitch } from '@/components/language-switch';
import { useLogout } from '@/features/auth/api/logout';
import { hasRole, useMe } from '@/lib/session';

const navigation = [
  { path: '/patrol', label: 'nav.patrol', roles: ['patroller'] },
  { path: '/hotline', label: 'nav.hotline', roles: ['acceptor', 'shift-leader'] },
  { path: '/board', label: 'nav.board', roles: ['handler', 'dispatcher', 'shift-leader', 'leader', 'admin'] },
  { path: '/command', label: 'nav.command', roles: ['acceptor', 'shift-leader', 'dispatcher', 'leader', 'admin'] },
  { path: '/ledger', label: 'nav.ledger', roles: ['handler', 'acceptor', 'shift-leader', 'dispatcher', 'leader', 'admin'] },
  { path: '/evaluation', label: 'nav.evaluation', roles: ['leader', 'shift-leader', 'dispatcher', 'admin'] },
  { path: '/admin', label: 'nav.admin', roles: ['admin'] },
] as const;

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const location = useLocation();
  const dark = location.pathname.startsWith('/command');
  const user = me.data;
  const links = navigation.filter((item) => hasRole(user, ...item.roles));

  return (
    <ConfigProvider theme={{ algorithm: dark ? theme.darkAlgorithm : theme.defaultAlgorithm }}>
      <Layout className={dark ? 'app-layout app-layout--dark' : 'app-layout'}>
        <Layout.Header className="app-header">
          <Space size="middle" className="app-header__brand">
            <Typography.Text strong className="app-header__title">
              {t('app.title')}
            </Typography.Text>
            {links.length > 1
              ? links.map((item) => (
                  <NavLink key={item.path} to={item.path} className="app-header__link">
                    {t(item.label)}
                  </NavLink>
                ))
              : null}
          </Space>
          <Space size="small" wrap={false}>
            <LanguageSwitch />
            <span className="app-header__user" data-testid="current-user">
              <UserOutlined /> {user?.displayName ?? user?.userName}
            </span>
            <Button
              size="small"
              icon={<LogoutOutlined />}
              data-testid="logout"
              loading={logout.isPending}
              onClick={() => logout.mutate()}
              aria-label={t('nav.logout')}
            >
              <span className="app-header__logout-label">{t('nav.logout')}</span>
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <CalendarWarningBanner />
          <Outlet />
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
