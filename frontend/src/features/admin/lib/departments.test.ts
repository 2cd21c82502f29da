import { describe, expect, it } from 'vitest';
import { departmentRequest, foldItemErrors, parentChoices, retireBlockers, staleEdit } from '@/features/admin/lib/departments';
import type { AdminDepartment } from '@/lib/api-types';
import { ApiError } from '@/lib/http';

function department(key: string, parentKey: string | null = null, retired = false): AdminDepartment {
  return {
    key, nameZh: key, nameEn: key, kind: 'municipal', level: 'district', jurisdictionCodes: ['450304'], contactPhone: null, dutyPhone: null,
    parentKey, retired, retiredAt: null, version: 1, openCases: 0, assistingCases: 0,
  };
}

describe('departments', () => {
  it('sends the key only when creating and the version only when editing, empty texts as null', () => {
    const values = { key: ' xs-roads ', nameZh: ' 道路班 ', nameEn: '', kind: 'municipal', jurisdictionCodes: ['450304001'], contactPhone: '  ', parentKey: 'xs-municipal' };

    expect(departmentRequest(values)).toMatchObject({ key: 'xs-roads', nameZh: '道路班', nameEn: null, contactPhone: null, version: null });
    expect(departmentRequest(values, 7)).toMatchObject({ key: null, version: 7, parentKey: 'xs-municipal' });
  });

  it('offers as parents only departments in service that are not the department itself or below it', () => {
    const all = [department('top'), department('child', 'top'), department('grandchild', 'child'), department('other'), department('gone', null, true)];

    expect(parentChoices(all, 'child').map((d) => d.key)).toEqual(['top', 'other']);
    expect(parentChoices(all, undefined).map((d) => d.key)).toEqual(['top', 'child', 'grandchild', 'other']);
  });

  it('reads a refusal to retire group by group and leaves other answers alone', () => {
    const refused = new ApiError(409, 'Still in use', undefined, {}, {
      blockers: { openCases: { count: 2, items: ['A', 'B'] }, rules: { count: 0, items: [] }, accounts: { count: 1, items: [{ userName: 'u', displayName: '甲' }] } },
    });

    expect(retireBlockers(refused)).toEqual([
      { kind: 'openCases', count: 2, items: ['A', 'B'] },
      { kind: 'accounts', count: 1, items: ['甲（u）'] },
    ]);
    expect(retireBlockers(new ApiError(400, 'Bad'))).toBeNull();
    expect(staleEdit(refused)).toBeNull();
    expect(staleEdit(new ApiError(409, 'Changed', undefined, {}, { currentVersion: '9', current: department('x') }))?.currentVersion).toBe('9');
  });

  it('puts errors on list items onto the list field', () => {
    const folded = foldItemErrors(new ApiError(400, 'Bad', undefined, { 'jurisdictionCodes[1]': ['No grid node'], kind: ['Unknown'] })) as ApiError;

    expect(folded.errors).toEqual({ jurisdictionCodes: ['No grid node'], kind: ['Unknown'] });
  });
});
