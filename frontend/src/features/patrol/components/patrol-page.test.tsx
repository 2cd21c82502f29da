import 'fake-indexeddb/auto';
import { waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { PatrolPage } from '@/features/patrol/components/patrol-page';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

function signedInAs(roles: string[]) {
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const body = String(input) === '/api/auth/me' ? { userName: 'u', displayName: 'U', roles, gridScope: null } : [];
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
}

function renderAtPatrol() {
  const router = createMemoryRouter(
    [
      { path: '/patrol', element: <PatrolPage /> },
      { path: '/hotline', element: <div data-testid="hotline-stub" /> },
    ],
    { initialEntries: ['/patrol'] },
  );
  renderWithProviders(<RouterProvider router={router} />);
  return router;
}

describe('PatrolPage', { timeout: allowSlowRenders() }, () => {
  it('sends an acceptor to the hotline desk, which records the source and the caller', async () => {
    signedInAs(['acceptor']);
    const router = renderAtPatrol();

    await waitFor(() => expect(router.state.location.pathname).toBe('/hotline'));
  });

  it('keeps a patroller on the patrol page', async () => {
    signedInAs(['patroller']);
    const router = renderAtPatrol();

    await waitFor(() => expect(document.querySelector('[data-testid="tab-report"]')).not.toBeNull());
    expect(router.state.location.pathname).toBe('/patrol');
  });
});
