import { Button, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FLAG_KEYS, dayOf, dayStart, listValue, type FilterKey, type LedgerFilters } from '@/features/ledger/lib/ledger-url';
import type { Department } from '@/lib/api-types';
import { localName } from '@/lib/i18n';

const STATES = [
  'Reported', 'Verifying', 'ToFile', 'ToDispatch', 'Dispatched', 'Handling', 'FedBack', 'Checking', 'ToClose', 'Closed',
  'Archived', 'NotAccepted', 'Voided', 'Returned', 'Suspended',
];
const LIGHTS = ['Green', 'Yellow', 'Red'];
const SOURCES = ['patrol', 'public', 'hotline', 'leader', 'video', 'media'];

export interface LedgerFiltersProps {
  filters: LedgerFilters;
  departments: readonly Department[];
  onChange: (key: FilterKey, value: string | string[] | null) => void;
  onClear: () => void;
  /** Lays the fields out one per line (the phone's filter drawer). */
  vertical?: boolean;
}

/** Every filter of the ledger; each change goes straight into the URL. */
export function LedgerFiltersBar({ filters, departments, onChange, onClear, vertical = false }: LedgerFiltersProps) {
  const { t, i18n } = useTranslation();
  const width = vertical ? '100%' : undefined;
  const text = (key: FilterKey, placeholder: string, w = 160) => (
    <Input
      allowClear
      data-testid={`ledger-filter-${key}`}
      style={{ width: width ?? w }}
      placeholder={placeholder}
      defaultValue={filters[key] ?? ''}
      key={`${key}-${filters[key] ?? ''}`}
      onBlur={(e) => e.target.value.trim() !== (filters[key] ?? '') && onChange(key, e.target.value)}
      onPressEnter={(e) => onChange(key, (e.target as HTMLInputElement).value)}
    />
  );
  return (
    <Flex wrap gap={8} vertical={vertical} data-testid="ledger-filters">
      <Select
        style={{ width: width ?? 120 }}
        value={filters.period ?? 'reported'}
        onChange={(v) => onChange('period', v === 'reported' ? null : v)}
        options={['reported', 'dispatched', 'closed'].map((p) => ({ value: p, label: t(`ledger.period.${p}`) }))}
        aria-label={t('ledger.filter.period')}
        data-testid="ledger-filter-period"
      />
      <Input
        type="date"
        style={{ width: width ?? 150 }}
        value={dayOf(filters.from)}
        aria-label={t('ledger.filter.from')}
        data-testid="ledger-filter-from"
        onChange={(e) => onChange('from', e.target.value ? dayStart(e.target.value) : null)}
      />
      <Input
        type="date"
        style={{ width: width ?? 150 }}
        value={dayOf(filters.to)}
        aria-label={t('ledger.filter.to')}
        data-testid="ledger-filter-to"
        onChange={(e) => onChange('to', e.target.value ? dayStart(e.target.value) : null)}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ width: width ?? 200 }}
        placeholder={t('ledger.filter.state')}
        value={listValue(filters, 'state')}
        onChange={(v) => onChange('state', v)}
        options={STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
        data-testid="ledger-filter-state"
      />
      <Select
        mode="multiple"
        allowClear
        style={{ width: width ?? 150 }}
        placeholder={t('ledger.filter.light')}
        value={listValue(filters, 'light')}
        onChange={(v) => onChange('light', v)}
        options={LIGHTS.map((l) => ({ value: l, label: t(`ledger.light.${l}`) }))}
        data-testid="ledger-filter-light"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ width: width ?? 170 }}
        placeholder={t('ledger.filter.source')}
        value={listValue(filters, 'source')}
        onChange={(v) => onChange('source', v)}
        options={SOURCES.map((s) => ({ value: s, label: t(`case.sources.${s}`) }))}
        data-testid="ledger-filter-source"
      />
      {text('category', t('ledger.filter.category'), 190)}
      {text('grid', t('ledger.filter.grid'), 150)}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: width ?? 170 }}
        placeholder={t('ledger.filter.department')}
        value={filters.department}
        onChange={(v) => onChange('department', v ?? null)}
        options={departments.map((d) => ({ value: d.key, label: localName(i18n.language, d.nameZh, d.nameEn) }))}
        data-testid="ledger-filter-department"
      />
      {filters.department ? (
        <Select
          style={{ width: width ?? 120 }}
          value={filters.departmentRole ?? 'any'}
          onChange={(v) => onChange('departmentRole', v === 'any' ? null : v)}
          options={['any', 'lead', 'assisting'].map((r) => ({ value: r, label: t(`ledger.departmentRole.${r}`) }))}
          data-testid="ledger-filter-departmentRole"
        />
      ) : null}
      {text('reporter', t('ledger.filter.reporter'), 130)}
      {text('component', t('ledger.filter.component'), 170)}
      {FLAG_KEYS.map((flag) => (
        <Select
          key={flag}
          allowClear
          style={{ width: width ?? 120 }}
          placeholder={t(`ledger.flag.${flag}`)}
          value={filters[flag]}
          onChange={(v) => onChange(flag, v ?? null)}
          options={[
            { value: 'true', label: `${t(`ledger.flag.${flag}`)}：${t('ledger.yes')}` },
            { value: 'false', label: `${t(`ledger.flag.${flag}`)}：${t('ledger.no')}` },
          ]}
          data-testid={`ledger-filter-${flag}`}
        />
      ))}
      <Button onClick={onClear} data-testid="ledger-clear">
        {t('ledger.clear')}
      </Button>
    </Flex>
  );
}
