import { SearchOutlined } from '@ant-design/icons';
import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummary, Light } from '@/lib/api-types';
import { stateLabel } from '@/lib/case-states';
import { effectiveLight } from '@/lib/deadline';

export interface CaseFilter {
  states: string[];
  lights: (Light | 'none')[];
  text: string;
}

export const NO_FILTER: CaseFilter = { states: [], lights: [], text: '' };

/** Rows matching every part of the filter: any of the states, any of the lights, all the words. */
export function filterCases(cases: readonly CaseSummary[], filter: CaseFilter, now: number): CaseSummary[] {
  const words = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return cases.filter((item) => {
    if (filter.states.length > 0 && !filter.states.includes(item.state)) return false;
    if (filter.lights.length > 0) {
      const light = effectiveLight(item.light, item.nextDeadline, now) ?? 'none';
      if (!filter.lights.includes(light)) return false;
    }
    if (words.length > 0) {
      const haystack = [item.number, item.categoryCode, item.categoryNameZh, item.categoryNameEn, item.description]
        .join(' ')
        .toLowerCase();
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
}

/** A handler's own queue (内部派遣): the cases given to `userName` inside the department. */
export function assignedTo(cases: readonly CaseSummary[], userName: string | undefined): CaseSummary[] {
  return userName ? cases.filter((item) => item.assigneeUserName === userName) : [];
}

export interface CaseFiltersProps {
  cases: readonly CaseSummary[];
  value: CaseFilter;
  onChange: (value: CaseFilter) => void;
}

export function CaseFilters({ cases, value, onChange }: CaseFiltersProps) {
  const { t } = useTranslation();
  const states = [...new Set(cases.map((item) => item.state))].sort();
  return (
    <Flex gap={8} wrap className="case-filters">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('board.filter.search')}
        value={value.text}
        onChange={(event) => onChange({ ...value, text: event.target.value })}
        style={{ width: 240 }}
        data-testid="filter-text"
      />
      <Select<string[]>
        mode="multiple"
        allowClear
        placeholder={t('board.filter.state')}
        value={value.states}
        onChange={(next) => onChange({ ...value, states: next })}
        options={states.map((state) => ({ value: state, label: stateLabel(t, state) }))}
        style={{ minWidth: 180 }}
        data-testid="filter-state"
      />
      <Select<(Light | 'none')[]>
        mode="multiple"
        allowClear
        placeholder={t('board.filter.light')}
        value={value.lights}
        onChange={(next) => onChange({ ...value, lights: next })}
        options={(['Red', 'Yellow', 'Green', 'none'] as const).map((light) => ({
          value: light,
          label: light === 'none' ? t('deadline.light.none') : t(`deadline.light.${light}`),
        }))}
        optionRender={(option) => <span data-testid={`filter-light-${option.value}`}>{option.label}</span>}
        style={{ minWidth: 180 }}
        data-testid="filter-light"
      />
    </Flex>
  );
}
