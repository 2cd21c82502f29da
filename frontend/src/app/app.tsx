import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { Providers } from '@/app/providers';
import { createRouter } from '@/app/router';
import { setUnauthorizedHandler } from '@/lib/http';
import { i18n } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';
import { BoardRealtime, createBoardHubConnection } from '@/lib/realtime';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [realtime] = useState(() => new BoardRealtime(queryClient, createBoardHubConnection));
  const [router] = useState(createRouter);

  useEffect(
    () =>
      setUnauthorizedHandler(() => {
        // The session is gone (expired or signed out elsewhere): start again from the login page,
        // leaving the protected pages before their cached data is dropped.
        void realtime.stop();
        const from = router.state.location.pathname;
        const leave = from === '/login' ? Promise.resolve() : router.navigate('/login', { state: { from } });
        void leave.then(() => queryClient.clear());
      }),
    [queryClient, realtime, router],
  );

  return (
    <Providers queryClient={queryClient} realtime={realtime} i18n={i18n}>
      <RouterProvider router={router} />
    </Providers>
  );
}
