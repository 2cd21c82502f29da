import { Flex, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { QueryError } from '@/components/query-error';
import { ApiError } from '@/lib/http';
import { useMe } from '@/lib/session';

export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '60vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <Navigate to="/login" replace state={{ from: location.pathname }} />;
    }
    return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  }
  // An administrator set this account's password: nothing else answers until the person sets their own.
  if (me.data.passwordChangeRequired && location.pathname !== '/password') {
    return <Navigate to="/password" replace state={{ from: location.pathname }} />;
  }
  return <Outlet />;
}
