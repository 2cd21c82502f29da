import { describe, expect, it } from 'vitest';
import { ACTION_SPECS, actionBody, actionSpec, missingFields, orderActions } from '@/lib/case-actions';
import { createI18n } from '@/lib/i18n';

describe('case actions', () => {
  it('sends the version the user saw and only the fields the action takes', () => {
    expect(actionBody('return', { reason: ' 不属于本部门 ', opinion: 'ignored' }, 4)).toEqual({
      expectedVersion: 4,
      reason: '不属于本部门',
    });
    expect(actionBody('check', { passed: false, opinion: '仍有积水' }, 9)).toEqual({
      expectedVersion: 9,
      passed: false,
      opinion: '仍有积水',
    });
    expect(actionBody('request-extension', { limit: 2, unit: 'working_days', reason: '需要施工' }, 3)).toEqual({
      expectedVersion: 3,
      limit: 2,
      unit: 'working_days',
      reason: '需要施工',
    });
    expect(actionBody('dispatch', { departmentKey: 'xs-traffic', opinion: '' }, 2)).toEqual({
      expectedVersion: 2,
      departmentKey: 'xs-traffic',
    });
  });

  it('names what is missing before anything is sent', () => {
    expect(missingFields('return', {})).toEqual(['reason']);
    expect(missingFields('escalate', { instruction: '  ' })).toEqual(['instruction']);
    expect(missingFields('check', {})).toEqual(['passed']);
    expect(missingFields('check', { passed: false })).toEqual(['opinion']);
    expect(missingFields('check', { passed: true })).toEqual([]);
    expect(missingFields('sign', {})).toEqual([]);
  });

  it('gives an action it does not know an opinion box', () => {
    expect(actionSpec('teleport')).toEqual({ fields: ['opinion'], required: [] });
  });

  it('puts the actions that send a case back after the others', () => {
    expect(orderActions(['return', 'request-extension', 'feedback', 'sign'])).toEqual([
      'sign',
      'request-extension',
      'feedback',
      'return',
    ]);
  });

  it('has a label for every action in both languages', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const i18n = createI18n(language);
      for (const action of Object.keys(ACTION_SPECS)) expect(i18n.exists(`actions.${action}`)).toBe(true);
    }
  });
});
