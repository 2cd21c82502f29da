import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AccountFormDrawer } from '@/features/admin/components/account-form-drawer';
import type { Account } from '@/lib/api-types';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

const account: Account = {
  userName: 'dispatcher.edit',
  displayName: '派遣员甲',
  roles: ['dispatcher'],
  departmentKey: null,
  gridScope: null,
  phone: null,
  disabled: false,
  lockedOut: false,
  lockedUntil: null,
  passwordChangeRequired: false,
  lastSignInAt: null,
  version: 'v1',
};

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function server(write: (method: string, body: Record<string, unknown>) => Response) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    if (url === '/api/departments') return json([]);
    if (url.startsWith('/api/grids')) return json([]);
    if (init?.method === 'POST' || init?.method === 'PUT') return write(init.method, JSON.parse(init.body as string) as Record<string, unknown>);
    return json({ title: `unexpected ${url}` }, 500);
  });
}

function type(testId: string, value: string) {
  const field = screen.getByTestId(testId);
  fireEvent.change(field.tagName === 'INPUT' ? field : within(field).getByRole('textbox'), { target: { value } });
}

describe('AccountFormDrawer', { timeout: allowSlowRenders() }, () => {
  it('puts the problems the server names on their fields', async () => {
    const fetch = server(() =>
      json(
        { title: 'The account is not valid', status: 400, errors: { displayName: ['At most 64 characters.'], phone: ['Digits only.'] } },
        400,
        'application/problem+json',
      ),
    );
    renderWithProviders(<AccountFormDrawer editing={{ mode: 'edit', account }} onClose={() => {}} onSaved={() => {}} />);

    await screen.findByTestId('account-form');
    type('account-phone', 'call me');
    fireEvent.click(screen.getByTestId('account-save'));

    expect(await screen.findByText('At most 64 characters.', { selector: '.ant-form-item-explain-error' })).toBeTruthy();
    expect(screen.getByText('Digits only.', { selector: '.ant-form-item-explain-error' })).toBeTruthy();
    expect(screen.queryByTestId('account-form-error')).toBeNull();
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(put[0]).toBe('/api/admin/users/dispatcher.edit');
    expect(JSON.parse(put[1]!.body as string)).toEqual({
      displayName: '派遣员甲', roles: ['dispatcher'], departmentKey: null, gridScope: null, phone: 'call me', version: 'v1',
    });
  });

  it('offers the current account after a stale edit and saves from its version', async () => {
    const current = { ...account, displayName: '别人改的名字', version: 'v2' };
    const saved = vi.fn();
    const fetch = server((_, body) =>
      body.version === 'v1'
        ? json(
            { title: 'Changed by someone else', status: 409, detail: 'stale', currentVersion: 'v2', current, errors: { version: ['Stale'] } },
            409,
            'application/problem+json',
          )
        : json({ ...current, ...body, version: 'v3' }),
    );
    renderWithProviders(<AccountFormDrawer editing={{ mode: 'edit', account }} onClose={() => {}} onSaved={saved} />);

    await screen.findByTestId('account-form');
    type('account-display-name', '我的名字');
    fireEvent.click(screen.getByTestId('account-save'));
    fireEvent.click(await screen.findByTestId('account-form-reload'));

    await waitFor(() => expect((screen.getByTestId('account-display-name') as HTMLInputElement).value).toBe('别人改的名字'));
    fireEvent.click(screen.getByTestId('account-save'));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    const puts = fetch.mock.calls.filter(([, init]) => init?.method === 'PUT').map(([url, init]) => [String(url), JSON.parse(init!.body as string)]);
    expect(puts.map(([url]) => url)).toEqual(['/api/admin/users/dispatcher.edit', '/api/admin/users/dispatcher.edit']);
    expect(puts.map(([, body]) => (body as { version: string }).version)).toEqual(['v1', 'v2']);
  });

  it('offers a patroller only streets, labelled street supervisor, and sends the picked one', async () => {
    const street = { code: '450304002', level: 'street', name: '南门街道', parentCode: '450304', validFrom: '2020-01-01', validTo: null, responsiblePerson: null, bbox: [0, 0, 1, 1] };
    const community = { ...street, code: '450304002001', level: 'community', name: '南门社区', parentCode: '450304002' };
    const district = { ...street, code: '450304', level: 'district', name: '象山区', parentCode: '450300' };
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/api/departments') return json([]);
      const level = /\/api\/grids\?level=(\w+)/.exec(url)?.[1];
      if (level) return json([district, street, community].filter((node) => node.level === level));
      if (init?.method === 'PUT') return json({ ...account, ...(JSON.parse(init.body as string) as object), version: 'v2' });
      return json({ title: `unexpected ${url}` }, 500);
    });
    const patroller: Account = { ...account, userName: 'patroller1', displayName: '监督员一', roles: ['patroller'] };
    const saved = vi.fn();
    renderWithProviders(<AccountFormDrawer editing={{ mode: 'edit', account: patroller }} onClose={() => {}} onSaved={saved} />);

    await screen.findByTestId('account-form');
    expect(screen.getByText('街道监督员')).toBeTruthy();
    fireEvent.mouseDown(within(screen.getByTestId('account-grid-scope')).getByRole('combobox'));
    fireEvent.click(await screen.findByTestId('account-scope-option-450304002'));
    expect(screen.queryByTestId('account-scope-option-450304')).toBeNull();
    expect(screen.queryByTestId('account-scope-option-450304002001')).toBeNull();
    fireEvent.click(screen.getByTestId('account-save'));

    await waitFor(() => expect(saved).toHaveBeenCalled());
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(JSON.parse(put[1]!.body as string)).toMatchObject({ roles: ['patroller'], gridScope: '450304002' });
  });

  it('offers a handler only departments in service', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      const url = String(input);
      if (url === '/api/departments')
        return json([
          { key: 'xs-traffic', nameZh: '象山交警大队', nameEn: 'Xiangshan Traffic Police', kind: 'traffic_police', level: 'district', retired: false },
          { key: 'xs-old', nameZh: '已撤销班组', nameEn: 'Retired Team', kind: 'unit', level: 'district', retired: true },
        ]);
      if (url.startsWith('/api/grids')) return json([]);
      return json({ title: `unexpected ${url}` }, 500);
    });
    const handler: Account = { ...account, userName: 'handler.edit', roles: ['handler'], departmentKey: 'xs-traffic' };
    renderWithProviders(<AccountFormDrawer editing={{ mode: 'edit', account: handler }} onClose={() => {}} onSaved={() => {}} />);

    await screen.findByTestId('account-form');
    fireEvent.mouseDown(within(screen.getByTestId('account-department')).getByRole('combobox'));

    expect(await screen.findByTestId('account-department-option-xs-traffic')).toBeTruthy();
    expect(screen.queryByTestId('account-department-option-xs-old')).toBeNull();
    expect(screen.queryByText('已撤销班组')).toBeNull();
  });
});
