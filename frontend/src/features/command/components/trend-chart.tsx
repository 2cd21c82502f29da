import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendPoint } from '@/features/command/lib/board-stats';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function hourLabel(hour: number): string {
  return `${String(new Date(hour).getHours()).padStart(2, '0')}:00`;
}

/** Reports and closings per hour over the last 24 hours, drawn with ECharts on the dark wall. */
export function TrendChart({ points }: { points: readonly TrendPoint[] }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = echarts.init(element.current, 'dark', { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  const option = useMemo(
    () => ({
      backgroundColor: 'transparent',
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: 'rgba(255,255,255,0.75)' } },
      grid: { left: 36, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: points.map((point) => hourLabel(point.hour)) },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: 'rgba(255,255,255,0.08)' } } },
      series: [
        { name: t('command.trend.reported'), type: 'bar', data: points.map((point) => point.reported), itemStyle: { color: '#1677ff' } },
        {
          name: t('command.trend.closed'),
          type: 'line',
          smooth: true,
          data: points.map((point) => point.closed),
          itemStyle: { color: '#52c41a' },
        },
      ],
    }),
    [points, t],
  );

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const total = points.reduce((sum, point) => sum + point.reported, 0);
  return (
    <div
      ref={element}
      className="trend-chart"
      data-testid="trend-chart"
      data-reported={total}
      data-closed={points.reduce((sum, point) => sum + point.closed, 0)}
      role="img"
      aria-label={t('command.trend.title')}
    />
  );
}
