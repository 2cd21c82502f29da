import { Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NEARBY_RADIUS_METRES, useNearbyComponents } from '@/features/patrol/api/list-nearby-components';
import type { Component } from '@/lib/api-types';
import { localName } from '@/lib/i18n';

export interface ComponentPickerProps {
  point: { longitude: number; latitude: number } | null;
  categoryId: string;
  value?: string;
  onChange: (component: Component | null) => void;
}

/** 部件: the inventory items of the chosen category near the point; tap one to report it. */
export function ComponentPicker({ point, categoryId, value, onChange }: ComponentPickerProps) {
  const { t, i18n } = useTranslation();
  const nearby = useNearbyComponents(point, categoryId);
  if (!point) return <Typography.Text type="secondary">{t('patrol.component.needLocation')}</Typography.Text>;
  if (nearby.isPending) return <Spin size="small" />;
  if (nearby.isError) return <Typography.Text type="secondary">{t('patrol.component.unavailable')}</Typography.Text>;
  if (nearby.data.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('patrol.component.none', { radius: NEARBY_RADIUS_METRES })}
        data-testid="components-none"
      />
    );
  }
  return (
    <Flex vertical gap={6} data-testid="component-picker">
      {nearby.data.slice(0, 8).map((component) => {
        const picked = component.id === value;
        return (
          <div
            key={component.id}
            role="radio"
            aria-checked={picked}
            tabIndex={0}
            className={`component-option${picked ? ' component-option--picked' : ''}`}
            data-testid={`component-${component.id}`}
            onClick={() => onChange(picked ? null : component)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') onChange(picked ? null : component);
            }}
          >
            <Flex justify="space-between" align="center">
              <Typography.Text strong>{component.id}</Typography.Text>
              <span>
                <Tag>{t(`patrol.component.states.${component.state}`, { defaultValue: component.state })}</Tag>
                {component.distanceMetres !== null && component.distanceMetres !== undefined ? (
                  <Typography.Text type="secondary">{t('patrol.component.distance', { metres: Math.round(component.distanceMetres) })}</Typography.Text>
                ) : null}
              </span>
            </Flex>
            <Typography.Text type="secondary">
              {localName(i18n.language, component.category.nameZh, component.category.nameEn)}
              {component.owner ? ` · ${localName(i18n.language, component.owner.nameZh, component.owner.nameEn)}` : ''}
            </Typography.Text>
          </div>
        );
      })}
    </Flex>
  );
}
