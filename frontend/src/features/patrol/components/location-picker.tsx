import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Button, Flex, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapView, type MapLayer } from '@/components/map-view';
import { useGridCells } from '@/features/patrol/api/get-grid-cells';
import { useLocateGrid } from '@/features/patrol/api/locate-grid';
import { useGeolocation, type GeoFix } from '@/lib/use-geolocation';
import type { GridFeature } from '@/lib/api-types';
import { formatCoordinate } from '@/lib/format';
import { ApiError } from '@/lib/http';

export interface PickedLocation {
  latitude: number;
  longitude: number;
  accuracy?: number;
}

export interface LocationPickerProps {
  value: PickedLocation | null;
  onChange: (location: PickedLocation) => void;
  /** Told whether the point is outside the managed area (the server would refuse the report). */
  onOutsideChange?: (outside: boolean) => void;
}

/** Where the unit grid lookup leaves the point: inside a cell, outside every cell, or unknown (offline). */
function GridInfo({ value, onOutsideChange }: { value: PickedLocation; onOutsideChange?: (outside: boolean) => void }) {
  const { t } = useTranslation();
  const located = useLocateGrid(value);
  const outside = located.error instanceof ApiError && located.error.status === 422 && !located.isPlaceholderData;
  const settled = !located.isFetching;
  useEffect(() => {
    if (settled) onOutsideChange?.(outside);
  }, [settled, outside, onOutsideChange]);
  if (located.isFetching && !located.data) return <Spin size="small" />;
  if (outside) {
    return (
      <div className="grid-info grid-info--outside" data-testid="grid-outside">
        <Typography.Text type="danger" strong>
          {t('patrol.grid.outside')}
        </Typography.Text>
        <div className="muted">{(located.error as ApiError).detail ?? (located.error as ApiError).title}</div>
      </div>
    );
  }
  if (located.isError) {
    return (
      <Typography.Text type="secondary" data-testid="grid-unknown">
        {t('patrol.grid.unknown')}
      </Typography.Text>
    );
  }
  if (!located.data) return null;
  const place = located.data;
  return (
    <div className="grid-info" data-testid="grid-info" data-code={place.unitGrid.code}>
      <div>
        <EnvironmentOutlined /> {place.street.name} · {place.community.name}
      </div>
      <div>
        <Typography.Text strong>{place.unitGrid.name}</Typography.Text>{' '}
        <Typography.Text type="secondary" data-testid="grid-code">
          {place.unitGrid.code}
        </Typography.Text>
      </div>
      {place.responsibilityGrid ? (
        <Typography.Text type="secondary">{t('patrol.grid.responsibility', { name: place.responsibilityGrid.name })}</Typography.Text>
      ) : null}
    </div>
  );
}

export function LocationPicker({ value, onChange, onOutsideChange }: LocationPickerProps) {
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
  const cells = useGridCells(value);
  const located = useLocateGrid(value);
  const unitCode = located.data?.unitGrid.code ?? null;
  const layers = useMemo<MapLayer[]>(
    () =>
      cells.data
        ? [
            {
              id: `cells-${unitCode ?? 'none'}-${cells.data.features.length}`,
              data: cells.data,
              style: (feature: GridFeature) =>
                feature.properties.code === unitCode
                  ? { color: '#13a8a8', weight: 2, fillColor: '#13c2c2', fillOpacity: 0.18 }
                  : { color: '#8c8c8c', weight: 0.8, fillOpacity: 0, dashArray: '3 3' },
            },
          ]
        : [],
    [cells.data, unitCode],
  );

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
        layers={layers}
        zoom={17}
        onPick={(point) => onChange({ ...point, accuracy: undefined })}
      />
      <Typography.Text type="secondary" data-testid="location-value">
        {value
          ? t('patrol.pickedAt', { longitude: formatCoordinate(value.longitude), latitude: formatCoordinate(value.latitude) })
          : t('patrol.tapMapHint')}
      </Typography.Text>
      {value ? <GridInfo value={value} onOutsideChange={onOutsideChange} /> : null}
    </Flex>
  );
}
