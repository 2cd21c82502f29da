import { describe, expect, it } from 'vitest';
import { accountStatus, accountsQuery, createRequest, editRequest, suggestPassword } from '@/features/admin/lib/accounts';

describe('accounts', () => {
  it('puts only the filters that are set into the query, with the page', () => {
    expect(accountsQuery({ page: 2, pageSize: 20 })).toBe('page=2&pageSize=20');
    expect(accountsQuery({ q: ' 南门 ', role: 'handler', department: 'xs-traffic', state: 'disabled', page: 1, pageSize: 20 })).toBe(
      `q=${encodeURIComponent('南门')}&role=handler&department=xs-traffic&disabled=true&page=1&pageSize=20`,
    );
    expect(accountsQuery({ state: 'enabled', page: 1, pageSize: 50 })).toBe('disabled=false&page=1&pageSize=50');
  });

  it('shows disabled before locked before a pending password change', () => {
    expect(accountStatus({ disabled: true, lockedOut: true, passwordChangeRequired: true })).toBe('disabled');
    expect(accountStatus({ disabled: false, lockedOut: true, passwordChangeRequired: true })).toBe('locked');
    expect(accountStatus({ disabled: false, lockedOut: false, passwordChangeRequired: true })).toBe('mustChange');
    expect(accountStatus({ disabled: false, lockedOut: false, passwordChangeRequired: false })).toBe('active');
  });

  it('sends a department only with the handler role and a scope only with a command-centre or patroller role', () => {
    const values = { userName: ' li.si ', displayName: ' 李四 ', roles: ['patroller'], departmentKey: 'xs-traffic', gridScope: '450304002', phone: ' ', password: 'Abcd-2345-efgh' };

    expect(createRequest(values)).toEqual({
      userName: 'li.si', displayName: '李四', roles: ['patroller'], departmentKey: null, gridScope: '450304002', phone: null, password: 'Abcd-2345-efgh',
    });
    expect(createRequest({ ...values, roles: ['handler'] })).toMatchObject({ departmentKey: 'xs-traffic', gridScope: null });
    expect(editRequest({ ...values, roles: ['handler', 'dispatcher'] }, 'v7')).toEqual({
      displayName: '李四', roles: ['handler', 'dispatcher'], departmentKey: 'xs-traffic', gridScope: '450304002', phone: null, version: 'v7',
    });
  });

  it('suggests passwords the server accepts whatever the draw', () => {
    for (const draw of [() => 0, (n: number) => n - 1, (n: number) => Math.floor(n / 2)]) {
      const password = suggestPassword(draw);
      expect(password).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
      expect(password).toMatch(/\d/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
    }
  });
});
