import { AimOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapView } from '@/components/map-view';
import { formatCoordinate } from '@/lib/format';
import { useGeolocation, type GeoFix } from '@/lib/use-geolocation';

export interface PublicPoint {
  latitude: number;
  longitude: number;
  accuracy?: number;
}

/** Where the problem is: the phone's position on request, or a tap on the map (which always wins). */
export function PublicLocation({ value, onChange }: { value: PublicPoint | null; onChange: (point: PublicPoint) => void }) {
  const { t } = useTranslation();
  const [center, setCenter] = useState<readonly [number, number] | undefined>(undefined);
  const onFix = useCallback(
    (fix: GeoFix) => {
      onChange(fix);
      setCenter([fix.latitude, fix.longitude]);
    },
    [onChange],
  );
  const { state, locate } = useGeolocation(onFix);
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" wrap>
        <Button icon={<AimOutlined />} onClick={locate} loading={state.status === 'locating'} data-testid="public-use-location">
          {t('citizen.useMyLocation')}
        </Button>
        {state.status === 'failed' ? (
          <Typography.Text type="danger" data-testid="public-location-failed">
            {t(`patrol.locationFailed.${state.reason}`)}
          </Typography.Text>
        ) : null}
      </Flex>
      <MapView
        testId="public-map"
        height={240}
        center={center}
        pin={value}
        zoom={16}
        onPick={(point) => onChange({ ...point, accuracy: undefined })}
      />
      <Typography.Text type="secondary" data-testid="public-location-value">
        {value
          ? t('citizen.pickedAt', { longitude: formatCoordinate(value.longitude), latitude: formatCoordinate(value.latitude) })
          : t('citizen.tapMapHint')}
      </Typography.Text>
    </Flex>
  );
}
