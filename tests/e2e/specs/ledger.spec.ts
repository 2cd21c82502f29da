import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '../support/test';
import { apiAs, reportCase, waitForState } from '../support/api';
import { accounts, places } from '../support/env';
import { signIn } from '../support/sign-in';

const baseURL = () => test.info().project.use.baseURL!;

/** Runs SQL on the host's database: the API has no way to report a case in the past, so its clock is moved here. */
function sql(statement: string): string {
  const connection = process.env.DISPATCH_E2E_PG;
  if (!connection) throw new Error('Set DISPATCH_E2E_PG to the host database (libpq connection string), as ./dispatch test does');
  return execFileSync('psql', [connection, '-qtAc', statement], { encoding: 'utf8' }).trim();
}

/** A day as YYYY-MM-DD in China time, `days` from today. */
function chinaDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

function csvFirstColumn(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean)
    .map((line) => line.split(',')[0]!.replace(/^"|"$/g, ''));
}

test('a clerk finds last week\'s case by a word of its description, opens its case file, and exports the list', async ({ page }) => {
  // A case reported "six days ago": reported through the API, then its times moved back in the database.
  const word = `井盖${Date.now().toString(36).slice(-5)}`;
  const patroller = await apiAs(baseURL(), accounts.patroller);
  const lastWeek = await reportCase(patroller, { code: '0505', ...places.xiangshanStreet, description: `人行道旁${word}松动，行人易绊倒` });
  const today = await reportCase(patroller, { code: '0505', ...places.xiangshanStreet, description: `今天又见${word}松动` });
  await waitForState(patroller, lastWeek.id, 'Dispatched');
  sql(`UPDATE case_traces SET at = at - interval '6 days' WHERE case_id = '${lastWeek.id}';
       UPDATE cases SET reported_at = reported_at - interval '6 days', updated_at = updated_at - interval '6 days',
         dispatched_at = dispatched_at - interval '6 days' WHERE id = '${lastWeek.id}'`);

  await signIn(page, accounts.dispatcher, /\/command$/);
  await page.goto('/ledger');
  const search = page.getByTestId('ledger-search').locator('input');
  await search.fill(word);
  await search.press('Enter');
  await expect(page).toHaveURL(/q=/);
  await expect(page.locator(`[data-testid="ledger-row"][data-number="${today.number}"]`)).toBeVisible();

  // Last week only: from seven days ago up to (not including) five days ago.
  await page.getByTestId('ledger-filter-from').fill(chinaDay(-7));
  await page.getByTestId('ledger-filter-to').fill(chinaDay(-4));
  await expect(page).toHaveURL(/from=.*to=/);
  await expect(page.getByTestId('ledger-count')).toHaveText('共 1 件');
  const row = page.locator(`[data-testid="ledger-row"][data-number="${lastWeek.number}"]`);
  await expect(row).toBeVisible();
  await expect(page.locator(`[data-testid="ledger-row"][data-number="${today.number}"]`)).toHaveCount(0);

  // The drawer, then the case file with its whole history.
  await row.getByTestId('ledger-row-number').click();
  await expect(page).toHaveURL(/case=/);
  await expect(page.getByTestId('drawer-case-number')).toHaveText(lastWeek.number);
  await page.getByTestId('ledger-open-file').click();
  await expect(page.getByTestId('case-file-number')).toHaveText(lastWeek.number);
  await expect(page.getByTestId('case-file-trace')).toContainText('派遣');
  await expect(page.getByTestId('case-file-map')).toBeVisible();
  await expect(page.getByTestId('case-file-print')).toBeVisible();

  // Back to the list, filters intact, and export it: the file's rows are the list's rows.
  await page.goBack();
  await page.goBack();
  await expect(page.getByTestId('ledger-count')).toHaveText('共 1 件');
  const listed = await page.locator('[data-testid="ledger-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
  const download = page.waitForEvent('download');
  await page.getByTestId('ledger-export-button').hover();
  await page.getByText('导出 CSV').click();
  const file = readFileSync(await (await download).path(), 'utf8');
  const [header, ...numbers] = csvFirstColumn(file);
  expect(header).toBe('案卷编号');
  expect(numbers).toEqual(listed);
  expect(numbers).toEqual([lastWeek.number]);
});
