import { Badge, Flex, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CaseDrawer } from '@/components/case-drawer';
import { LiveIndicator } from '@/components/live-indicator';
import { MapView, type MapLayer, type MapMarker } from '@/components/map-view';
import { QueryError } from '@/components/query-error';
import { useCommandBoard } from '@/features/command/api/get-command-board';
import { useDepartmentLeague } from '@/features/command/api/get-department-league';
import { useDispatchQueue } from '@/features/command/api/get-dispatch-queue';
import { useGridLayer } from '@/features/command/api/get-grid-layer';
import { useGrids } from '@/lib/api/list-grids';
import { useOnSiteTasks } from '@/lib/api/list-on-site-tasks';
import { DispatchQueueList } from '@/features/command/components/dispatch-queue';
import { GridTree } from '@/features/command/components/grid-tree';
import { LeagueTable } from '@/features/command/components/league-table';
import { LiveCaseList } from '@/features/command/components/live-case-list';
import { OnSiteTaskList, onSiteTasks } from '@/features/command/components/on-site-tasks';
import { OverdueList } from '@/features/command/components/overdue-list';
import { StateCounters } from '@/features/command/components/state-counters';
import { TrendChart } from '@/features/command/components/trend-chart';
import { hourlyTrend, leagueTable, liveDepartmentCounts, overdueCases } from '@/features/command/lib/board-stats';
import type { CaseSummary, GridFeature, GridFeatureCollection } from '@/lib/api-types';
import { stateColor } from '@/lib/case-states';
import { effectiveLight, LIGHT_COLORS, useNow } from '@/lib/deadline';
import { formatDateTime } from '@/lib/format';
import { featureBounds, featureContains } from '@/lib/geo';
import { gridContains } from '@/lib/grid-codes';
import { useBoardLive, useBoardSubscription, useRealtime } from '@/lib/realtime';
import { hasRole, useMe } from '@/lib/session';
import { useFreshIds } from '@/lib/use-fresh-ids';

const COMMAND = { kind: 'command' } as const;

function findFeature(layers: readonly (GridFeatureCollection | undefined)[], code: string | null): GridFeature | null {
  if (!code) return null;
  for (const layer of layers) {
    const found = layer?.features.find((feature) => feature.properties.code === code);
    if (found) return found;
  }
  return null;
}

/** The command centre's wall screen: grid map, live counters, lists, league table and trend. */
export function CommandPage() {
  const { t, i18n } = useTranslation();
  const realtime = useRealtime();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  // An account scoped to a grid node sees that subtree: the wall starts there and cannot widen.
  const scope = me.data?.gridScope ?? null;
  const picked = params.get('grid');
  const grid = picked ?? scope;
  const board = useCommandBoard(grid);
  const [selected, setSelected] = useState<{ id: string; version: number } | null>(null);
  // A dispatcher's first job on this screen is the manual queue; everyone else watches the feed.
  const [tab, setTab] = useState(() => (hasRole(me.data, 'dispatcher') && !hasRole(me.data, 'leader') ? 'queue' : 'latest'));
  useBoardSubscription(COMMAND);
  const live = useBoardLive(COMMAND);
  const fresh = useFreshIds(board.data?.cases);
  const now = useNow(10000);
  const queue = useDispatchQueue();
  // A shift leader takes the verifications and checks that found nobody on duty in their grid.
  const shiftLeader = hasRole(me.data, 'shift-leader');
  const taskList = useOnSiteTasks(shiftLeader);

  const districts = useGrids('district');
  const streets = useGrids('street');
  const communities = useGrids('community');
  const districtLayer = useGridLayer('district');
  const streetLayer = useGridLayer('street');
  const communityLayer = useGridLayer('community');
  const selectedNode = useMemo(
    () => findFeature([communityLayer.data, streetLayer.data, districtLayer.data], grid),
    [communityLayer.data, streetLayer.data, districtLayer.data, grid],
  );
  const unitLayer = useGridLayer('unit', grid, selectedNode?.properties.level === 'community');

  // Pushes carry the case's grid code, under which every node above it is a prefix; a push
  // without one falls back to the selected node's polygon.
  useEffect(() => {
    if (!grid) return undefined;
    return realtime.setGridScope(grid, (push) =>
      push.gridCode
        ? gridContains(grid, push.gridCode)
        : selectedNode !== null && featureContains(selectedNode, push.longitude, push.latitude),
    );
  }, [realtime, grid, selectedNode]);

  const cases = board.data?.cases;
  const overdue = useMemo(() => overdueCases(cases ?? [], now), [cases, now]);
  // The league's figures are the server's (this month); acceptors may not read them and see the live counts only.
  const serverLeague = useDepartmentLeague(hasRole(me.data, 'leader', 'shift-leader', 'dispatcher', 'admin'));
  const liveCounts = useMemo(() => liveDepartmentCounts(cases ?? [], now), [cases, now]);
  const league = useMemo(() => leagueTable(serverLeague.data, liveCounts), [serverLeague.data, liveCounts]);
  const trend = useMemo(() => hourlyTrend(cases ?? [], now), [cases, now]);

  const open = useCallback((item: CaseSummary) => setSelected({ id: item.id, version: item.version }), []);
  const markers = useMemo<MapMarker[]>(
    () =>
      (cases ?? []).map((item) => {
        const light = effectiveLight(item.light, item.nextDeadline, now);
        return {
          id: item.id,
          latitude: item.latitude,
          longitude: item.longitude,
          color: stateColor(item.state),
          ring: light ? LIGHT_COLORS[light] : undefined,
          radius: light === 'Red' ? 9 : 7,
          label: item.number,
          className: `case-marker case-marker--${item.state}${light ? ` case-marker--${light}` : ''}`,
          onClick: () => open(item),
        };
      }),
    [cases, now, open],
  );

  const selectGrid = useCallback(
    (code: string | null) => setParams(code ? { grid: code } : {}, { replace: true }),
    [setParams],
  );
  const onShapeClick = useCallback((feature: GridFeature) => selectGrid(feature.properties.code), [selectGrid]);
  const shapeTooltip = useCallback((feature: GridFeature) => `${feature.properties.name} ${feature.properties.code}`, []);
  const layers = useMemo<MapLayer[]>(() => {
    const result: MapLayer[] = [];
    const outline = (color: string, weight: number, fill = 0) => (feature: GridFeature) => ({
      color: feature.properties.code === grid ? '#ffd666' : color,
      weight: feature.properties.code === grid ? weight + 2 : weight,
      fillColor: '#1677ff',
      fillOpacity: feature.properties.code === grid ? 0.12 : fill,
    });
    if (unitLayer.data) result.push({ id: `unit-${grid}`, data: unitLayer.data, style: outline('rgba(140,170,210,0.35)', 0.6) });
    if (communityLayer.data)
      result.push({
        id: 'community',
        data: communityLayer.data,
        style: outline('rgba(120,170,255,0.55)', 1, 0.02),
        onClick: onShapeClick,
        tooltip: shapeTooltip,
      });
    if (streetLayer.data) result.push({ id: 'street', data: streetLayer.data, style: outline('#69b1ff', 2.5) });
    return result;
  }, [unitLayer.data, communityLayer.data, streetLayer.data, grid, onShapeClick, shapeTooltip]);

  // Frame the selected node, or the whole managed area when none is selected.
  const area = districtLayer.data?.features[0] ?? null;
  const bounds = useMemo(() => {
    const framed = selectedNode ?? area;
    return framed ? featureBounds(framed) : null;
  }, [selectedNode, area]);
  const gridNodes = useMemo(
    () =>
      [...(districts.data ?? []), ...(streets.data ?? []), ...(communities.data ?? [])].filter(
        (node) => !scope || gridContains(scope, node.code),
      ),
    [districts.data, streets.data, communities.data, scope],
  );
  const scopeName = scope ? (gridNodes.find((node) => node.code === scope)?.name ?? scope) : null;

  if (board.isPending) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
  if (board.isError) return <QueryError error={board.error} onRetry={() => void board.refetch()} />;

  const selectedVersion = selected ? (cases?.find((item) => item.id === selected.id)?.version ?? selected.version) : undefined;
  const queueItems = queue.data?.items ?? [];
  const tasks = onSiteTasks(taskList.data);

  return (
    <div className="command-page" data-testid="command-page">
      <Flex justify="space-between" align="center" className="command-page__title">
        <Flex align="center" gap={16}>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('command.title')}
          </Typography.Title>
          {scopeName ? (
            <Tag color="blue" data-testid="grid-scope">
              {t('command.scope', { name: scopeName })}
            </Tag>
          ) : null}
          {picked && picked !== scope ? (
            <Tag color="gold" closable onClose={() => selectGrid(null)} data-testid="grid-filter">
              {selectedNode?.properties.name ?? picked}
            </Tag>
          ) : null}
        </Flex>
        <Flex gap={16} align="center">
          <LiveIndicator live={live} />
          <Typography.Text type="secondary">
            {t('command.updatedAt', { time: formatDateTime(new Date(board.dataUpdatedAt).toISOString(), i18n.language) })}
          </Typography.Text>
        </Flex>
      </Flex>
      <StateCounters counts={board.data.counts} />
      <div className="command-page__body">
        <div className="command-page__side">
          <div className="command-panel command-panel--grow">
            <Typography.Title level={5}>{t('command.grid.title')}</Typography.Title>
            <GridTree
              nodes={gridNodes}
              loading={districts.isPending || streets.isPending || communities.isPending}
              selected={picked}
              onSelect={selectGrid}
            />
          </div>
          <div className="command-panel">
            <Typography.Title level={5}>{t('command.league.title')}</Typography.Title>
            {serverLeague.isError ? (
              <Typography.Text type="warning" data-testid="league-failed">
                {t('command.league.failed')}
              </Typography.Text>
            ) : null}
            <LeagueTable rows={league} />
          </div>
        </div>
        <div className="command-page__centre">
          <div className="command-page__map">
            <MapView testId="command-map" height="100%" dark markers={markers} layers={layers} bounds={bounds} zoom={14} />
          </div>
          <div className="command-panel command-page__trend">
            <Typography.Title level={5}>{t('command.trend.title')}</Typography.Title>
            <TrendChart points={trend} />
          </div>
        </div>
        <div className="command-page__list">
          <Tabs
            activeKey={tab}
            onChange={setTab}
            className="command-tabs"
            items={[
              {
                key: 'latest',
                label: <span data-testid="tab-latest">{t('command.latest')}</span>,
                children: <LiveCaseList cases={board.data.cases} fresh={fresh} selectedId={selected?.id ?? null} onSelect={open} />,
              },
              {
                key: 'overdue',
                label: (
                  <span data-testid="tab-overdue">
                    {t('command.overdue.title')} <Badge count={overdue.length} showZero color={overdue.length ? '#f5222d' : '#595959'} />
                  </span>
                ),
                children: <OverdueList cases={overdue} onSelect={open} />,
              },
              {
                key: 'queue',
                label: (
                  <span data-testid="tab-queue">
                    {t('command.queue.title')} <Badge count={queue.data?.count ?? 0} showZero color={queueItems.length ? '#722ed1' : '#595959'} />
                  </span>
                ),
                children: queue.isError ? (
                  <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
                ) : (
                  <DispatchQueueList items={queueItems} onOpen={(item) => open(item.case)} />
                ),
              },
              ...(shiftLeader
                ? [
                    {
                      key: 'tasks',
                      label: (
                        <span data-testid="tab-tasks">
                          {t('command.tasks.title')} <Badge count={tasks.length} showZero color={tasks.length ? '#fa8c16' : '#595959'} />
                        </span>
                      ),
                      children: taskList.isError ? (
                        <QueryError error={taskList.error} onRetry={() => void taskList.refetch()} />
                      ) : (
                        <OnSiteTaskList tasks={tasks} onSelect={open} />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </div>
      </div>
      <CaseDrawer
        caseId={selected?.id ?? null}
        version={selectedVersion}
        onClose={() => {
          setSelected(null);
          if (shiftLeader) void taskList.refetch();
        }}
        dark
      />
    </div>
  );
}
