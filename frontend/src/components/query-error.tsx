import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, describeApiError } from '@/lib/http';

/** What a page shows when its data could not be loaded. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <Result
      status={forbidden ? '403' : 'warning'}
      title={forbidden ? t('common.forbidden') : t('common.loadFailed')}
      subTitle={describeApiError(error)}
      extra={
        onRetry && !forbidden ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
}
