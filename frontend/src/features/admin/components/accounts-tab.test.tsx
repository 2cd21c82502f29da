import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AccountsTab } from '@/features/admin/components/accounts-tab';
import type { Account, GridNode } from '@/lib/api-types';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

const accounts: Account[] = [
  { userName: 'dispatcher.nanmen', displayName: '南门街道派遣员', roles: ['dispatcher'], departmentKey: null, gridScope: '450304002', disabled: false },
  { userName: 'handler.xs-traffic', displayName: '交警处置员', roles: ['handler'], departmentKey: 'xs-traffic', gridScope: null, disabled: false },
];

const grids: Record<string, GridNode[]> = {
  district: [{ code: '450304', level: 'district', name: '象山区', parentCode: null, validFrom: '2020-01-01', validTo: null, responsiblePerson: null, bbox: [0, 0, 1, 1] }],
  street: [{ code: '450304002', level: 'street', name: '南门街道', parentCode: null, validFrom: '2020-01-01', validTo: null, responsiblePerson: null, bbox: [0, 0, 1, 1] }],
  community: [{ code: '450304002001', level: 'community', name: '南门社区', parentCode: null, validFrom: '2020-01-01', validTo: null, responsiblePerson: null, bbox: [0, 0, 1, 1] }],
};

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

/** Answers the tab's reads; `put` answers the scope change. */
function server(put: (body: unknown) => Response) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    if (url === '/api/admin/users') return json(accounts);
    if (url === '/api/departments') return json([{ key: 'xs-traffic', nameZh: '象山交警大队', nameEn: 'Xiangshan Traffic Police', kind: 'traffic_police', level: 'district' }]);
    const level = /\/api\/grids\?level=(\w+)/.exec(url)?.[1];
    if (level) return json(grids[level] ?? []);
    if (url.endsWith('/grid-scope') && init?.method === 'PUT') return put(JSON.parse(init.body as string));
    return json({ title: `unexpected ${url}` }, 500);
  });
}

async function pick(userName: string, value: string) {
  const select = await screen.findByTestId(`scope-select-${userName}`);
  fireEvent.mouseDown(within(select).getByRole('combobox'));
  fireEvent.click(await screen.findByTestId(`scope-option-${value}`));
}

describe('AccountsTab', { timeout: allowSlowRenders() }, () => {
  it('shows roles by their names and a scope control only for command-centre accounts', async () => {
    server(() => json({}, 500));
    renderWithProviders(<AccountsTab />);

    const dispatcher = await screen.findByTestId('account-row-dispatcher.nanmen');
    expect(within(dispatcher).getByText('派遣员')).toBeTruthy();
    expect(within(dispatcher).getByTestId('scope-select-dispatcher.nanmen')).toBeTruthy();
    const handler = screen.getByTestId('account-row-handler.xs-traffic');
    expect(within(handler).getByText('处置人员')).toBeTruthy();
    expect(within(handler).getByText('不适用')).toBeTruthy();
    expect(await within(handler).findByText('象山交警大队')).toBeTruthy();
    expect(screen.getByTestId('accounts-note').textContent).toContain('一分钟');
  });

  it('saves a picked community and shows the row as the server stored it', async () => {
    const fetch = server((body) => json({ ...accounts[0], ...(body as object) }));
    renderWithProviders(<AccountsTab />);

    await pick('dispatcher.nanmen', '450304002001');

    await waitFor(() => expect(screen.getByTestId('account-row-dispatcher.nanmen').getAttribute('data-grid-scope')).toBe('450304002001'));
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(put[0]).toBe('/api/admin/users/dispatcher.nanmen/grid-scope');
    expect(JSON.parse(put[1]!.body as string)).toEqual({ gridScope: '450304002001' });
  });

  it('sends null for the whole city and shows why the server refused', async () => {
    const fetch = server(() =>
      json(
        {
          title: 'Grid scope not possible',
          status: 422,
          detail: 'No grid node 450304 is in force.',
          errors: { gridScope: ['No grid node 450304 is in force.'] },
        },
        422,
        'application/problem+json',
      ),
    );
    renderWithProviders(<AccountsTab />);

    await pick('dispatcher.nanmen', '*');

    expect((await screen.findByTestId('scope-error-dispatcher.nanmen')).textContent).toBe('No grid node 450304 is in force.');
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(JSON.parse(put[1]!.body as string)).toEqual({ gridScope: null });
    expect(screen.getByTestId('account-row-dispatcher.nanmen').getAttribute('data-grid-scope')).toBe('450304002');
  });
});
