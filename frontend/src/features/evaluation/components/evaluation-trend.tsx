import { Card, Empty, Spin } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useTrend } from '@/features/evaluation/api/evaluation';
import { EChart } from '@/features/evaluation/components/echart';
import { indicatorName } from '@/features/evaluation/lib/indicators';
import type { Indicator, ObjectKind, Trend } from '@/lib/evaluation-types';
import { localName } from '@/lib/i18n';

export type TrendSpan = 'month' | 'quarter';

/** 12 months or 8 quarters, ending with the period that holds `date`. */
export const TREND_COUNT: Record<TrendSpan, number> = { month: 12, quarter: 8 };

export interface EvaluationTrendProps {
  object: ObjectKind;
  /** Null: the whole city. */
  objectKey: string | null;
  span: TrendSpan;
  date: string | null;
  /** The count drawn as bars and the rate drawn as a line (with the score). */
  count: string | null;
  rate: string | null;
  definitions: ReadonlyMap<string, Indicator>;
  testId: string;
}

export function trendOption(trend: Trend, count: string | null, rate: string | null, names: { count: string; rate: string; score: string }, en: boolean) {
  const labels = trend.points.map((point) => (en ? point.period.labelEn : point.period.labelZh));
  const series: object[] = [];
  if (count)
    series.push({ name: names.count, type: 'bar', yAxisIndex: 0, data: trend.points.map((point) => point.counts[count] ?? 0), itemStyle: { color: '#91caff' } });
  if (rate)
    series.push({
      name: names.rate,
      type: 'line',
      yAxisIndex: 1,
      smooth: true,
      connectNulls: false,
      data: trend.points.map((point) => {
        const value = point.rates[rate];
        return value === null || value === undefined ? null : Math.round(value * 1000) / 10;
      }),
      itemStyle: { color: '#1677ff' },
    });
  series.push({ name: names.score, type: 'line', yAxisIndex: 1, data: trend.points.map((point) => point.score), itemStyle: { color: '#52c41a' } });
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 40, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: labels },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, splitLine: { show: false } },
    ],
    series,
  };
}

/** Trend of one row (or the whole city): a count as bars, a rate and the score as lines over the last months or quarters. */
export function EvaluationTrend({ object, objectKey, span, date, count, rate, definitions, testId }: EvaluationTrendProps) {
  const { t, i18n } = useTranslation();
  const trend = useTrend({ object, key: objectKey, period: span, count: TREND_COUNT[span], date: date ?? undefined });
  const en = i18n.language === 'en';
  const option = useMemo(
    () =>
      trend.data
        ? trendOption(
            trend.data,
            count,
            rate,
            {
              count: count ? indicatorName(count, definitions, i18n.language) : '',
              rate: rate ? `${indicatorName(rate, definitions, i18n.language)} %` : '',
              score: t('evaluation.column.score'),
            },
            en,
          )
        : null,
    [trend.data, count, rate, definitions, i18n.language, t, en],
  );
  const title = objectKey
    ? t('evaluation.trend.of', { name: trend.data ? localName(i18n.language, trend.data.nameZh, trend.data.nameEn) : objectKey })
    : t('evaluation.trend.city');
  return (
    <Card size="small" title={title} data-testid={testId} data-points={trend.data?.points.length ?? ''}>
      {trend.isError ? <QueryError error={trend.error} onRetry={() => void trend.refetch()} /> : null}
      {trend.isPending ? <Spin /> : null}
      {option && trend.data && trend.data.points.length > 0 ? <EChart option={option} label={title} testId={`${testId}-chart`} /> : null}
      {trend.data && trend.data.points.length === 0 ? <Empty /> : null}
    </Card>
  );
}
