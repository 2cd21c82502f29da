import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Open311Tab } from '@/features/admin/components/open311-tab';
import type { Open311Key } from '@/lib/api-types';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

const active: Open311Key = {
  id: 'k-1',
  name: '市民App',
  prefix: 'o311_abc',
  issuedBy: 'admin',
  issuedAt: '2026-12-06T01:00:00Z',
  revokedAt: null,
  revokedBy: null,
  lastUsedAt: null,
};

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

describe('Open311Tab', { timeout: allowSlowRenders() }, () => {
  it('issues a key, shows it once, and lists it without the key', async () => {
    let issued = false;
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/api/admin/open311/keys' && init?.method === 'POST') {
        issued = true;
        return json({ ...active, key: 'o311_abcdefghijklmnop' }, 201);
      }
      if (url === '/api/admin/open311/keys') return json(issued ? [active] : []);
      return json({ title: `unexpected ${url}` }, 500);
    });
    renderWithProviders(<Open311Tab />);

    expect(await screen.findByTestId('open311-empty')).toBeTruthy();
    fireEvent.change(screen.getByTestId('open311-name'), { target: { value: '市民App' } });
    fireEvent.click(screen.getByTestId('open311-issue'));

    expect((await screen.findByTestId('open311-issued-key')).textContent).toBe('o311_abcdefghijklmnop');
    const row = await screen.findByTestId('open311-key-row-市民App');
    expect(row.textContent).toContain('o311_abc');
    expect(row.textContent).not.toContain('o311_abcdefghijklmnop');
    const post = fetch.mock.calls.find(([url, init]) => url === '/api/admin/open311/keys' && init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ name: '市民App' });
  });

  it('revokes a key after confirmation', async () => {
    let revoked = false;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/api/admin/open311/keys/k-1/revoke' && init?.method === 'POST') {
        revoked = true;
        return json({ ...active, revokedAt: '2026-12-06T02:00:00Z', revokedBy: 'admin' });
      }
      if (url === '/api/admin/open311/keys')
        return json([revoked ? { ...active, revokedAt: '2026-12-06T02:00:00Z', revokedBy: 'admin' } : active]);
      return json({ title: `unexpected ${url}` }, 500);
    });
    renderWithProviders(<Open311Tab />);

    const row = await screen.findByTestId('open311-key-row-市民App');
    expect(within(row).getByTestId('open311-key-status').dataset.status).toBe('active');
    fireEvent.click(within(row).getByTestId('open311-revoke'));
    fireEvent.click(await screen.findByTestId('open311-revoke-confirm'));

    await vi.waitFor(async () =>
      expect((await screen.findByTestId('open311-key-row-市民App')).querySelector('[data-status="revoked"]')).not.toBeNull(),
    );
  });

  it('shows the server naming the field when the name is refused', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/api/admin/open311/keys' && init?.method === 'POST')
        return json({ title: 'One or more validation errors occurred.', status: 400, errors: { name: ['A key for 市民App is in use.'] } }, 400, 'application/problem+json');
      if (url === '/api/admin/open311/keys') return json([]);
      return json({ title: `unexpected ${url}` }, 500);
    });
    renderWithProviders(<Open311Tab />);

    await screen.findByTestId('open311-empty');
    fireEvent.change(screen.getByTestId('open311-name'), { target: { value: '市民App' } });
    fireEvent.click(screen.getByTestId('open311-issue'));

    expect(await screen.findByText('A key for 市民App is in use.')).toBeTruthy();
  });
});
