import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AccountsTab } from '@/features/admin/components/accounts-tab';
import type { Account, GridNode } from '@/lib/api-types';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

function account(fields: Partial<Account> & Pick<Account, 'userName' | 'roles'>): Account {
  return {
    displayName: fields.userName,
    departmentKey: null,
    gridScope: null,
    phone: null,
    disabled: false,
    lockedOut: false,
    lockedUntil: null,
    passwordChangeRequired: false,
    lastSignInAt: null,
    version: 'v1',
    ...fields,
  };
}

const accounts: Account[] = [
  account({ userName: 'admin', displayName: '系统管理员', roles: ['admin'] }),
  account({ userName: 'dispatcher.nanmen', displayName: '南门街道派遣员', roles: ['dispatcher'], gridScope: '450304002' }),
  account({ userName: 'handler.xs-traffic', displayName: '交警处置员', roles: ['handler'], departmentKey: 'xs-traffic', lockedOut: true }),
  account({ userName: 'patroller1', displayName: '监督员一', roles: ['patroller'] }),
];

const grids: Record<string, GridNode[]> = {
  district: [{ code: '450304', level: 'district', name: '象山区', parentCode: null, validFrom: '2020-01-01', validTo: null, responsiblePerson: null, bbox: [0, 0, 1, 1] }],
  street: [{ code: '450304002', level: 'street', name: '南门街道', parentCode: null, validFrom: '2020-01-01', validTo: null, responsiblePerson: null, bbox: [0, 0, 1, 1] }],
  community: [{ code: '450304002001', level: 'community', name: '南门社区', parentCode: null, validFrom: '2020-01-01', validTo: null, responsiblePerson: null, bbox: [0, 0, 1, 1] }],
};

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

/** Answers the tab's reads with `accounts` (filtered by q as the server would); `put` answers the changes. */
function server(put: (url: string, body: unknown) => Response) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    if (url.startsWith('/api/admin/users?')) {
      const q = new URL(url, 'http://x').searchParams.get('q') ?? '';
      const items = accounts.filter((item) => item.userName.includes(q) || item.displayName.includes(q));
      return json({ items, total: items.length, page: 1, pageSize: 20 });
    }
    if (url === '/api/departments') return json([{ key: 'xs-traffic', nameZh: '象山交警大队', nameEn: 'Xiangshan Traffic Police', kind: 'traffic_police', level: 'district' }]);
    const level = /\/api\/grids\?level=(\w+)/.exec(url)?.[1];
    if (level) return json(grids[level] ?? []);
    if (init?.method === 'PUT') return put(url, JSON.parse(init.body as string));
    return json({ title: `unexpected ${url}` }, 500);
  });
}

async function pick(userName: string, value: string) {
  const select = await screen.findByTestId(`scope-select-${userName}`);
  fireEvent.mouseDown(within(select).getByRole('combobox'));
  fireEvent.click(await screen.findByTestId(`scope-option-${value}`));
}

describe('AccountsTab', { timeout: allowSlowRenders() }, () => {
  it('shows roles, state and a scope control only for command-centre accounts', async () => {
    server(() => json({}, 500));
    renderWithProviders(<AccountsTab />);

    const dispatcher = await screen.findByTestId('account-row-dispatcher.nanmen');
    expect(within(dispatcher).getByText('派遣员')).toBeTruthy();
    expect(within(dispatcher).getByTestId('scope-select-dispatcher.nanmen')).toBeTruthy();
    const handler = screen.getByTestId('account-row-handler.xs-traffic');
    expect(within(handler).getByText('处置人员')).toBeTruthy();
    expect(within(handler).getByText('不适用')).toBeTruthy();
    expect(await within(handler).findByText('象山交警大队')).toBeTruthy();
    expect(screen.getByTestId('account-status-handler.xs-traffic').textContent).toBe('已锁定');
    expect(screen.getByTestId('account-toggle-handler.xs-traffic').textContent?.replace(/\s/g, '')).toBe('解锁');
    expect(screen.getByText('共 4 个账号')).toBeTruthy();
  });

  it('searches on the server with what was typed', async () => {
    const fetch = server(() => json({}, 500));
    renderWithProviders(<AccountsTab />);
    await screen.findByTestId('account-row-admin');

    const search = within(screen.getByTestId('accounts-search')).getByRole('searchbox');
    fireEvent.change(search, { target: { value: '南门' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });

    await waitFor(() => expect(screen.queryByTestId('account-row-admin')).toBeNull());
    expect(screen.getByTestId('account-row-dispatcher.nanmen')).toBeTruthy();
    expect(fetch.mock.calls.map(([url]) => String(url))).toContain(`/api/admin/users?q=${encodeURIComponent('南门')}&page=1&pageSize=50`);
  });

  it('saves a picked community and shows the row as the server stored it', async () => {
    const fetch = server((_, body) => json({ ...accounts[1], ...(body as object) }));
    renderWithProviders(<AccountsTab />);

    await pick('dispatcher.nanmen', '450304002001');

    await waitFor(() => expect(screen.getByTestId('account-row-dispatcher.nanmen').getAttribute('data-grid-scope')).toBe('450304002001'));
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(put[0]).toBe('/api/admin/users/dispatcher.nanmen/grid-scope');
    expect(JSON.parse(put[1]!.body as string)).toEqual({ gridScope: '450304002001' });
  });

  it('offers a patroller only streets, as the street supervisor, and saves the picked one', async () => {
    const fetch = server((_, body) => json({ ...accounts[3], ...(body as object) }));
    renderWithProviders(<AccountsTab />);

    const row = await screen.findByTestId('account-row-patroller1');
    expect(within(row).getByTestId('scope-kind-patroller1').textContent).toBe('街道监督员');
    expect(screen.queryByTestId('scope-kind-dispatcher.nanmen')).toBeNull();
    fireEvent.mouseDown(within(within(row).getByTestId('scope-select-patroller1')).getByRole('combobox'));
    await screen.findByTestId('scope-option-450304002');
    const listbox = screen.getByTestId('scope-option-450304002').closest('.rc-virtual-list, .ant-select-dropdown')!;
    expect(within(listbox as HTMLElement).queryByTestId('scope-option-450304')).toBeNull();
    expect(within(listbox as HTMLElement).queryByTestId('scope-option-450304002001')).toBeNull();
    expect(within(listbox as HTMLElement).getByText('不担任街道监督员')).toBeTruthy();
    fireEvent.click(within(listbox as HTMLElement).getByTestId('scope-option-450304002'));

    await waitFor(() => expect(screen.getByTestId('account-row-patroller1').getAttribute('data-grid-scope')).toBe('450304002'));
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(put[0]).toBe('/api/admin/users/patroller1/grid-scope');
    expect(JSON.parse(put[1]!.body as string)).toEqual({ gridScope: '450304002' });
  });

  it('sends null for the whole city and shows why the server refused', async () => {
    server(() =>
      json(
        { title: 'Grid scope not possible', status: 422, detail: 'No grid node 450304 is in force.', errors: { gridScope: ['No grid node 450304 is in force.'] } },
        422,
        'application/problem+json',
      ),
    );
    renderWithProviders(<AccountsTab />);

    await pick('dispatcher.nanmen', '*');

    expect((await screen.findByTestId('scope-error-dispatcher.nanmen')).textContent).toBe('No grid node 450304 is in force.');
    expect(screen.getByTestId('account-row-dispatcher.nanmen').getAttribute('data-grid-scope')).toBe('450304002');
  });

  it('shows the last-administrator refusal above the list', async () => {
    const fetch = server(() =>
      json(
        {
          title: 'The last administrator',
          status: 422,
          detail: "'admin' is the last enabled administrator: enable or appoint another administrator first.",
          errors: { disabled: ["'admin' is the last enabled administrator: enable or appoint another administrator first."] },
        },
        422,
        'application/problem+json',
      ),
    );
    renderWithProviders(<AccountsTab />);

    fireEvent.click(await screen.findByTestId('account-toggle-admin'));
    fireEvent.click(await screen.findByTestId('account-toggle-confirm-admin'));

    const refused = await screen.findByTestId('account-refused');
    expect(refused.textContent).toContain('last enabled administrator');
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(put[0]).toBe('/api/admin/users/admin/disabled');
    expect(JSON.parse(put[1]!.body as string)).toEqual({ disabled: true });
  });

  it('shows a reset password once, with the account marked as having to change it', async () => {
    server((url) =>
      url.endsWith('/password')
        ? json({ account: { ...accounts[1], passwordChangeRequired: true }, temporaryPassword: 'AbCd-2345-efGh' })
        : json({}, 500),
    );
    renderWithProviders(<AccountsTab />);

    fireEvent.click(await screen.findByTestId('account-reset-dispatcher.nanmen'));
    fireEvent.click(await screen.findByTestId('account-reset-confirm-dispatcher.nanmen'));

    expect((await screen.findByTestId('temporary-password')).textContent).toContain('AbCd-2345-efGh');
    await waitFor(() => expect(screen.getByTestId('account-status-dispatcher.nanmen').getAttribute('data-status')).toBe('mustChange'));
  });
});
