import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { stateColor, stateLabel } from '@/lib/case-states';

/** The state's label in its colour; `solid` reads better on the dark wall screen. */
export function StateTag({ state, solid = false }: { state: string; solid?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColor(state)} variant={solid ? 'solid' : undefined} data-state={state}>
      {stateLabel(t, state)}
    </Tag>
  );
}
