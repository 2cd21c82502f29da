import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, type PeriodSelection } from '@/features/evaluation/lib/evaluation-url';
import type { PeriodKind } from '@/lib/evaluation-types';

export interface PeriodPickerProps {
  value: PeriodSelection;
  /** The day shown when `value.date` is empty (today in China time). */
  today: string;
  onChange: (next: PeriodSelection) => void;
}

/** Day, week, month, quarter, year (by any day inside it) or a custom range of days. */
export function PeriodPicker({ value, today, onChange }: PeriodPickerProps) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} align="center" data-testid="evaluation-period">
      <Select<PeriodKind>
        style={{ width: 110 }}
        value={value.kind}
        aria-label={t('evaluation.period.kind')}
        data-testid="evaluation-period-kind"
        onChange={(kind) =>
          onChange(
            kind === 'custom'
              ? { kind, date: null, from: value.from ?? value.date ?? today, to: value.to ?? value.date ?? today }
              : { kind, date: value.date, from: null, to: null },
          )
        }
        options={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`evaluation.period.${kind}`) }))}
      />
      {value.kind === 'custom' ? (
        <>
          <Input
            type="date"
            style={{ width: 150 }}
            value={value.from ?? ''}
            aria-label={t('evaluation.period.from')}
            data-testid="evaluation-period-from"
            onChange={(e) => onChange({ ...value, from: e.target.value || null })}
          />
          <Input
            type="date"
            style={{ width: 150 }}
            value={value.to ?? ''}
            aria-label={t('evaluation.period.to')}
            data-testid="evaluation-period-to"
            onChange={(e) => onChange({ ...value, to: e.target.value || null })}
          />
        </>
      ) : (
        <Input
          type="date"
          style={{ width: 150 }}
          value={value.date ?? today}
          aria-label={t('evaluation.period.date')}
          data-testid="evaluation-period-date"
          onChange={(e) => onChange({ ...value, date: e.target.value || null })}
        />
      )}
    </Flex>
  );
}
