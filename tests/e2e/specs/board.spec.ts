import { expect, test } from '../support/test';
import { apiAs, reportCase, waitForState } from '../support/api';
import { accounts, places } from '../support/env';
import { DESKTOP, openFace } from '../support/faces';
import { screenshot } from '../support/screenshots';

const baseURL = () => test.info().project.use.baseURL!;

test('the department handler sees a live countdown, filters the queue, signs for a case and asks for an extension', async ({ browser }) => {
  const errors: string[] = [];
  const { context, page } = await openFace(browser, accounts.trafficHandler, /\/board$/, DESKTOP, errors, 'board');
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });

  const patroller = await apiAs(baseURL(), accounts.patroller);
  const description = `e2e ${Date.now()}: van blocking the bus stop`;
  const reported = await reportCase(patroller, { code: '0505', ...places.xiangshanStreet, description });
  await waitForState(patroller, reported.id, 'Dispatched');

  // Arrives live, announced, with its light and time left.
  const row = page.getByTestId(`case-row-${reported.number}`);
  await expect(row).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('.ant-notification')).toContainText(reported.number);
  await expect(row.getByTestId('deadline')).toHaveAttribute('data-light', /Green|Yellow|Red|none/);

  // Filtering by words keeps it and drops the rest.
  await page.getByTestId('filter-text').fill(description.slice(0, 20));
  await expect(page.locator('[data-testid^="case-row-"]')).toHaveCount(1);
  await screenshot(page, 'board-filtered');

  // The drawer offers exactly what the server allows the handler now: sign or return.
  await row.click();
  await expect(page.getByTestId('drawer-case-number')).toHaveText(reported.number);
  await expect(page.getByTestId('action-sign')).toBeVisible();
  await expect(page.getByTestId('action-return')).toBeVisible();
  await expect(page.getByTestId('action-feedback')).toHaveCount(0);
  await page.getByTestId('action-sign').click();
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('drawer-case-state')).toHaveAttribute('data-state', 'Handling');
  await expect(row).toHaveAttribute('data-state', 'Handling');

  // An extension needs the time asked for.
  await page.getByTestId('action-request-extension').click();
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('action-form-request-extension')).toContainText('此项必填');
  await page.locator('#action-limit').fill('2');
  await page.getByTestId('action-reason').fill('需要施工队进场');
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('case-pending-request')).toContainText('延期申请待审批');
  await expect(page.getByTestId('action-request-extension')).toHaveCount(0);
  await screenshot(page, 'board-drawer-extension');

  expect(errors).toEqual([]);
  await patroller.dispose();
  await context.close();
});

test('a case returned with a reason leaves the department queue live', async ({ browser }) => {
  const errors: string[] = [];
  const { context, page } = await openFace(browser, accounts.trafficHandler, /\/board$/, DESKTOP, errors, 'board');
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });

  const patroller = await apiAs(baseURL(), accounts.patroller);
  const reported = await reportCase(patroller, { code: '0505', ...places.xiangshanStreet, description: `e2e ${Date.now()}: not ours` });
  await waitForState(patroller, reported.id, 'Dispatched');
  const row = page.getByTestId(`case-row-${reported.number}`);
  await row.click();

  await page.getByTestId('action-return').click();
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('action-form-return')).toContainText('此项必填');
  await page.getByTestId('action-reason').fill('占道经营不属于交警，请改派城管');
  await page.getByTestId('action-submit').click();

  await expect(row).toHaveCount(0);
  expect(errors).toEqual([]);
  await patroller.dispose();
  await context.close();
});

test('the queue is sorted by time left and the chime can be switched on and stays on', async ({ browser }) => {
  const errors: string[] = [];
  const { context, page } = await openFace(browser, accounts.trafficHandler, /\/board$/, DESKTOP, errors, 'board');
  const handler = await apiAs(baseURL(), accounts.trafficHandler);
  const board = (await (await handler.get('/api/boards/department/xs-traffic')).json()) as {
    cases: { number: string; nextDeadline?: string | null }[];
  };
  const timed = board.cases.filter((item) => item.nextDeadline).sort((a, b) => a.nextDeadline!.localeCompare(b.nextDeadline!));
  if (timed.length > 0) await expect(page.locator('[data-testid^="case-row-"]').first()).toHaveAttribute('data-testid', `case-row-${timed[0]!.number}`);

  await page.getByTestId('sound-switch').click();
  await expect(page.getByTestId('sound-switch')).toHaveAttribute('aria-checked', 'true');
  await page.reload();
  await expect(page.getByTestId('sound-switch')).toHaveAttribute('aria-checked', 'true');

  expect(errors).toEqual([]);
  await handler.dispose();
  await context.close();
});
