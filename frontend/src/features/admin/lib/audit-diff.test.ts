import { describe, expect, it } from 'vitest';
import { auditChanges } from '@/features/admin/lib/audit-diff';

describe('auditChanges', () => {
  it('lists only the fields whose values differ, before and after', () => {
    const before = JSON.stringify({ userName: 'li', displayName: '李明', roles: ['patroller'], disabled: false });
    const after = JSON.stringify({ userName: 'li', displayName: '李明', roles: ['patroller', 'acceptor'], disabled: true });

    expect(auditChanges(before, after)).toEqual([
      { field: 'roles', before: '["patroller"]', after: '["patroller","acceptor"]' },
      { field: 'disabled', before: 'false', after: 'true' },
    ]);
  });

  it('shows every field of a created record on the after side and of a removed one on the before side', () => {
    expect(auditChanges(null, JSON.stringify({ key: 'xs-water', name: '供水公司' }))).toEqual([
      { field: 'key', before: '', after: 'xs-water' },
      { field: 'name', before: '', after: '供水公司' },
    ]);
    expect(auditChanges(JSON.stringify({ year: 2027 }), null)).toEqual([{ field: 'year', before: '2027', after: '' }]);
  });

  it('writes null as a dash and keeps a snapshot that is not an object readable', () => {
    expect(auditChanges(JSON.stringify({ gridScope: '450304002' }), JSON.stringify({ gridScope: null }))).toEqual([
      { field: 'gridScope', before: '450304002', after: '—' },
    ]);
    expect(auditChanges(null, '"text"')).toEqual([{ field: 'value', before: '', after: 'text' }]);
  });
});
