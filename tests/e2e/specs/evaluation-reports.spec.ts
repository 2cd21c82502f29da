import { execFileSync } from 'node:child_process';
import { expect, test } from '../support/test';
import { apiAs, reportCase, waitForState } from '../support/api';
import { accounts, places } from '../support/env';
import { signIn } from '../support/sign-in';

const baseURL = () => test.info().project.use.baseURL!;

interface LeagueRow {
  key: string;
  nameZh: string;
  rank: number;
  score: number | null;
}

/** Today in China time and the quarter holding it: code (2026-Q4) and first day. */
function thisQuarter(): { code: string; from: string; year: number; number: number } {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const number = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return { code: `${year}-Q${number}`, from: `${year}-${String((number - 1) * 3 + 1).padStart(2, '0')}-01`, year, number };
}

/** A part of a zip container (.xlsx, .docx) as text. */
function zipPart(file: string, part: string): string {
  return execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function zipParts(file: string): string[] {
  return execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The rows of a worksheet as text cells (inline strings and values; the writer writes every cell in order). */
function sheetRows(xml: string): string[][] {
  return [...xml.matchAll(/<row[^>]*>(.*?)<\/row>/gs)].map(([, row]) =>
    [...row!.matchAll(/<c(?:\s[^>]*)?(?:\/>|>(.*?)<\/c>)/gs)].map(([, cell]) => {
      const text = cell ? (/<t[^>]*>(.*?)<\/t>/s.exec(cell) ?? /<v>(.*?)<\/v>/s.exec(cell)) : null;
      return text ? unescape(text[1]!) : '';
    }),
  );
}

test('a leader generates the quarterly report, publishes it, and downloads a workbook and a document whose figures are the API\'s', async ({ page }) => {
  const quarter = thisQuarter();
  const patroller = await apiAs(baseURL(), accounts.patroller);
  const reported = await reportCase(patroller, { code: '0505', ...places.xiangshanStreet, description: `通报测试${Date.now().toString(36)}：人行道停车` });
  await waitForState(patroller, reported.id, 'Dispatched');

  await signIn(page, accounts.leader, /\/command$/);
  await page.goto('/evaluation?tab=reports');
  await page.getByTestId('reports-kind-quarter').click();
  await page.getByTestId('reports-generate').click();
  const draft = page.locator(`[data-testid="report-row"][data-period="${quarter.code}"]`).filter({ has: page.locator('[data-state="draft"]') });
  // Generating reads a quarter of the whole city: give it the time the issue allows (10 s) and room for a busy machine.
  await expect(draft).toHaveCount(1, { timeout: 60_000 });
  const id = (await draft.getAttribute('data-id'))!;
  const row = page.locator(`[data-testid="report-row"][data-id="${id}"]`);
  await expect(row.getByTestId('report-due')).toHaveText(new RegExp(`^${quarter.number === 4 ? quarter.year + 1 : quarter.year}-\\d{2}-15$`));

  await row.getByTestId('report-publish').click();
  await page.getByTestId('report-publish-confirm').click();
  await expect(row.getByTestId('report-state')).toHaveAttribute('data-state', 'published');

  // The API's figures for the same quarter.
  const leader = await apiAs(baseURL(), accounts.leader);
  const league = (await (await leader.get(`/api/evaluation/league?object=department&period=quarter&date=${quarter.from}`)).json()) as { rows: LeagueRow[] };
  const score = (value: number | null) => (value === null ? '' : value);

  // The workbook: one sheet per table; the departments' sheet lists the league in rank order with its scores.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), row.getByTestId('report-xlsx').click()]);
  const revision = await row.getAttribute('data-revision');
  expect(xlsx.suggestedFilename()).toBe(`${quarter.year}年第${quarter.number}季度数字城管综合评价通报（第${revision}版）.xlsx`);
  const workbook = await xlsx.path();
  const sheets = [...zipPart(workbook, 'xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => unescape(m[1]!));
  expect(sheets).toEqual(['概况', '专业部门', '街道', '趋势']);
  const departments = sheetRows(zipPart(workbook, 'xl/worksheets/sheet2.xml'));
  expect(departments[0]!.slice(0, 3)).toEqual(['排名', '名称', '综合得分']);
  expect(departments.slice(1, -1).map((cells) => [Number(cells[0]), cells[1], cells[2] === '' ? '' : Number(cells[2])])).toEqual(
    league.rows.map((r) => [r.rank, r.nameZh, score(r.score)]),
  );

  // The document: the title block, every department, and a native chart of the scores.
  const [docx] = await Promise.all([page.waitForEvent('download'), row.getByTestId('report-docx').click()]);
  const document = await docx.path();
  const body = zipPart(document, 'word/document.xml');
  expect(body).toContain(`${quarter.year}年第${quarter.number}季度数字城管综合评价通报`);
  expect(body).toContain('报送期限');
  for (const r of league.rows) expect(body).toContain(r.nameZh);
  const chartPart = zipParts(document).find((name) => /charts\/.*\.xml$/.test(name) && !name.includes('_rels'));
  expect(chartPart, 'a chart part in the document').toBeTruthy();
  const chart = zipPart(document, chartPart!);
  const values = [...chart.matchAll(/<c:val>.*?<\/c:val>/gs)].flatMap(([val]) => [...val.matchAll(/<c:v>(.*?)<\/c:v>/g)].map((m) => Number(m[1])));
  expect(values).toEqual(league.rows.filter((r) => r.score !== null).map((r) => Number(r.score!.toFixed(2))));
});
