import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { apiAs, dryRun, findCategory, gridScopeOf, retireRulesNoted, setGridScope } from '../support/api';
import { accounts, places } from '../support/env';
import { openFace } from '../support/faces';
import { screenshot } from '../support/screenshots';

const baseURL = () => test.info().project.use.baseURL!;
/** The administrator's page is a desktop page that must work from 1280 px on. */
const DESK = { viewport: { width: 1280, height: 900 } } as const;
/** Notes of the rules this spec makes start with this, so that a run cut short can be cleaned up by the next. */
const MARKER = 'e2e admin';
const NANMEN_STREET = '450304002';
const NANMEN_COMMUNITY = '450304002001';

/** The administrator's face at /admin, once its page has rendered. */
async function openAdmin(browser: Browser, errors: string[]) {
  const face = await openFace(browser, accounts.admin, /\/admin$/, DESK, errors, 'admin');
  // The first visit loads the page's chunk: allow a busy machine the time the other specs allow a first load.
  await expect(face.page.getByTestId('admin-title')).toHaveText('系统管理', { timeout: 30_000 });
  return face;
}

/** Opens an antd Select, types to narrow it and picks the option with the given test id. */
async function choose(page: Page, select: string, search: string, option: string): Promise<void> {
  await page.getByTestId(select).click();
  await page.keyboard.type(search);
  await page.getByTestId(option).click();
}

test('an administrator routes 0505 in 南门街道 to the enforcement bureau, the dry run follows, and retiring the rule undoes it', async ({ browser }) => {
  const errors: string[] = [];
  const admin = await apiAs(baseURL(), accounts.admin);
  const parking = await findCategory(admin, '0505');
  await retireRulesNoted(admin, parking.id, MARKER);
  const before = await dryRun(admin, parking.id, places.nanmenStreet);
  expect(before.department?.key).toBe('xs-traffic');

  const { context, page } = await openAdmin(browser, errors);
  await expect(page.getByTestId('rules-table')).toBeVisible();
  await choose(page, 'rules-category-filter', '0505', 'rules-category-option-event-0505');

  // A new rule: 0505 in 南门街道 goes to 象山区城市管理综合执法局.
  await page.getByTestId('rule-new').click();
  await choose(page, 'rule-category', '0505', 'rule-category-option-event-0505');
  await choose(page, 'rule-grid', NANMEN_STREET, `rule-grid-option-${NANMEN_STREET}`);
  await expect(page.getByTestId('rule-target-department')).toBeChecked();
  await choose(page, 'rule-department', '执法', 'rule-department-option-xs-enforcement');
  await page.getByTestId('rule-priority').fill('5');
  await page.getByTestId('rule-note').fill(`${MARKER} ${Date.now()}: 南门街道违停由执法局处理`);
  const posted = page.waitForResponse((response) => response.url().endsWith('/api/admin/routing/rules') && response.request().method() === 'POST');
  await page.getByTestId('rule-save').click();
  const answer = await posted;
  expect(answer.status()).toBe(201);
  const rule = (await answer.json()) as { id: string };
  // The form leaves once the drawer has closed and handed focus back: a picker opened before then would lose it.
  await expect(page.getByTestId('rule-form')).toHaveCount(0);

  const row = page.getByTestId(`rule-row-${rule.id}`);
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute('data-in-force', 'true');
  await expect(row.getByTestId('rule-grid')).toHaveText(`南门街道 ${NANMEN_STREET}`);
  await expect(row.getByTestId('rule-target')).toHaveAttribute('data-department', 'xs-enforcement');
  await expect(row.getByTestId('rule-target')).toContainText('象山区城市管理综合执法局');

  // The router now sends a case at a point in the street there: through the API and the page's dry run.
  expect((await dryRun(admin, parking.id, places.nanmenStreet)).department?.key).toBe('xs-enforcement');
  await choose(page, 'dry-run-category', '0505', 'dry-run-category-option-event-0505');
  await page.getByTestId('dry-run-longitude').fill(String(places.nanmenStreet.longitude));
  await page.getByTestId('dry-run-latitude').fill(String(places.nanmenStreet.latitude));
  await page.getByTestId('dry-run-submit').click();
  await expect(page.getByTestId('dry-run-result')).toHaveAttribute('data-department', 'xs-enforcement');
  await expect(page.getByTestId('dry-run-result')).toContainText('派往：象山区城市管理综合执法局');
  await screenshot(page, 'admin-rules');

  // Retire it: it leaves the rules in force, stays listed as retired, and the street falls back to the default.
  await row.getByTestId('rule-retire').click();
  await page.getByTestId('rule-retire-confirm').click();
  await expect(row).toHaveCount(0);
  await page.getByTestId('rules-include-retired').click();
  await expect(row.getByTestId('rule-retired')).toBeVisible();
  await expect(row).toHaveAttribute('data-in-force', 'false');
  expect((await dryRun(admin, parking.id, places.nanmenStreet)).department?.key).toBe('xs-traffic');
  await page.getByTestId('dry-run-submit').click();
  await expect(page.getByTestId('dry-run-result')).toHaveAttribute('data-department', 'xs-traffic');

  expect(errors).toEqual([]);
  await admin.dispose();
  await context.close();
});

test('the dead-letters tab shows what the server holds, with the open count on the tab', async ({ browser }) => {
  const errors: string[] = [];
  const admin = await apiAs(baseURL(), accounts.admin);
  const held = (await (await admin.get('/api/admin/dead-letters', { params: { status: 'open' } })).json()) as {
    open: number;
    items: { id: string }[];
  };

  const { context, page } = await openAdmin(browser, errors);
  await expect(page.getByTestId('admin-tab-dead-letters')).toHaveAttribute('data-open', String(held.open));
  await page.getByTestId('admin-tab-dead-letters').click();
  await expect(page).toHaveURL(/tab=dead-letters/);
  const rows = page.locator('[data-testid^="dead-letter-row-"]');
  // A fresh demo has no poison messages; none is made up here to fill the table.
  if (held.items.length === 0) {
    await expect(page.getByTestId('dead-letters-empty')).toBeVisible();
    await expect(rows).toHaveCount(0);
  } else {
    await expect(rows).toHaveCount(Math.min(held.items.length, 50));
    await expect(page.getByTestId(`dead-letter-row-${held.items[0]!.id}`)).toHaveAttribute('data-status', 'open');
  }
  await page.getByTestId('dead-letters-filter-all').click();
  await expect(page.getByTestId('dead-letters-table')).toHaveAttribute('data-status', 'all');
  await screenshot(page, 'admin-dead-letters');

  expect(errors).toEqual([]);
  await admin.dispose();
  await context.close();
});

test("an administrator scopes dispatcher.nanmen to a community and back to 南门街道; a new session of the account carries it", async ({
  browser,
}) => {
  const errors: string[] = [];
  const admin = await apiAs(baseURL(), accounts.admin);
  // A run cut short may have left the account elsewhere: start from the demo's scope.
  await setGridScope(admin, accounts.nanmenDispatcher, NANMEN_STREET);

  try {
    const { context, page } = await openAdmin(browser, errors);
    await page.getByTestId('admin-tab-accounts').click();
    const row = page.getByTestId(`account-row-${accounts.nanmenDispatcher}`);
    // The tab's first page of accounts: a busy machine gets the room a first load gets above.
    await expect(row).toHaveAttribute('data-grid-scope', NANMEN_STREET, { timeout: 30_000 });
    await expect(row).toContainText('派遣员');
    // A handler takes no grid scope; a patroller may supervise a street (街道监督员), so its row has a picker.
    await expect(page.getByTestId(`account-row-${accounts.trafficHandler}`)).toContainText('不适用');
    await expect(page.getByTestId(`scope-select-${accounts.patroller}`)).toBeVisible();
    await expect(page.getByTestId('accounts-note')).toContainText('一分钟');

    const select = `scope-select-${accounts.nanmenDispatcher}`;
    const put = () =>
      page.waitForResponse((response) => response.url().includes('/grid-scope') && response.request().method() === 'PUT');
    let saved = put();
    await choose(page, select, NANMEN_COMMUNITY, `scope-option-${NANMEN_COMMUNITY}`);
    expect((await saved).status()).toBe(200);
    await expect(row).toHaveAttribute('data-grid-scope', NANMEN_COMMUNITY);
    await expect(row).toContainText(`南门社区 ${NANMEN_COMMUNITY}`);
    expect(await gridScopeOf(admin, accounts.nanmenDispatcher)).toBe(NANMEN_COMMUNITY);
    const dispatcher = await apiAs(baseURL(), accounts.nanmenDispatcher);
    expect(((await (await dispatcher.get('/api/auth/me')).json()) as { gridScope: string | null }).gridScope).toBe(NANMEN_COMMUNITY);
    await dispatcher.dispose();
    await screenshot(page, 'admin-accounts');

    saved = put();
    await choose(page, select, NANMEN_STREET, `scope-option-${NANMEN_STREET}`);
    expect((await saved).status()).toBe(200);
    await expect(row).toHaveAttribute('data-grid-scope', NANMEN_STREET);
    expect(await gridScopeOf(admin, accounts.nanmenDispatcher)).toBe(NANMEN_STREET);

    // The page follows the language switch.
    await page.getByTestId('language-en').click();
    await expect(page.getByTestId('admin-tab-accounts')).toHaveText('Accounts');
    await expect(page.getByTestId('accounts-note')).toContainText('within about a minute');
    await page.getByTestId('language-zh').click();

    expect(errors).toEqual([]);
    await context.close();
  } finally {
    await setGridScope(admin, accounts.nanmenDispatcher, NANMEN_STREET);
    await admin.dispose();
  }
});
