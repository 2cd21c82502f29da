import type { APIRequestContext, Browser } from '@playwright/test';
import { expect, test } from '../support/test';
import { apiAs } from '../support/api';
import { accounts } from '../support/env';
import { openFace, PHONE } from '../support/faces';
import { screenshot } from '../support/screenshots';

const baseURL = () => test.info().project.use.baseURL!;
// Each test signs in more than once and draws every unit grid of the city or a twelve-month calendar.
test.describe.configure({ timeout: 240_000 });
const DESK = { viewport: { width: 1280, height: 900 } } as const;
/** 平山社区's responsibility grid: nobody walks it in the demo, and 平山街道 has no supervisor. */
const PINGSHAN = '450304003001-01';
/** A year far enough ahead that the demo's own calendar is left alone. */
const YEAR = 2035;

interface PatrolGrid {
  code: string;
  onDuty: boolean;
  version: number;
  patrollers: { userName: string }[];
  fallback: { holder: string } | null;
}

async function patrolGrid(api: APIRequestContext, code: string): Promise<PatrolGrid> {
  const response = await api.get('/api/admin/grids/responsibility');
  expect(response.status()).toBe(200);
  return ((await response.json()) as PatrolGrid[]).find((grid) => grid.code === code)!;
}

/** Leaves the grid as the demo has it: nobody walks it and no responsible person is named. */
async function clearGrid(api: APIRequestContext, code: string): Promise<void> {
  const { version } = await patrolGrid(api, code);
  const response = await api.put(`/api/admin/grids/responsibility/${code}`, { data: { patrollers: [], responsiblePerson: null, version } });
  expect(response.status(), await response.text()).toBe(200);
}

async function openAdmin(browser: Browser, errors: string[], device: object = DESK) {
  const face = await openFace(browser, accounts.admin, /\/admin$/, device, errors, 'admin');
  await expect(face.page.getByTestId('admin-title')).toHaveText('系统管理', { timeout: 60_000 });
  return face;
}

test('an administrator puts a patroller and a responsible person on a grid with nobody on duty', async ({ browser }) => {
  const errors: string[] = [];
  const admin = await apiAs(baseURL(), accounts.admin);
  await clearGrid(admin, PINGSHAN);

  try {
    const { context, page } = await openAdmin(browser, errors);
    await page.getByTestId('admin-tab-patrol-grids').click();
    await expect(page).toHaveURL(/tab=patrol-grids/);
    const row = page.getByTestId(`grid-row-${PINGSHAN}`);
    // The first list comes with every unit grid of the city for the map: allow a busy machine time for it.
    await expect(row).toHaveAttribute('data-on-duty', 'false', { timeout: 30_000 });
    await expect(row.getByTestId(`grid-fallback-${PINGSHAN}`)).toContainText('值班长');
    await expect(page.getByTestId('patrol-grids-map').locator('path.grid-shape').first()).toBeVisible();

    await row.getByTestId(`grid-edit-${PINGSHAN}`).click();
    await expect(page.getByTestId('patrol-grid-drawer')).toContainText('核实、核查任务现转交值班长');
    await page.getByTestId('patrol-grid-patrollers').click();
    await page.keyboard.type('patroller2');
    await page.getByTestId('patroller-option-patroller2').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('patrol-grid-responsible-name').fill('张网格长');
    await page.getByTestId('patrol-grid-responsible-phone').fill('0773-2812345');
    const put = page.waitForResponse((r) => r.url().endsWith(`/api/admin/grids/responsibility/${PINGSHAN}`) && r.request().method() === 'PUT');
    await page.getByTestId('patrol-grid-save').click();
    expect((await put).status()).toBe(200);

    // The saved grid redraws the city's unit grids on the map: allow a busy machine time for it.
    await expect(row).toHaveAttribute('data-on-duty', 'true', { timeout: 30_000 });
    await expect(row.getByTestId('grid-patroller-patroller2')).toContainText('监督员二');
    await expect(row).toContainText('张网格长');
    const stored = await patrolGrid(admin, PINGSHAN);
    expect(stored.patrollers.map((p) => p.userName)).toEqual(['patroller2']);
    expect(stored.onDuty).toBe(true);
    await screenshot(page, 'admin-patrol-grids', false);
    await context.close();

    // At phone width the map and the list still show, one above the other.
    const phone = await openAdmin(browser, errors, PHONE);
    await phone.page.goto('/admin?tab=patrol-grids');
    await expect(phone.page.getByTestId('patrol-grids-map')).toBeVisible({ timeout: 60_000 });
    await expect(phone.page.getByTestId(`grid-row-${PINGSHAN}`)).toHaveAttribute('data-on-duty', 'true', { timeout: 30_000 });
    await screenshot(phone.page, 'admin-patrol-grids-phone', false);
    await phone.context.close();
  } finally {
    await clearGrid(admin, PINGSHAN);
    await admin.dispose();
  }
  expect(errors).toEqual([]);
});

test('an administrator enters a holiday year from the notice text and by hand, and sees it as a calendar', async ({ browser }) => {
  const errors: string[] = [];
  const admin = await apiAs(baseURL(), accounts.admin);
  const calendar = (await (await admin.get('/api/calendar')).json()) as { warnings: { code: string; year: number }[] };

  const { context, page } = await openAdmin(browser, errors);
  // The banner shows exactly when the server warns (from 1 November while next year is missing).
  const missing = calendar.warnings.find((w) => w.code === 'next-year-missing');
  if (missing) await expect(page.getByTestId('calendar-warning')).toContainText(`${missing.year} 年节假日安排尚未录入`);
  else await expect(page.getByTestId('calendar-warning')).toHaveCount(0);

  await page.getByTestId('admin-tab-calendar').click();
  await expect(page.getByTestId('work-calendar')).toBeVisible();
  await page.getByPlaceholder('其他年份').fill(String(YEAR));
  await page.getByPlaceholder('其他年份').press('Enter');
  await expect(page.getByTestId('year-calendar')).toHaveAttribute('data-year', String(YEAR));

  await page.getByTestId('calendar-notice').fill(
    [
      `国务院办公厅关于${YEAR}年部分节假日安排的通知`,
      '一、元旦：1月1日（周一）放假1天，不调休。',
      '二、春节：2月7日（周三）至14日（周三）放假调休，共8天。2月17日（周六）上班。',
    ].join('\n'),
  );
  await page.getByTestId('calendar-notice-read').click();
  await expect(page.getByTestId('holiday-name-1')).toHaveValue('春节');
  await expect(page.getByTestId('holiday-from-1')).toHaveValue(`${YEAR}-02-07`);
  await expect(page.getByTestId('workday-0')).toHaveValue(`${YEAR}-02-17`);

  // By hand: 元旦 runs to the weekend, with a make-up working day after it.
  await page.getByTestId('holiday-to-0').fill(`${YEAR}-01-03`);
  await page.getByTestId('workday-add').click();
  await page.getByTestId('workday-1').fill(`${YEAR}-01-06`);
  const day = (date: string) => page.locator(`[data-testid="year-calendar"] td[data-date="${date}"]`);
  await expect(day(`${YEAR}-01-03`)).toHaveAttribute('data-kind', 'holiday');
  await expect(day(`${YEAR}-01-06`)).toHaveAttribute('data-kind', 'workday');

  const put = page.waitForResponse((r) => r.url().endsWith(`/api/calendar/years/${YEAR}`) && r.request().method() === 'PUT');
  await page.getByTestId('calendar-save').click();
  const answer = await put;
  expect(answer.status(), await answer.text()).toBe(200);
  await expect(page.getByTestId('calendar-year-origin')).toHaveText('已录入');
  await expect(day(`${YEAR}-02-10`)).toHaveAttribute('data-kind', 'holiday');
  await screenshot(page, 'admin-calendar', false);

  const stored = (await (await admin.get('/api/calendar')).json()) as {
    years: { year: number; holidays: { name: string; from: string; to: string }[]; extraWorkdays: string[] }[];
  };
  const year = stored.years.find((y) => y.year === YEAR)!;
  expect(year.holidays).toEqual([
    { name: '元旦', from: `${YEAR}-01-01`, to: `${YEAR}-01-03` },
    { name: '春节', from: `${YEAR}-02-07`, to: `${YEAR}-02-14` },
  ]);
  expect(year.extraWorkdays).toEqual([`${YEAR}-01-06`, `${YEAR}-02-17`]);

  expect(errors).toEqual([]);
  await admin.dispose();
  await context.close();
});
