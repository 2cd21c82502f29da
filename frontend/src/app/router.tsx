import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from '@/app/app-layout';
import { HomeRedirect } from '@/app/home-redirect';
import { RequireAuth } from '@/app/require-auth';
import { LoginPage } from '@/features/auth/components/login-page';
import { BoardPage } from '@/features/board/components/board-page';
import { CommandPage } from '@/features/command/components/command-page';
import { PatrolPage } from '@/features/patrol/components/patrol-page';

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    {
      element: <RequireAuth />,
      children: [
        {
          element: <AppLayout />,
          children: [
            { index: true, element: <HomeRedirect /> },
            { path: 'patrol', element: <PatrolPage /> },
            { path: 'board', element: <BoardPage /> },
            { path: 'command', element: <CommandPage /> },
          ],
        },
      ],
    },
    { path: '*', element: <Navigate to="/" replace /> },
  ]);
}

export type AppRouter = ReturnType<typeof createRouter>;
