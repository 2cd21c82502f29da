import { AimOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapView } from '@/components/map-view';
import { useGeolocation, type GeoFix } from '@/features/patrol/hooks/use-geolocation';
import { formatCoordinate } from '@/lib/format';

export interface PickedLocation {
  latitude: number;
  longitude: number;
  accuracy?: number;
}

export interface LocationPickerProps {
  value: PickedLocation | null;
  onChange: (location: PickedLocation) => void;
}

export function LocationPicker({ value, onChange }: LocationPickerProps) {
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
        <Button icon={<AimOutlined />} onClick={locate} loading={state.status === 'locating'} data-testid="use-my-location">
          {t('patrol.useMyLocation')}
        </Button>
        {state.status === 'located' ? (
          <Typography.Text type="secondary" data-testid="location-accuracy">
            {t('patrol.accuracy', { meters: Math.round(state.fix.accuracy) })}
          </Typography.Text>
        ) : null}
        {state.status === 'failed' ? (
          <Typography.Text type="danger">{t(`patrol.locationFailed.${state.reason}`)}</Typography.Text>
        ) : null}
      </Flex>
      <MapView
        testId="report-map"
        height={260}
        center={center}
        pin={value}
        onPick={(point) => onChange({ ...point, accuracy: undefined })}
      />
      <Typography.Text type="secondary" data-testid="location-value">
        {value
          ? t('patrol.pickedAt', { longitude: formatCoordinate(value.longitude), latitude: formatCoordinate(value.latitude) })
          : t('patrol.tapMapHint')}
      </Typography.Text>
    </Flex>
  );
}
