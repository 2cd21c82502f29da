import { describe, expect, it } from 'vitest';
import {
  actionBody,
  actionLabel,
  findSpec,
  initialValues,
  KNOWN_FIELD_KINDS,
  missingFields,
  orderActions,
} from '@/lib/case-actions';
import { createI18n } from '@/lib/i18n';
import { CASE_ACTION_TABLE, tableSpec } from '@/testing/case-action-table';

describe('case actions', () => {
  it('sends the version the user saw and only the fields the action takes, trimmed', () => {
    expect(actionBody(tableSpec('return'), { reason: ' 不属于本部门 ', opinion: 'ignored' }, 4)).toEqual({
      expectedVersion: 4,
      reason: '不属于本部门',
    });
    expect(actionBody(tableSpec('check'), { passed: false, opinion: '仍有积水' }, 9)).toEqual({
      expectedVersion: 9,
      passed: false,
      opinion: '仍有积水',
    });
    expect(actionBody(tableSpec('dispatch'), { departmentKey: 'xs-traffic', assistingDepartmentKeys: [], opinion: '' }, 2)).toEqual({
      expectedVersion: 2,
      departmentKey: 'xs-traffic',
    });
  });

  it('sends a limit with its unit under the field name and unit', () => {
    expect(actionBody(tableSpec('request-extension'), { limit: { limit: 2, unit: 'working_days' }, reason: '需要施工' }, 3)).toEqual({
      expectedVersion: 3,
      limit: 2,
      unit: 'working_days',
      reason: '需要施工',
    });
    expect(actionBody(tableSpec('approve-extension'), { limit: { unit: 'working_hours' } }, 3)).toEqual({ expectedVersion: 3 });
  });

  it('sends the assisting departments of assist even when the list is empty, which ends co-handling', () => {
    const assist = tableSpec('assist');
    expect(actionBody(assist, { assistingDepartmentKeys: ['xs-street', 'gl-drainage'] }, 5)).toEqual({
      expectedVersion: 5,
      assistingDepartmentKeys: ['xs-street', 'gl-drainage'],
    });
    expect(actionBody(assist, initialValues(assist), 5)).toEqual({ expectedVersion: 5, assistingDepartmentKeys: [] });
    expect(missingFields(assist, initialValues(assist))).toEqual([]);
  });

  it('files with a corrected category and condition, or with neither', () => {
    const file = tableSpec('file');
    expect(actionBody(file, { categoryId: 'cat-1', conditionId: 'cond-2', opinion: '属实' }, 1)).toEqual({
      expectedVersion: 1,
      categoryId: 'cat-1',
      conditionId: 'cond-2',
      opinion: '属实',
    });
    expect(actionBody(file, {}, 1)).toEqual({ expectedVersion: 1 });
  });

  it('names what is missing before anything is sent, including what another answer makes required', () => {
    expect(missingFields(tableSpec('return'), {})).toEqual(['reason']);
    expect(missingFields(tableSpec('escalate'), { instruction: '  ' })).toEqual(['instruction']);
    expect(missingFields(tableSpec('check'), {})).toEqual(['passed']);
    expect(missingFields(tableSpec('check'), { passed: false })).toEqual(['opinion']);
    expect(missingFields(tableSpec('check'), { passed: true })).toEqual([]);
    expect(missingFields(tableSpec('request-extension'), initialValues(tableSpec('request-extension')))).toEqual(['limit']);
    expect(missingFields(tableSpec('dispatch'), {})).toEqual(['departmentKey']);
    expect(missingFields(tableSpec('sign'), {})).toEqual([]);
  });

  it('treats a field of a kind it does not know as text', () => {
    const spec = { ...tableSpec('sign'), fields: [{ name: 'note', kind: 'signature', required: true }] };
    expect(missingFields(spec, {})).toEqual(['note']);
    expect(actionBody(spec, { note: ' ok ' }, 1)).toEqual({ expectedVersion: 1, note: 'ok' });
  });

  it('gives an action the table does not list an opinion box and its own name as label', () => {
    const spec = findSpec(CASE_ACTION_TABLE, 'teleport');
    expect(spec.fields).toEqual([{ name: 'opinion', kind: 'text', required: false }]);
    expect(actionLabel(spec, 'en')).toBe('teleport');
  });

  it('labels a button in the UI language', () => {
    expect(actionLabel(tableSpec('assist'), 'zh-CN')).toBe('协办');
    expect(actionLabel(tableSpec('assist'), 'en')).toBe('Assist');
  });

  it('orders the offered actions as the table does, those sending the case back after them, unknown ones last', () => {
    expect(orderActions(CASE_ACTION_TABLE, ['return', 'teleport', 'request-extension', 'feedback', 'sign'])).toEqual([
      'sign',
      'request-extension',
      'feedback',
      'return',
      'teleport',
    ]);
  });

  it('has a label in both languages for every field name, and both choices for every yes/no field, of the table', () => {
    const fields = CASE_ACTION_TABLE.flatMap((spec) => spec.fields);
    for (const language of ['zh-CN', 'en'] as const) {
      const i18n = createI18n(language);
      for (const field of fields) {
        expect({ language, field: field.name, label: i18n.exists(`actions.fields.${field.name}`) }).toEqual({ language, field: field.name, label: true });
        if (field.kind === 'boolean') {
          for (const answer of ['yes', 'no']) expect(i18n.exists(`actions.choices.${field.name}.${answer}`)).toBe(true);
        }
      }
      expect(i18n.exists('actions.fields.photos')).toBe(true);
    }
  });

  it('uses in its table copy only field kinds the form has an input for, and every one of them', () => {
    const kinds = new Set(CASE_ACTION_TABLE.flatMap((spec) => spec.fields.map((field) => field.kind)));
    expect([...kinds].sort()).toEqual([...KNOWN_FIELD_KINDS].sort());
  });

  it('has both labels for every action of the table', () => {
    for (const spec of CASE_ACTION_TABLE) {
      expect(spec.labelZh.trim()).not.toBe('');
      expect(spec.labelEn.trim()).not.toBe('');
    }
  });
});
