import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CategoryCondition } from '@/lib/api-types';
import { localName } from '@/lib/i18n';

export interface ConditionPickerProps {
  conditions: readonly CategoryCondition[];
  value?: string;
  onChange?: (value: string) => void;
  disabled?: boolean;
}

export function ConditionPicker({ conditions, value, onChange, disabled }: ConditionPickerProps) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid="condition-select" data-value={value ?? ''}>
      <Select<string>
        value={value}
        onChange={(next) => onChange?.(next)}
        disabled={disabled}
        placeholder={t('patrol.conditionPlaceholder')}
        style={{ width: '100%' }}
        size="large"
        virtual={false}
        options={conditions.map((condition) => ({
          value: String(condition.id),
          label: `${localName(i18n.language, condition.nameZh, condition.nameEn)} (${t(`timeLimit.${condition.unit}`, {
            count: condition.limit,
          })})`,
        }))}
        optionRender={(option) => <span data-testid={`condition-option-${option.value}`}>{option.label}</span>}
      />
    </div>
  );
}
