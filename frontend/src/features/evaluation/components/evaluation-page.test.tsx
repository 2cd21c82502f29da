import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { EChartProps } from '@/features/evaluation/components/echart';
import { EvaluationPage } from '@/features/evaluation/components/evaluation-page';
import { aTrend, departmentLeague, districtLeague, indicators, streetLeague, trafficCases } from '@/features/evaluation/lib/fixtures';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

// jsdom has no canvas: the chart shows the option it was given instead of drawing it.
vi.mock('@/features/evaluation/components/echart', () => ({
  EChart: ({ option, testId }: EChartProps) => <div data-testid={testId} data-option={JSON.stringify(option)} />,
}));

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function mockApi() {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = new URL(String(input), 'http://x');
    const params = url.searchParams;
    switch (url.pathname) {
      case '/api/evaluation/indicators':
        return json(indicators);
      case '/api/evaluation/league':
        if (params.get('object') === 'district') return json(districtLeague);
        if (params.get('object') === 'street') return json(streetLeague);
        return json(departmentLeague);
      case '/api/evaluation/trend':
        return json(aTrend(params.get('key'), Number(params.get('count'))));
      case '/api/evaluation/cases':
        return json(trafficCases);
      case '/api/grids':
        return json(params.get('level') === 'district' ? [{ code: '450304', name: '象山区', level: 'district' }] : []);
      default:
        return json({}, 404);
    }
  });
}

function asked(fetch: ReturnType<typeof mockApi>, path: string): URLSearchParams[] {
  return fetch.mock.calls
    .map(([u]) => new URL(String(u), 'http://x'))
    .filter((u) => u.pathname === path)
    .map((u) => u.searchParams);
}

function renderAt(url: string) {
  const router = createMemoryRouter(
    [
      { path: '/evaluation', element: <EvaluationPage /> },
      { path: '/ledger/cases/:id/file', element: <div>case file</div> },
    ],
    { initialEntries: [url] },
  );
  renderWithProviders(<RouterProvider router={router} />);
  return router;
}

describe('EvaluationPage', { timeout: allowSlowRenders() }, () => {
  it("asks for the URL's period and object, and shows rank, rank change, score, grade, rates and totals", async () => {
    const fetch = mockApi();
    renderAt('/evaluation?period=quarter&date=2026-11-15&object=department&figures=all');

    const traffic = await screen.findByTestId('evaluation-row-xs-traffic');
    const league = asked(fetch, '/api/evaluation/league')[0]!;
    expect([league.get('object'), league.get('period'), league.get('date')]).toEqual(['department', 'quarter', '2026-11-15']);

    expect(within(traffic).getByTestId('rank-xs-traffic').textContent).toBe('1');
    expect(within(traffic).getByTestId('rank-change-xs-traffic').getAttribute('data-change')).toBe('2');
    expect(within(traffic).getByTestId('rank-change-xs-traffic').querySelector('.anticon-arrow-up')).toBeTruthy();
    expect(screen.getByTestId('rank-change-xs-street').querySelector('.anticon-arrow-down')).toBeTruthy();
    expect(screen.getByTestId('rank-change-xs-water').querySelector('.anticon-minus')).toBeTruthy();
    expect(screen.queryByTestId('rank-change-xs-new')).toBeNull();
    expect(within(traffic).getByTestId('score-xs-traffic').textContent).toBe('95.5');
    expect(within(traffic).getByTestId('grade-xs-traffic').textContent).toBe('优秀');
    expect(within(traffic).getByTestId('cell-xs-traffic-onTimeHandleRate').textContent).toBe('95%');
    expect(screen.getByTestId('cell-xs-new-onTimeHandleRate').textContent).toBe('—');
    expect(screen.getByTestId('cell-total-handleDue').textContent).toBe('34');
    expect(screen.getByTestId('cell-total-onTimeHandleRate').textContent).toBe('79.4%');
    expect(screen.getByTestId('evaluation-period-label').textContent).toBe('2026年11月（对比2026年10月）');
  });

  it('shows the rates by default and the counts when asked, keeping the choice in the URL', async () => {
    mockApi();
    const router = renderAt('/evaluation?period=month&object=department');
    expect(await screen.findByTestId('cell-xs-traffic-onTimeHandleRate')).toBeTruthy();
    expect(screen.queryByTestId('cell-xs-traffic-handleDue')).toBeNull();

    fireEvent.click(screen.getByTestId('figures-counts'));
    await waitFor(() => expect(router.state.location.search).toContain('figures=counts'));
    expect((await screen.findByTestId('cell-xs-traffic-handleDue')).textContent).toBe('20');
    expect(screen.queryByTestId('cell-xs-traffic-onTimeHandleRate')).toBeNull();
  });

  it("shows an indicator's definition and the date that places a case in the period over its column header", async () => {
    mockApi();
    renderAt('/evaluation');
    // The table draws its header row twice (one measures the column widths for horizontal scrolling).
    const head = (await screen.findAllByTestId('indicator-head-onTimeHandleRate'))[0]!;
    await waitFor(() => expect(head.textContent).toContain('按期处置率'));
    fireEvent.mouseEnter(head);
    const definition = await screen.findByTestId('indicator-definition-onTimeHandleRate');
    expect(definition.textContent).toContain('按期处置数 ÷ 应处置数');
    expect(definition.textContent).toContain('计入时间：处置反馈时间 / 处置反馈时间');
  });

  it('drills from a district to its streets with a breadcrumb, and back returns to the districts', async () => {
    const fetch = mockApi();
    const router = renderAt('/evaluation?period=month&object=district');

    fireEvent.click(await screen.findByTestId('drill-450304'));
    await waitFor(() => expect(router.state.location.search).toContain('object=street'));
    expect(router.state.location.search).toContain('parent=450304');
    expect(await screen.findByTestId('evaluation-row-450304002')).toBeTruthy();
    const streets = asked(fetch, '/api/evaluation/league').find((p) => p.get('object') === 'street')!;
    expect(streets.get('parent')).toBe('450304');
    await waitFor(() => expect(screen.getByTestId('crumb-450304').textContent).toBe('象山区'));

    await router.navigate(-1);
    await waitFor(() => expect(router.state.location.search).toContain('object=district'));
    expect(await screen.findByTestId('drill-450304')).toBeTruthy();
    expect(screen.queryByTestId('evaluation-breadcrumb')).toBeNull();
  });

  it('opens the cases behind a number in a drawer, each linking to its case file', async () => {
    const fetch = mockApi();
    const router = renderAt('/evaluation?period=month&date=2026-11-15&object=department');

    fireEvent.click(await screen.findByTestId('cell-xs-traffic-onTimeHandleRate'));
    await waitFor(() => expect(router.state.location.search).toContain('drill=xs-traffic'));
    expect(router.state.location.search).toContain('indicator=handledOnTime');
    await waitFor(() => expect(screen.getByTestId('evaluation-cases-total').textContent).toBe('共 19 件'));
    const links = screen.getAllByTestId('evaluation-case-link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/ledger/cases/case-a/file', '/ledger/cases/case-b/file']);
    const request = asked(fetch, '/api/evaluation/cases')[0]!;
    expect([request.get('object'), request.get('key'), request.get('indicator'), request.get('period'), request.get('date')]).toEqual([
      'department',
      'xs-traffic',
      'handledOnTime',
      'month',
      '2026-11-15',
    ]);
  });

  it("draws the city's trend and, for a chosen row, its own over 12 months or 8 quarters", async () => {
    const fetch = mockApi();
    const router = renderAt('/evaluation?period=month&object=department');

    const city = await screen.findByTestId('evaluation-trend-city-chart');
    const option = JSON.parse(city.getAttribute('data-option')!);
    expect(option.xAxis.data).toHaveLength(12);
    expect(option.series.map((s: { type: string }) => s.type)).toEqual(['bar', 'line', 'line']);
    expect(option.series[1].data.slice(0, 3)).toEqual([null, 50, 66.7]);

    fireEvent.click(await screen.findByTestId('trend-xs-traffic'));
    await waitFor(() => expect(router.state.location.search).toContain('selected=xs-traffic'));
    expect(await screen.findByTestId('evaluation-trend-selected-chart')).toBeTruthy();
    expect(asked(fetch, '/api/evaluation/trend').some((p) => p.get('key') === 'xs-traffic' && p.get('count') === '12')).toBe(true);

    fireEvent.click(screen.getByText('近 8 个季度'));
    await waitFor(() =>
      expect(asked(fetch, '/api/evaluation/trend').some((p) => p.get('period') === 'quarter' && p.get('count') === '8')).toBe(true),
    );
  });
});
