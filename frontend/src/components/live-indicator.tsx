import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';

/** Tells the viewer whether the board is receiving pushes or catching up. */
export function LiveIndicator({ live }: { live: boolean }) {
  const { t } = useTranslation();
  return (
    <span data-testid="live-status" data-live={live ? 'true' : 'false'}>
      <Badge status={live ? 'processing' : 'default'} text={live ? t('live.on') : t('live.off')} />
    </span>
  );
}
