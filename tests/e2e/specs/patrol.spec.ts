import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { apiAs } from '../support/api';
import { accounts, places } from '../support/env';
import { openFace, PHONE } from '../support/faces';
import { screenshot } from '../support/screenshots';

const baseURL = () => test.info().project.use.baseURL!;

async function pickCategory(page: Page, search: string, testId: string): Promise<void> {
  await page.getByTestId('category-select').getByRole('combobox').fill(search);
  await page.getByTestId(testId).click();
  await expect(page.getByTestId('category-select')).toHaveAttribute('data-value', /.+/);
}

test('the report form finds categories by pinyin initials, shows the GPS accuracy and the unit grid, and refuses a point outside the area', async ({
  browser,
}) => {
  const errors: string[] = [];
  const { context, page } = await openFace(
    browser,
    accounts.patroller,
    /\/patrol$/,
    { ...PHONE, permissions: ['geolocation'], geolocation: { ...places.xiangshanStreet, accuracy: 12 } },
    errors,
    'patrol',
  );

  // 机动车乱停放 by its pinyin initials.
  await pickCategory(page, 'jdcltf', 'category-option-event-0505');
  await expect(page.getByTestId('category-select')).toContainText('机动车乱停放');

  await page.getByTestId('use-my-location').click();
  await expect(page.getByTestId('location-accuracy')).toContainText('12');
  await expect(page.getByTestId('grid-info')).toContainText('象山街道');
  await expect(page.getByTestId('grid-code')).toHaveText(/^450304001\d{6}$/);
  await screenshot(page, 'patrol-grid');

  // A point outside every unit grid: the server's 422 is shown and the report cannot be sent.
  await context.setGeolocation({ ...places.outside, accuracy: 20 });
  await page.getByTestId('use-my-location').click();
  await expect(page.getByTestId('grid-outside')).toContainText('不在管理范围');
  await expect(page.getByTestId('grid-outside')).toContainText('outside the managed area');
  await expect(page.getByTestId('submit-report')).toBeDisabled();
  await screenshot(page, 'patrol-outside');

  expect(errors.filter((error) => !error.includes('422'))).toEqual([]);
  await context.close();
});

test('a component report offers the components near the point and names the one picked', async ({ browser }) => {
  const errors: string[] = [];
  const { context, page } = await openFace(
    browser,
    accounts.patroller,
    /\/patrol$/,
    { ...PHONE, permissions: ['geolocation'], geolocation: { ...places.nearManhole, accuracy: 8 } },
    errors,
    'patrol',
  );

  // 污水井盖 (sewage manhole cover) by code.
  await pickCategory(page, '0102', 'category-option-component-0102');
  await page.getByTestId('use-my-location').click();
  await expect(page.getByTestId('component-picker')).toBeVisible();
  const first = page.locator('[data-testid^="component-4503040102"]').first();
  const componentId = (await first.getAttribute('data-testid'))!.replace('component-', '');
  await first.click();
  await expect(first).toHaveAttribute('aria-checked', 'true');
  await screenshot(page, 'patrol-component');

  await page.getByTestId('condition-select').click();
  await page.locator('[data-testid^="condition-option-"]').first().click();
  await page.getByTestId('description').fill(`e2e ${Date.now()}: manhole cover rattles`);
  const sent = page.waitForRequest((request) => request.url().endsWith('/api/cases') && request.method() === 'POST');
  await page.getByTestId('submit-report').click();
  await expect(page.getByTestId('result-case-number')).toHaveText(/^\d{6}-\d{4}-\d{6}$/, { timeout: 15_000 });

  // The report names the component picked (the server routes a component case to its owner).
  const body = (await sent).postData() ?? '';
  expect(body).toMatch(new RegExp(`name="componentId"\\s+${componentId}`));

  expect(errors).toEqual([]);
  await context.close();
});

test('a report made offline waits on the phone, survives closing the page and is sent once when the network returns', async ({
  browser,
}) => {
  const errors: string[] = [];
  const { context, page } = await openFace(browser, accounts.patroller, /\/patrol$/, PHONE, errors, 'patrol');
  await pickCategory(page, '0505', 'category-option-event-0505');
  await page.getByTestId('condition-select').click();
  await page.locator('[data-testid^="condition-option-"]').first().click();
  await page.getByTestId('report-map').tap();
  await expect(page.getByTestId('grid-info')).toBeVisible();

  await context.setOffline(true);
  const description = `e2e ${Date.now()}: reported in a dead zone`;
  await page.getByTestId('description').fill(description);
  await page.getByTestId('submit-report').click();
  await expect(page.getByTestId('report-queued')).toBeVisible();
  await expect(page.getByTestId('outbox-count')).toHaveAttribute('data-count', '1');
  await screenshot(page, 'patrol-offline-queued');

  // The page is closed while still offline; the report is in IndexedDB.
  await page.close();
  await context.setOffline(false);

  const reopened = await context.newPage();
  await reopened.goto('/patrol');
  await expect(reopened.getByTestId('outbox')).toHaveCount(0, { timeout: 15_000 });
  // The phone says so, without covering the tabs.
  await expect(reopened.getByText(/离线上报已发送：450304-/)).toBeVisible();
  await reopened.getByTestId('tab-mine').click();
  await expect(reopened.getByTestId('my-reports')).toContainText(description);
  await screenshot(reopened, 'patrol-offline-sent');

  const patroller = await apiAs(baseURL(), accounts.patroller);
  const mine = (await (await patroller.get('/api/cases/mine')).json()) as { description: string }[];
  expect(mine.filter((item) => item.description === description)).toHaveLength(1);

  // Requests that failed while offline are the only console errors.
  expect(errors.filter((error) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(error))).toEqual([]);
  await patroller.dispose();
  await context.close();
});
