import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../support/test';
import { apiAs, reportCase, waitForState } from '../support/api';
import { accounts, places } from '../support/env';
import { DESKTOP, openFace, PHONE } from '../support/faces';
import { screenshot } from '../support/screenshots';

const baseURL = () => test.info().project.use.baseURL!;

interface Indicator {
  code: string;
  kind: 'count' | 'rate' | 'score';
  numerator?: string | null;
}

interface League {
  indicators: string[];
  rows: { key: string; nameZh: string; counts: Record<string, number>; rates: Record<string, number | null>; hasChildren: boolean }[];
}

async function getJson<T>(api: APIRequestContext, path: string, params: Record<string, string>): Promise<T> {
  const response = await api.get(path, { params });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

/** The page's rate format: a percentage with one decimal, trailing zeros dropped. */
function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

test('a leader reads a department\'s rate, opens the cases behind its number, and drills from a district to its streets', async ({ browser }) => {
  // Two faces, each signing in, on a machine shared with builds: more than the default 90 s.
  test.setTimeout(240_000);
  // A case reported and dispatched this month, so that some department has figures.
  const patroller = await apiAs(baseURL(), accounts.patroller);
  const reported = await reportCase(patroller, { code: '0505', ...places.xiangshanStreet, description: `e2e evaluation ${Date.now()}` });
  await waitForState(patroller, reported.id, 'Dispatched');

  const leader = await apiAs(baseURL(), accounts.leader);
  const definitions = await getJson<Indicator[]>(leader, '/api/evaluation/indicators', {});
  const kinds = new Map(definitions.map((indicator) => [indicator.code, indicator]));
  const league = await getJson<League>(leader, '/api/evaluation/league', { object: 'department', period: 'month' });
  // A department with a rate whose numerator is a count it holds cases for.
  const rates = league.indicators.filter((code) => kinds.get(code)?.kind === 'rate' && kinds.get(kinds.get(code)!.numerator ?? '')?.kind === 'count');
  const pick = league.rows
    .flatMap((row) => rates.map((rate) => ({ row, rate, count: kinds.get(rate)!.numerator! })))
    .find(({ row, count }) => (row.counts[count] ?? 0) > 0);
  expect(pick, 'a department with cases behind a rate this month').toBeTruthy();
  const { row, rate, count } = pick!;
  const behind = await getJson<{ total: number }>(leader, '/api/evaluation/cases', { object: 'department', key: row.key, indicator: count, period: 'month' });
  expect(behind.total).toBe(row.counts[count]);

  const errors: string[] = [];
  const { context, page } = await openFace(browser, accounts.leader, /\/command$/, DESKTOP, errors, 'evaluation');
  await page.getByRole('link', { name: '综合评价' }).click();
  await expect(page).toHaveURL(/\/evaluation$/);
  await expect(page.getByTestId('evaluation-page')).toBeVisible();

  // The department's rate as the API gives it, and the definition over its column.
  const cell = page.getByTestId(`cell-${row.key}-${rate}`);
  await expect(cell).toHaveText(percent(row.rates[rate] ?? null));
  await page.getByTestId(`indicator-head-${rate}`).first().hover();
  await expect(page.getByTestId(`indicator-definition-${rate}`)).toBeVisible();
  await screenshot(page, 'evaluation-league', false);

  // The cases behind the number: as many as the API counts, each opening its case file.
  await cell.click();
  await expect(page).toHaveURL(new RegExp(`drill=${row.key}&indicator=${count}`));
  await expect(page.getByTestId('evaluation-cases-total')).toHaveAttribute('data-total', String(row.counts[count]));
  const first = page.getByTestId('evaluation-case-link').first();
  await expect(first).toHaveAttribute('href', /^\/ledger\/cases\/[0-9a-f-]+\/file$/);
  await page.goBack();
  await expect(page.getByTestId('evaluation-cases-total')).toHaveCount(0);

  // District → street, with a breadcrumb; back returns to the districts.
  await page.getByTestId('object-district').click();
  await expect(page).toHaveURL(/object=district/);
  await page.getByTestId('drill-450304').click();
  await expect(page).toHaveURL(/object=street&parent=450304/);
  await expect(page.getByTestId('crumb-450304')).toHaveText('象山区');
  await expect(page.getByTestId('evaluation-row-450304001')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('drill-450304')).toBeVisible();
  await context.close();

  // On a phone the table scrolls inside itself; the page does not widen.
  const phone = await openFace(browser, accounts.leader, /\/command$/, PHONE, errors, 'evaluation-phone');
  await phone.page.goto('/evaluation?period=month&object=department');
  await expect(phone.page.getByTestId(`cell-${row.key}-${rate}`)).toHaveText(percent(row.rates[rate] ?? null));
  expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(phone.page, 'evaluation-phone', false);
  await phone.context.close();

  expect(errors).toEqual([]);
});
