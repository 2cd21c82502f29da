import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { chinaToday, periodContaining, periodsOf, type ReportSummary } from '@/features/evaluation/api/evaluation-reports';
import { ReportsPanel } from '@/features/evaluation/components/reports-panel';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

const year = Number(chinaToday().slice(0, 4));
const quarter = periodContaining('quarter', chinaToday());

function report(overrides: Partial<ReportSummary>): ReportSummary {
  return {
    id: 'r1',
    kind: 'quarter',
    period: quarter,
    year,
    revision: 1,
    state: 'published',
    titleZh: `${year}年第N季度数字城管综合评价通报`,
    titleEn: `Digital city management evaluation report, QN ${year}`,
    from: `${year}-10-01`,
    to: `${year}-12-31`,
    due: `${year + 1}-01-15`,
    partial: false,
    scheduled: true,
    generatedAt: '2026-10-01T00:00:00Z',
    generatedBy: 'schedule',
    publishedAt: '2026-10-02T02:00:00Z',
    publishedBy: 'leader1',
    version: 11,
    ...overrides,
  };
}

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

describe('ReportsPanel', { timeout: allowSlowRenders() }, () => {
  it('lists the revisions of a period with their state and due date, generates the next one and publishes it after confirming', async () => {
    const items = [report({})];
    const calls: { url: string; body: unknown }[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/api/auth/me') return json({ userName: 'leader1', displayName: '领导', roles: ['leader'], gridScope: null });
      if (url === `/api/evaluation/reports?kind=quarter&year=${year}`) return json({ items: [...items] });
      if (url === '/api/evaluation/reports' && init?.method === 'POST') {
        calls.push({ url, body: JSON.parse(String(init.body)) });
        const draft = report({ id: 'r2', revision: 2, state: 'draft', publishedAt: null, publishedBy: null, version: 12, scheduled: false, generatedBy: 'leader1' });
        items.unshift(draft);
        return json({ report: draft, content: { textZh: [], textEn: [] } }, 201);
      }
      if (url === '/api/evaluation/reports/r2/publish' && init?.method === 'POST') {
        calls.push({ url, body: JSON.parse(String(init.body)) });
        items[0] = { ...items[0]!, state: 'published', version: 13, publishedBy: 'leader1', publishedAt: '2026-10-03T00:00:00Z' };
        return json({ report: items[0], content: { textZh: [], textEn: [] } });
      }
      return json({ title: `unexpected ${url}` }, 500);
    });
    renderWithProviders(<ReportsPanel />);

    const first = await screen.findByText(`${year}年第N季度数字城管综合评价通报`);
    const row = first.closest('[data-testid="report-row"]') as HTMLElement;
    expect(within(row).getByTestId('report-state').dataset.state).toBe('published');
    expect(within(row).getByTestId('report-due').textContent).toBe(`${year + 1}-01-15`);
    expect(within(row).getByTestId('report-xlsx').getAttribute('href')).toBe('/api/evaluation/reports/r1/file.xlsx?lang=zh');
    expect(within(row).getByTestId('report-docx').getAttribute('href')).toBe('/api/evaluation/reports/r1/file.docx?lang=zh');
    expect(within(row).queryByTestId('report-publish')).toBeNull();

    fireEvent.click(screen.getByTestId('reports-generate'));
    await waitFor(() => expect(screen.getAllByTestId('report-row')).toHaveLength(2));
    expect(calls[0]).toEqual({ url: '/api/evaluation/reports', body: { kind: 'quarter', period: quarter } });
    const draft = screen.getAllByTestId('report-row').find((r) => r.dataset.revision === '2')!;
    expect(within(draft).getByTestId('report-state').dataset.state).toBe('draft');

    fireEvent.click(within(draft).getByTestId('report-publish'));
    fireEvent.click(await screen.findByTestId('report-publish-confirm'));
    await waitFor(() => expect(calls[1]).toEqual({ url: '/api/evaluation/reports/r2/publish', body: { version: 12 } }));
    await waitFor(() =>
      expect(screen.getAllByTestId('report-state').every((tag) => tag.dataset.state === 'published')).toBe(true),
    );
  });

  it('offers a dispatcher the downloads only, in the language of the page', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      const url = String(input);
      if (url === '/api/auth/me') return json({ userName: 'dispatcher1', displayName: '派遣员', roles: ['dispatcher'], gridScope: null });
      if (url.startsWith('/api/evaluation/reports?')) return json({ items: [report({ state: 'draft' })] });
      return json({ title: `unexpected ${url}` }, 500);
    });
    renderWithProviders(<ReportsPanel />, { language: 'en' });

    const row = (await screen.findByText(`Digital city management evaluation report, QN ${year}`)).closest('[data-testid="report-row"]') as HTMLElement;
    expect(within(row).getByTestId('report-xlsx').getAttribute('href')).toBe('/api/evaluation/reports/r1/file.xlsx?lang=en');
    expect(within(row).queryByTestId('report-publish')).toBeNull();
    expect(screen.queryByTestId('reports-generate')).toBeNull();
  });

  it('names the periods of each kind in a year', () => {
    expect(periodsOf('quarter', 2026)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodsOf('month', 2026)[8]).toBe('2026-09');
    expect(periodsOf('year', 2026)).toEqual(['2026']);
    expect(periodContaining('quarter', '2026-09-30')).toBe('2026-Q3');
    expect(periodContaining('month', '2026-09-30')).toBe('2026-09');
    expect(chinaToday(Date.UTC(2026, 8, 30, 17, 0))).toBe('2026-10-01');
  });
});
