import { Navigate } from 'react-router';
import { homePathFor, useMe } from '@/lib/session';

/** `/` sends each role to its own face of the product. */
export function HomeRedirect() {
  const me = useMe();
  if (!me.data) return null;
  return <Navigate to={homePathFor(me.data)} replace />;
}
