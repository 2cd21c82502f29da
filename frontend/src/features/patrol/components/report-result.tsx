import { Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { StateTag } from '@/components/state-tag';
import type { CaseDto } from '@/lib/api-types';
import { localName } from '@/lib/i18n';

export function ReportResult({ created, onNext }: { created: CaseDto; onNext: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Result
      status="success"
      title={t('patrol.created')}
      subTitle={
        <span>
          {t('patrol.caseNumber')}:{' '}
          <Typography.Text strong copyable data-testid="result-case-number">
            {created.number}
          </Typography.Text>
        </span>
      }
      extra={[
        <div key="state" data-testid="result-case-state" className="result-state">
          {t('patrol.state')}: <StateTag state={created.state} />
        </div>,
        <div key="category" className="muted">
          {created.category.code} {localName(i18n.language, created.category.nameZh, created.category.nameEn)}
        </div>,
        <Button key="next" type="primary" onClick={onNext} data-testid="new-report" style={{ marginTop: 16 }}>
          {t('patrol.newReport')}
        </Button>,
      ]}
    />
  );
}

/** The report could not reach the server: it is kept on the phone and sent when the network returns. */
export function ReportQueued({ onNext }: { onNext: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title={<span data-testid="report-queued">{t('patrol.outbox.queuedTitle')}</span>}
      subTitle={t('patrol.outbox.queuedHint')}
      extra={
        <Button type="primary" onClick={onNext} data-testid="new-report">
          {t('patrol.newReport')}
        </Button>
      }
    />
  );
}
