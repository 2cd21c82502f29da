import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder for the periodic reports (通报) tab; the reports feature replaces this file. */
export function ReportsPanel() {
  const { t } = useTranslation();
  return <Empty description={t('evaluation.reports.coming')} data-testid="reports-panel" />;
}
