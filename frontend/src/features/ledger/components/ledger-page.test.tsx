import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { LedgerRow } from '@/features/ledger/api/types';
import { LedgerPage } from '@/features/ledger/components/ledger-page';
import { aCase } from '@/testing/case-dto';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

function row(overrides: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id: 'case-1',
    number: '450304-2026-000001',
    state: 'Handling',
    source: 'patrol',
    categoryKind: 'event',
    categoryCode: '0505',
    categoryNameZh: '机动车乱停放',
    categoryNameEn: 'Illegal parking',
    conditionNameZh: null,
    conditionNameEn: null,
    departmentKey: 'xs-traffic',
    departmentNameZh: '象山交警大队',
    departmentNameEn: 'Traffic police',
    description: '人行道上窨井盖松动',
    reportedBy: 'patroller1',
    reportedAt: '2026-11-30T02:00:00Z',
    dispatchedAt: '2026-11-30T02:10:00Z',
    closedAt: null,
    updatedAt: '2026-11-30T02:10:00Z',
    deadline: null,
    light: null,
    streetCode: '450304001',
    streetName: '象山街道',
    communityCode: null,
    communityName: null,
    gridCode: '450304001001001',
    gridName: '一号网格',
    componentId: null,
    reworkCount: 0,
    extensionCount: 0,
    escalated: false,
    overdue: false,
    longitude: 110.29,
    latitude: 25.255,
    ...overrides,
  };
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function renderAt(url: string) {
  const router = createMemoryRouter([{ path: '/ledger', element: <LedgerPage /> }], { initialEntries: [url] });
  renderWithProviders(<RouterProvider router={router} />);
  return router;
}

function mockApi(rows: LedgerRow[], total = rows.length) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = String(input);
    if (url.startsWith('/api/cases?')) return json({ items: rows, next: null, total, sort: '-reportedAt' });
    if (url === '/api/cases/case-1') return json(aCase({ id: 'case-1', number: rows[0]!.number }));
    if (url === '/api/auth/me') return json({ userName: 'dispatcher1', displayName: '派遣员', roles: ['dispatcher'], gridScope: null });
    if (url === '/api/departments') return json([]);
    if (url === '/api/ledger/views' || url === '/api/ledger/templates') return json([]);
    return json([], 200);
  });
}

describe('LedgerPage', { timeout: allowSlowRenders() }, () => {
  it('asks the API with the filters of its URL and shows the count and rows', async () => {
    const fetch = mockApi([row()], 1);
    renderAt('/ledger?q=%E4%BA%95%E7%9B%96&state=Handling&overdue=true&cols=number,description');

    await waitFor(() => expect(screen.getByTestId('ledger-count').textContent).toBe('共 1 件'));
    expect((await screen.findByTestId('ledger-row-description')).textContent).toContain('窨井盖');
    const asked = fetch.mock.calls.map(([u]) => String(u)).find((u) => u.startsWith('/api/cases?'))!;
    const params = new URL(asked, 'http://x').searchParams;
    expect(params.get('q')).toBe('井盖');
    expect(params.get('state')).toBe('Handling');
    expect(params.get('overdue')).toBe('true');
    expect(params.get('cols')).toBeNull();
  });

  it('puts a search into the URL', async () => {
    mockApi([row()]);
    const router = renderAt('/ledger');
    const input = (await screen.findByTestId('ledger-search')).querySelector('input')!;
    fireEvent.change(input, { target: { value: '窨井盖' } });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
    await waitFor(() => expect(router.state.location.search).toContain('q=%E7%AA%A8%E4%BA%95%E7%9B%96'));
  });

  it('puts an opened case into the URL, and back closes it', async () => {
    mockApi([row()]);
    const router = renderAt('/ledger?q=x');
    fireEvent.click(await screen.findByTestId('ledger-row-number'));
    await waitFor(() => expect(router.state.location.search).toContain('case=case-1'));
    expect(await screen.findByTestId('ledger-open-file')).toBeTruthy();
    // Back closes the drawer again: the open case is a history entry of its own.
    await router.navigate(-1);
    await waitFor(() => expect(router.state.location.search).not.toContain('case='));
  });

  it('says so when nothing matches', async () => {
    mockApi([], 0);
    renderAt('/ledger?q=nothing');
    expect(await screen.findByText('没有符合条件的案件')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('ledger-count').textContent).toBe('共 0 件'));
  });
});
