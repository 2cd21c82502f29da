import { expect, test } from '../support/test';
import { act, apiAs, reportCase, waitForState } from '../support/api';
import { accounts, places } from '../support/env';
import { openFace, WALL } from '../support/faces';
import { screenshot } from '../support/screenshots';

const baseURL = () => test.info().project.use.baseURL!;

test('the wall shows the grid, counters, league table and trend, and filters everything to a clicked grid node live', async ({ browser }) => {
  const errors: string[] = [];
  const { context, page } = await openFace(browser, accounts.leader, /\/command$/, { ...WALL, colorScheme: 'dark' }, errors, 'command');
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('state-counters')).toBeVisible();
  await expect(page.getByTestId('trend-chart').locator('canvas')).toBeVisible();
  await expect(page.locator('#root .grid-shape--street').first()).toBeVisible();
  await expect(page.getByTestId('grid-tree')).toContainText('象山街道');

  let reloads = 0;
  page.on('load', () => (reloads += 1));

  // Filter to 象山街道: the URL, the tag and the snapshot follow.
  await page.getByTestId('grid-node-450304001').click();
  await expect(page).toHaveURL(/grid=450304001/);
  await expect(page.getByTestId('grid-filter')).toContainText('象山街道');
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });

  const patroller = await apiAs(baseURL(), accounts.patroller);
  const inside = await reportCase(patroller, { code: '0505', ...places.xiangshanStreet, description: `e2e ${Date.now()}: inside` });
  const outside = await reportCase(patroller, { code: '0505', ...places.ertang, description: `e2e ${Date.now()}: elsewhere` });
  await waitForState(patroller, outside.id, 'Dispatched');

  // Pushes of a case in the street arrive; those of another street stay out.
  await expect(page.getByTestId(`case-row-${inside.number}`)).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId(`case-row-${outside.number}`)).toHaveCount(0);
  await screenshot(page, 'command-filtered', false);

  // The whole area again holds both.
  await page.getByTestId('grid-all').click();
  await expect(page.getByTestId(`case-row-${outside.number}`)).toBeVisible();
  await expect(page.getByTestId('league-table')).toContainText('象山大队');
  expect(Number(await page.getByTestId('trend-chart').getAttribute('data-reported'))).toBeGreaterThanOrEqual(2);
  await screenshot(page, 'command', false);

  expect(reloads).toBe(0);
  expect(errors).toEqual([]);
  await patroller.dispose();
  await context.close();
});

test('a leader scoped to one street sees that street only: its tree, its snapshot and its live pushes', async ({ browser }) => {
  const errors: string[] = [];
  const { context, page } = await openFace(browser, accounts.xiangshanLeader, /\/command$/, { ...WALL, colorScheme: 'dark' }, errors, 'command-scoped');
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('grid-scope')).toContainText('象山街道');
  await expect(page.getByTestId('grid-node-450304001')).toBeVisible();
  await expect(page.getByTestId('grid-tree')).not.toContainText('二塘乡');
  await expect(page.getByTestId('grid-tree')).not.toContainText('南门街道');

  const patroller = await apiAs(baseURL(), accounts.patroller);
  const inside = await reportCase(patroller, { code: '0505', ...places.xiangshanStreet, description: `e2e ${Date.now()}: in the leader's street` });
  const outside = await reportCase(patroller, { code: '0505', ...places.ertang, description: `e2e ${Date.now()}: another street` });
  await waitForState(patroller, outside.id, 'Dispatched');

  await expect(page.getByTestId(`case-row-${inside.number}`)).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId(`case-row-${outside.number}`)).toHaveCount(0);
  await screenshot(page, 'command-scoped', false);

  // The snapshot after a reload is scoped by the server, not only by the page.
  await page.reload();
  await expect(page.getByTestId(`case-row-${inside.number}`)).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId(`case-row-${outside.number}`)).toHaveCount(0);

  expect(errors).toEqual([]);
  await patroller.dispose();
  await context.close();
});

test('a returned case reaches the dispatcher live with its reason and is re-dispatched by hand', async ({ browser }) => {
  const errors: string[] = [];
  const { context, page } = await openFace(browser, accounts.dispatcher, /\/command$/, WALL, errors, 'command');
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });
  await page.getByTestId('tab-queue').click();

  const patroller = await apiAs(baseURL(), accounts.patroller);
  const handler = await apiAs(baseURL(), accounts.trafficHandler);
  const reported = await reportCase(patroller, { code: '0505', ...places.xiangshanStreet, description: `e2e ${Date.now()}: to redispatch` });
  const dispatched = await waitForState(patroller, reported.id, 'Dispatched');
  const reason = '不属于交警职责，请改派';
  await act(handler, reported.id, 'return', { expectedVersion: dispatched.version, reason });

  const item = page.getByTestId(`queue-${reported.number}`);
  await expect(item).toBeVisible({ timeout: 10_000 });
  await expect(item).toContainText(reason);
  await screenshot(page, 'command-queue', false);

  await item.click();
  await page.getByTestId('action-dispatch').click();
  await page.getByTestId('action-departmentKey').click();
  await page.getByTestId('department-option-xs-enforcement').click();
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('drawer-case-state')).toHaveAttribute('data-state', 'Dispatched');
  await expect(item).toHaveCount(0);

  expect(errors).toEqual([]);
  await Promise.all([patroller.dispose(), handler.dispose()]);
  await context.close();
});

test('a leader escalates an open case with an instruction (督办)', async ({ browser }) => {
  const errors: string[] = [];
  const { context, page } = await openFace(browser, accounts.leader, /\/command$/, WALL, errors, 'command');
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });
  const patroller = await apiAs(baseURL(), accounts.patroller);
  const reported = await reportCase(patroller, { code: '0505', ...places.xiangshanStreet, description: `e2e ${Date.now()}: escalate me` });
  await waitForState(patroller, reported.id, 'Dispatched');

  await page.getByTestId(`case-row-${reported.number}`).click();
  await page.getByTestId('action-escalate').click();
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('action-form-escalate')).toContainText('此项必填');
  const instruction = '请于今日下班前处置完毕并反馈';
  await page.getByTestId('action-instruction').fill(instruction);
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('case-escalated')).toContainText(instruction);
  await screenshot(page, 'command-escalated', false);

  expect(errors).toEqual([]);
  await patroller.dispose();
  await context.close();
});
