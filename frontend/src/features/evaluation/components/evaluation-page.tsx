import { Breadcrumb, Col, Flex, Row, Segmented, Select, Tabs, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryError } from '@/components/query-error';
import { useIndicators, useLeague } from '@/features/evaluation/api/evaluation';
import { EvaluationCasesDrawer } from '@/features/evaluation/components/evaluation-cases-drawer';
import { EvaluationLeagueTable } from '@/features/evaluation/components/evaluation-league-table';
import { EvaluationTrend, type TrendSpan } from '@/features/evaluation/components/evaluation-trend';
import { PeriodPicker } from '@/features/evaluation/components/period-picker';
import { ReportsPanel } from '@/features/evaluation/components/reports-panel';
import {
  ancestry,
  chinaToday,
  drillInto,
  drillUpTo,
  OBJECT_KINDS,
  FIGURE_SETS,
  readEvaluationUrl,
  REGION_KINDS,
  withObject,
  writeEvaluationUrl,
  type EvaluationUrlState,
} from '@/features/evaluation/lib/evaluation-url';
import { byCode, indicatorKind, indicatorName } from '@/features/evaluation/lib/indicators';
import { useGridLevels } from '@/lib/api/list-grids';
import { localName } from '@/lib/i18n';

const BREADCRUMB_LEVELS = ['district', 'street', 'community'] as const;

/** 综合评价: league tables of every object kind for a period, drill-down to the cases behind a number, trends. */
export function EvaluationPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => readEvaluationUrl(search), [search]);
  const today = useMemo(() => chinaToday(), []);
  const [span, setSpan] = useState<TrendSpan>('month');
  const [chosenRate, setChosenRate] = useState<string | null>(null);

  // Every change is a history entry (back undoes a drill-down), built on the latest state.
  const latest = useRef(state);
  latest.current = state;
  const update = (change: (current: EvaluationUrlState) => EvaluationUrlState) => {
    const next = change(latest.current);
    latest.current = next;
    setSearch(writeEvaluationUrl(next));
  };

  const indicators = useIndicators();
  const definitions = useMemo(() => byCode(indicators.data), [indicators.data]);
  const league = useLeague(state.object, state.period, state.parent, state.tab === 'league');
  const region = REGION_KINDS.includes(state.object);
  const grids = useGridLevels(BREADCRUMB_LEVELS, region && state.parent !== null);
  const gridName = (code: string) => grids.nodes.find((node) => node.code === code)?.name ?? code;

  const data = league.data;
  const codes = data?.indicators ?? [];
  const rates = codes.filter((code) => indicatorKind(code, definitions) === 'rate');
  const counts = codes.filter((code) => indicatorKind(code, definitions) === 'count');
  const rate = chosenRate && rates.includes(chosenRate) ? chosenRate : (rates[0] ?? null);
  const count = counts[0] ?? null;
  const shown = state.figures === 'rates' ? rates : state.figures === 'counts' ? counts : codes;
  const table = data ? { ...data, indicators: shown } : undefined;
  const periodLabel = table ? (i18n.language === 'en' ? table.period.labelEn : table.period.labelZh) : '';
  const previousLabel = table?.previous ? (i18n.language === 'en' ? table.previous.labelEn : table.previous.labelZh) : null;

  const rowName = (key: string | null) => {
    if (key === null) return t('evaluation.total');
    const row = table?.rows.find((r) => r.key === key);
    return row ? localName(i18n.language, row.nameZh, row.nameEn) : key;
  };
  const drillTitle = state.drill
    ? [rowName(state.drill.key), indicatorName(state.drill.indicator, definitions, i18n.language), periodLabel].filter(Boolean).join(' · ')
    : '';

  const breadcrumb =
    region && state.parent ? (
      <Breadcrumb
        data-testid="evaluation-breadcrumb"
        items={[
          {
            title: (
              <a data-testid="crumb-root" onClick={() => update((current) => drillUpTo(current, null))}>
                {t('evaluation.wholeCity')}
              </a>
            ),
          },
          ...ancestry(state.parent).map((code) => ({
            title:
              code === state.parent ? (
                <span data-testid={`crumb-${code}`}>{gridName(code)}</span>
              ) : (
                <a data-testid={`crumb-${code}`} onClick={() => update((current) => drillUpTo(current, code))}>
                  {gridName(code)}
                </a>
              ),
          })),
        ]}
      />
    ) : null;

  const leagueTab = (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <PeriodPicker value={state.period} today={today} onChange={(period) => update((current) => ({ ...current, period, drill: null }))} />
        {table ? (
          <Typography.Text type="secondary" data-testid="evaluation-period-label">
            {previousLabel ? t('evaluation.periodVs', { period: periodLabel, previous: previousLabel }) : periodLabel}
          </Typography.Text>
        ) : null}
      </Flex>
      <Tabs
        size="small"
        activeKey={state.object}
        onChange={(object) => update((current) => withObject(current, object as EvaluationUrlState['object']))}
        items={OBJECT_KINDS.map((object) => ({
          key: object,
          label: <span data-testid={`object-${object}`}>{t(`evaluation.object.${object}`)}</span>,
        }))}
      />
      <Flex wrap gap={8} align="center" justify="space-between">
        {breadcrumb ?? <span />}
        <Segmented
          size="small"
          value={state.figures}
          onChange={(figures) => update((current) => ({ ...current, figures }))}
          options={FIGURE_SETS.map((set) => ({ value: set, label: <span data-testid={`figures-${set}`}>{t(`evaluation.figures.${set}`)}</span> }))}
        />
      </Flex>
      {league.isError ? <QueryError error={league.error} onRetry={() => void league.refetch()} /> : null}
      {table ? (
        <EvaluationLeagueTable
          table={table}
          definitions={definitions}
          loading={league.isFetching}
          selected={state.selected}
          onDrill={(key) => update((current) => drillInto(current, key))}
          onCases={(key, indicator) => update((current) => ({ ...current, drill: { key, indicator } }))}
          onSelect={(key) => update((current) => ({ ...current, selected: current.selected === key ? null : key }))}
        />
      ) : null}
      <Flex wrap gap={8} align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('evaluation.trend.title')}
        </Typography.Title>
        <Segmented<TrendSpan>
          size="small"
          value={span}
          onChange={setSpan}
          options={[
            { value: 'month', label: t('evaluation.trend.months') },
            { value: 'quarter', label: t('evaluation.trend.quarters') },
          ]}
          data-testid="evaluation-trend-span"
        />
        {rates.length > 0 ? (
          <Select
            size="small"
            style={{ minWidth: 140 }}
            value={rate}
            onChange={setChosenRate}
            aria-label={t('evaluation.trend.rate')}
            options={rates.map((code) => ({ value: code, label: indicatorName(code, definitions, i18n.language) }))}
          />
        ) : null}
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={state.selected ? 12 : 24}>
          <EvaluationTrend
            object={state.object}
            objectKey={null}
            span={span}
            date={state.period.date}
            count={count}
            rate={rate}
            definitions={definitions}
            testId="evaluation-trend-city"
          />
        </Col>
        {state.selected ? (
          <Col xs={24} xl={12}>
            <EvaluationTrend
              object={state.object}
              objectKey={state.selected}
              span={span}
              date={state.period.date}
              count={count}
              rate={rate}
              definitions={definitions}
              testId="evaluation-trend-selected"
            />
          </Col>
        ) : null}
      </Row>
      <EvaluationCasesDrawer
        request={
          state.drill ? { object: state.object, key: state.drill.key, indicator: state.drill.indicator, period: state.period } : null
        }
        title={drillTitle}
        onClose={() => update((current) => ({ ...current, drill: null }))}
      />
    </Flex>
  );

  return (
    <Flex vertical gap={8} className="evaluation-page" data-testid="evaluation-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('evaluation.title')}
      </Typography.Title>
      <Tabs
        activeKey={state.tab}
        onChange={(tab) => update((current) => ({ ...current, tab: tab === 'reports' ? 'reports' : 'league' }))}
        items={[
          { key: 'league', label: <span data-testid="tab-league">{t('evaluation.tab.league')}</span>, children: leagueTab },
          { key: 'reports', label: <span data-testid="tab-reports">{t('evaluation.tab.reports')}</span>, children: <ReportsPanel /> },
        ]}
      />
    </Flex>
  );
}
