import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { MapView, type MapLayer } from '@/components/map-view';
import { QueryError } from '@/components/query-error';
import { usePatrolGrids, usePatrollers, useUnitGridLayer } from '@/features/admin/api/list-patrol-grids';
import { PatrolGridDrawer } from '@/features/admin/components/patrol-grid-drawer';
import {
  dutySummary,
  filterGrids,
  gridsByUnit,
  NOBODY_COLOR,
  ON_DUTY_COLOR,
  type DutyFilter,
} from '@/features/admin/lib/patrol-grids';
import type { GridFeature, GridFeatureCollection, PatrolGrid } from '@/lib/api-types';

/** [west, south, east, north] of a layer, to frame the map on the city's grids. */
function layerBounds(layer: GridFeatureCollection | undefined): [number, number, number, number] | null {
  if (!layer || layer.features.length === 0) return null;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of layer.features) {
    const rings = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const polygon of rings)
      for (const ring of polygon)
        for (const [lng, lat] of ring) {
          if (lng === undefined || lat === undefined) continue;
          west = Math.min(west, lng);
          east = Math.max(east, lng);
          south = Math.min(south, lat);
          north = Math.max(north, lat);
        }
  }
  return [west, south, east, north];
}

/**
 * 巡查网格: who walks each responsibility grid and who answers for it, on the map and in a list.
 * Grids with nobody on duty are red: their verification and check tasks go to the fallback shown.
 */
export function PatrolGridsTab() {
  const { t } = useTranslation();
  const grids = usePatrolGrids();
  const patrollers = usePatrollers();
  const units = useUnitGridLayer();
  const [text, setText] = useState('');
  const [duty, setDuty] = useState<DutyFilter>('all');
  const [editing, setEditing] = useState<string | null>(null);

  const all = useMemo(() => grids.data ?? [], [grids.data]);
  const shown = useMemo(() => filterGrids(all, text, duty), [all, text, duty]);
  const summary = dutySummary(all);
  const byUnit = useMemo(() => gridsByUnit(all), [all]);
  const bounds = useMemo(() => layerBounds(units.data), [units.data]);
  const selected = all.find((grid) => grid.code === editing) ?? null;

  const layers = useMemo<MapLayer[]>(() => {
    if (!units.data) return [];
    const visible = new Set(shown.map((grid) => grid.code));
    return [
      {
        id: 'patrol-grids',
        data: units.data,
        style: (feature: GridFeature) => {
          const grid = byUnit.get(feature.properties.code);
          if (!grid) return { color: '#bfbfbf', weight: 0.3, fillOpacity: 0.05 };
          const color = grid.onDuty ? ON_DUTY_COLOR : NOBODY_COLOR;
          const picked = grid.code === editing;
          return {
            color: picked ? '#1677ff' : color,
            weight: picked ? 1.2 : 0.3,
            fillColor: color,
            fillOpacity: visible.has(grid.code) ? (picked ? 0.55 : 0.3) : 0.06,
          };
        },
        onClick: (feature: GridFeature) => {
          const grid = byUnit.get(feature.properties.code);
          if (grid) setEditing(grid.code);
        },
        tooltip: (feature: GridFeature) => {
          const grid = byUnit.get(feature.properties.code);
          return grid ? `${grid.name} · ${grid.onDuty ? t('patrolGrids.onDuty') : t('patrolGrids.nobodyOnDuty')}` : null;
        },
      },
    ];
  }, [units.data, byUnit, shown, editing, t]);

  const columns: ColumnsType<PatrolGrid> = [
    {
      key: 'name',
      title: t('patrolGrids.columns.grid'),
      render: (_, grid) => (
        <Flex vertical>
          <Typography.Text strong>{grid.name}</Typography.Text>
          <Typography.Text type="secondary" className="patrol-grids__code">
            {grid.code}
            {grid.streetName ? ` · ${grid.streetName}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'patrollers',
      title: t('patrolGrids.columns.patrollers'),
      render: (_, grid) =>
        grid.patrollers.length === 0 ? (
          <span className="muted">{t('patrolGrids.none')}</span>
        ) : (
          <Flex gap={4} wrap>
            {grid.patrollers.map((p) => (
              <Tag key={p.userName} color={p.enabled ? 'green' : 'default'} data-testid={`grid-patroller-${p.userName}`}>
                {p.displayName}
                {p.enabled ? '' : ` (${t('patrolGrids.disabled')})`}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      key: 'responsible',
      title: t('patrolGrids.columns.responsible'),
      responsive: ['md'],
      render: (_, grid) =>
        grid.responsiblePerson ? (
          <span>
            {grid.responsiblePerson.name}
            {grid.responsiblePerson.phone ? <span className="muted"> {grid.responsiblePerson.phone}</span> : null}
          </span>
        ) : (
          <span className="muted">{t('patrolGrids.none')}</span>
        ),
    },
    {
      key: 'duty',
      title: t('patrolGrids.columns.duty'),
      render: (_, grid) =>
        grid.onDuty ? (
          <Tag color="green">{t('patrolGrids.onDuty')}</Tag>
        ) : (
          <Flex vertical gap={2}>
            <Tag color="red">{t('patrolGrids.nobodyOnDuty')}</Tag>
            {grid.fallback ? (
              <Typography.Text type="secondary" className="patrol-grids__fallback" data-testid={`grid-fallback-${grid.code}`}>
                {t(`patrolGrids.fallback.${grid.fallback.holder}`, { defaultValue: grid.fallback.holder })}
                {grid.fallback.people.length > 0 ? `：${grid.fallback.people.join('、')}` : ''}
              </Typography.Text>
            ) : null}
          </Flex>
        ),
    },
    {
      key: 'edit',
      title: '',
      width: 72,
      render: (_, grid) => (
        <Button size="small" onClick={() => setEditing(grid.code)} data-testid={`grid-edit-${grid.code}`}>
          {t('patrolGrids.assign')}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="patrol-grids">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex gap={8} wrap align="center">
          <Tag data-testid="patrol-grids-total">{t('patrolGrids.summary.total', { count: summary.total })}</Tag>
          <Tag color="green">{t('patrolGrids.summary.onDuty', { count: summary.onDuty })}</Tag>
          <Tag color="red" data-testid="patrol-grids-nobody">
            {t('patrolGrids.summary.nobody', { count: summary.nobody })}
          </Tag>
        </Flex>
        <Button icon={<ReloadOutlined />} onClick={() => void grids.refetch()} loading={grids.isFetching}>
          {t('common.refresh')}
        </Button>
      </Flex>
      {summary.nobody > 0 ? <Alert type="warning" showIcon title={t('patrolGrids.nobodyHint')} /> : null}
      <Flex gap={8} wrap>
        <Segmented<DutyFilter>
          value={duty}
          onChange={setDuty}
          options={[
            { value: 'all', label: t('patrolGrids.filter.all') },
            { value: 'nobody', label: t('patrolGrids.filter.nobody') },
            { value: 'on-duty', label: t('patrolGrids.filter.onDuty') },
          ]}
          data-testid="patrol-grids-filter"
        />
        <Input.Search
          allowClear
          placeholder={t('patrolGrids.search')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          className="patrol-grids__search"
          data-testid="patrol-grids-search"
        />
      </Flex>
      <div className="patrol-grids__map">
        <MapView testId="patrol-grids-map" height="100%" layers={layers} bounds={bounds} zoom={14} />
      </div>
      {grids.isError ? (
        <QueryError error={grids.error} onRetry={() => void grids.refetch()} />
      ) : (
        <Table<PatrolGrid>
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={shown}
          loading={grids.isPending}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('patrolGrids.empty') }}
          rowClassName={(grid) => (grid.onDuty ? '' : 'patrol-grids__row--nobody')}
          data-testid="patrol-grids-table"
          onRow={(grid) =>
            ({
              'data-testid': `grid-row-${grid.code}`,
              'data-on-duty': grid.onDuty ? 'true' : 'false',
            }) as HTMLAttributes<HTMLElement>
          }
        />
      )}
      <PatrolGridDrawer grid={selected} patrollers={patrollers.data ?? []} onClose={() => setEditing(null)} />
    </Flex>
  );
}
