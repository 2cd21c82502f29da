import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { stateColor, stateLabel } from '@/lib/case-states';

export function StateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColor(state)} data-state={state}>
      {stateLabel(t, state)}
    </Tag>
  );
}
