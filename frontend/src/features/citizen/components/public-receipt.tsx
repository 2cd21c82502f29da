import { Alert, Button, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { trackingUrl } from '@/features/citizen/lib/public-report';
import type { PublicReceipt } from '@/lib/api-types';

/** The receipt: the case number and the secret link, which is the only way back to the report. */
export function PublicReceiptView({ receipt, onAnother }: { receipt: PublicReceipt; onAnother: () => void }) {
  const { t } = useTranslation();
  const url = trackingUrl(window.location.origin, receipt.trackingPath);
  return (
    <Result
      status="success"
      title={t('citizen.receipt.title')}
      subTitle={
        <span>
          {t('citizen.receipt.number')}:{' '}
          <Typography.Text strong copyable data-testid="public-receipt-number">
            {receipt.number}
          </Typography.Text>
        </span>
      }
      extra={
        <Flex vertical gap={12} align="stretch" style={{ textAlign: 'left' }}>
          <Alert type="warning" showIcon title={t('citizen.receipt.keepLink')} />
          <Typography.Paragraph copyable={{ text: url }} className="public-receipt__link" data-testid="public-receipt-link">
            {url}
          </Typography.Paragraph>
          <Link to={receipt.trackingPath} data-testid="public-receipt-open">
            <Button type="primary" block>
              {t('citizen.receipt.open')}
            </Button>
          </Link>
          <Button block onClick={onAnother} data-testid="public-report-another">
            {t('citizen.receipt.another')}
          </Button>
        </Flex>
      }
    />
  );
}
