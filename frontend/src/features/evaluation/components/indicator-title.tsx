import { QuestionCircleOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { indicatorName } from '@/features/evaluation/lib/indicators';
import type { Indicator } from '@/lib/evaluation-types';

/** A column header naming an indicator, its definition (numerator, denominator, which date places a case) on hover or tap. */
export function IndicatorTitle({ code, definitions }: { code: string; definitions: ReadonlyMap<string, Indicator> }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const found = definitions.get(code);
  const name = indicatorName(code, definitions, i18n.language);
  // A rate names the steps of its numerator and denominator: "filed / reported".
  const placedBy = (steps: string) =>
    steps
      .split('/')
      .map((step) => step.trim())
      .map((step) => t(`evaluation.step.${step}`, { defaultValue: step }))
      .join(' / ');
  if (!found) return <span data-testid={`indicator-head-${code}`}>{name}</span>;
  const content = (
    <div data-testid={`indicator-definition-${code}`}>
      <Typography.Text strong style={{ color: 'inherit' }}>
        {name}
      </Typography.Text>
      <div>{en ? found.definitionEn : found.definitionZh}</div>
      <div>{t('evaluation.placedBy', { step: placedBy(found.placedBy) })}</div>
    </div>
  );
  return (
    <Tooltip title={content} trigger={['hover', 'click']}>
      <span data-testid={`indicator-head-${code}`} className="evaluation-indicator-head">
        {name} <QuestionCircleOutlined style={{ fontSize: 11, opacity: 0.6 }} />
      </span>
    </Tooltip>
  );
}
