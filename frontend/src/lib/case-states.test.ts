import { describe, expect, it } from 'vitest';
import { CASE_STATES, stateColor, stateLabel, stateLabelKey } from '@/lib/case-states';
import { createI18n } from '@/lib/i18n';

describe('case state labels', () => {
  const zh = createI18n('zh-CN');
  const en = createI18n('en');

  it.each([
    ['Reported', '待受理', 'Awaiting acceptance'],
    ['Verifying', '核实中', 'Verifying'],
    ['ToFile', '待立案', 'To file'],
    ['ToDispatch', '待派遣', 'To dispatch'],
    ['Dispatched', '待签收', 'Awaiting sign-off'],
    ['Handling', '处置中', 'Handling'],
    ['FedBack', '已反馈', 'Reported back'],
    ['Checking', '核查中', 'Checking'],
    ['ToClose', '待结案', 'To close'],
    ['Closed', '已结案', 'Closed'],
    ['NotAccepted', '不予受理', 'Not accepted'],
    ['Voided', '已作废', 'Voided'],
  ])('%s reads %s in Chinese and %s in English', (state, chinese, english) => {
    expect(stateLabel(zh.t, state)).toBe(chinese);
    expect(stateLabel(en.t, state)).toBe(english);
  });

  it('every known state has a label in both languages, not its key', () => {
    for (const state of CASE_STATES) {
      expect(zh.exists(stateLabelKey(state)!)).toBe(true);
      expect(en.exists(stateLabelKey(state)!)).toBe(true);
    }
  });

  it('shows a state it does not know as the server sent it', () => {
    expect(stateLabelKey('Teleported')).toBeNull();
    expect(stateLabel(zh.t, 'Teleported')).toBe('Teleported');
    expect(stateColor('Teleported')).toMatch(/^#/);
  });
});
