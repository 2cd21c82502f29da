import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AuditTab } from '@/features/admin/components/audit-tab';
import type { AuditEntry } from '@/lib/api-types';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

function entry(id: number, action: string, before: object | null, after: object | null): AuditEntry {
  return {
    id,
    at: '2026-12-06T02:00:00Z',
    actor: 'admin',
    actorName: '系统管理员',
    action,
    subjectType: 'account',
    subjectKey: 'patroller9',
    before: before && JSON.stringify(before),
    after: after && JSON.stringify(after),
  };
}

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

describe('AuditTab', { timeout: allowSlowRenders() }, () => {
  it('lists changes newest first, shows what changed on expanding, and loads older pages by cursor', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      const url = String(input);
      if (url === '/api/admin/audit')
        return json({ items: [entry(9, 'account.disable', { disabled: false, roles: ['patroller'] }, { disabled: true, roles: ['patroller'] })], next: '9' });
      if (url === '/api/admin/audit?before=9') return json({ items: [entry(4, 'account.create', null, { disabled: false })], next: null });
      return json({ items: [], next: null });
    });
    renderWithProviders(<AuditTab />);

    const row = await screen.findByTestId('audit-row-9');
    expect(row.textContent).toContain('系统管理员');
    expect(row.textContent).toContain('account.disable');
    expect(row.textContent).toContain('patroller9');
    fireEvent.click(within(row).getByRole('button', { name: /展开行|expand/i }));
    const changes = await screen.findByTestId('audit-changes-9');
    expect(changes.textContent).toContain('disabled');
    expect(changes.textContent).not.toContain('roles');

    fireEvent.click(screen.getByTestId('audit-more'));
    expect((await screen.findByTestId('audit-row-4')).getAttribute('data-action')).toBe('account.create');
    expect(screen.queryByTestId('audit-more')).toBeNull();
    expect(fetch.mock.calls.map(([url]) => String(url))).toContain('/api/admin/audit?before=9');
  });

  it('sends the search text to the server', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => json({ items: [], next: null }));
    renderWithProviders(<AuditTab />);

    const search = await screen.findByPlaceholderText('搜索对象或内容');
    fireEvent.change(search, { target: { value: '象山 ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });

    await vi.waitFor(() =>
      expect(fetch.mock.calls.map(([url]) => String(url))).toContain(`/api/admin/audit?q=${encodeURIComponent('象山').replace(/%20/g, '+')}`),
    );
  });
});
