import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from '@/app/app-layout';
import { HomeRedirect } from '@/app/home-redirect';
import { RequireAuth } from '@/app/require-auth';
import { LoginPage } from '@/features/auth/components/login-page';

/** Each face is its own chunk: a patroller's phone never downloads the wall screen. */
export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    // The citizens' page: no account, and none of the staff faces' code (its own chunk).
    {
      path: 'public',
      lazy: async () => ({ Component: (await import('@/features/citizen/components/public-report-page')).PublicReportPage }),
    },
    {
      path: 'public/track/:token',
      lazy: async () => ({ Component: (await import('@/features/citizen/components/public-track-page')).PublicTrackPage }),
    },
    {
      element: <RequireAuth />,
      children: [
        {
          path: 'password',
          lazy: async () => ({ Component: (await import('@/features/auth/components/change-password-page')).ChangePasswordPage }),
        },
        {
          element: <AppLayout />,
          children: [
            { index: true, element: <HomeRedirect /> },
            {
              path: 'patrol',
              lazy: async () => ({ Component: (await import('@/features/patrol/components/patrol-page')).PatrolPage }),
            },
            {
              path: 'hotline',
              lazy: async () => ({ Component: (await import('@/features/hotline/components/hotline-page')).HotlinePage }),
            },
            {
              path: 'board',
              lazy: async () => ({ Component: (await import('@/features/board/components/board-page')).BoardPage }),
            },
            {
              path: 'command',
              lazy: async () => ({ Component: (await import('@/features/command/components/command-page')).CommandPage }),
            },
            {
              path: 'ledger',
              lazy: async () => ({ Component: (await import('@/features/ledger/components/ledger-page')).LedgerPage }),
            },
            {
              path: 'ledger/cases/:id/file',
              lazy: async () => ({ Component: (await import('@/features/ledger/components/case-file-page')).CaseFilePage }),
            },
            {
              path: 'evaluation',
              lazy: async () => ({ Component: (await import('@/features/evaluation/components/evaluation-page')).EvaluationPage }),
            },
            {
              path: 'admin',
              lazy: async () => ({ Component: (await import('@/features/admin/components/admin-page')).AdminPage }),
            },
          ],
        },
      ],
    },
    { path: '*', element: <Navigate to="/" replace /> },
  ]);
}

export type AppRouter = ReturnType<typeof createRouter>;
