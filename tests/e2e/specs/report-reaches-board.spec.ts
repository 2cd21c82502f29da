import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { collectConsoleErrors } from '../support/console-errors';
import { accounts } from '../support/env';
import { makePng } from '../support/png';
import { signIn } from '../support/sign-in';

const screenshots = fileURLToPath(new URL('../results/screenshots/', import.meta.url));
const CASE_NUMBER = /^\d{6}-\d{4}-\d{6}$/;

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
  await test.info().attach(name, { path: `${screenshots}${name}.png`, contentType: 'image/png' });
}

test('a patrol report reaches the department board and the command centre without a reload', async ({ browser }) => {
  const errors: string[] = [];

  // The handler's desktop board, open before the report is made.
  const handlerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const board = await handlerContext.newPage();
  collectConsoleErrors(board, 'board', errors);
  await signIn(board, accounts.trafficHandler, /\/board$/);
  await expect(board.getByTestId('live-status')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });

  // The command centre's wall screen.
  const leaderContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const command = await leaderContext.newPage();
  collectConsoleErrors(command, 'command', errors);
  await signIn(command, accounts.leader, /\/command$/);
  await expect(command.getByTestId('live-status')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });

  // Whatever the boards show from here on has to arrive as a push, not a reload.
  let boardLoads = 0;
  const boardSnapshots: string[] = [];
  board.on('load', () => (boardLoads += 1));
  board.on('request', (request) => {
    if (request.url().includes('/api/boards/')) boardSnapshots.push(request.url());
  });
  let commandLoads = 0;
  command.on('load', () => (commandLoads += 1));

  // The patroller on a phone.
  const patrolContext = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const patrol = await patrolContext.newPage();
  collectConsoleErrors(patrol, 'patrol', errors);
  await signIn(patrol, accounts.patroller, /\/patrol$/);

  await patrol.getByTestId('category-select').getByRole('combobox').fill('0505');
  await patrol.getByTestId('category-option-event-0505').click();
  await expect(patrol.getByTestId('category-select')).toContainText('机动车乱停放');
  await expect(patrol.getByTestId('category-select')).toHaveAttribute('data-value', /.+/);

  await patrol.getByTestId('condition-select').click();
  await patrol.locator('[data-testid^="condition-option-"]').first().click();
  await expect(patrol.getByTestId('condition-select')).toHaveAttribute('data-value', /.+/);

  // The map opens centred on 110.290 E, 25.255 N: a tap in its middle sets the pin there.
  await patrol.getByTestId('report-map').tap();
  await expect(patrol.getByTestId('location-value')).toContainText(/110\.2\d+/);
  await expect(patrol.getByTestId('location-value')).toContainText(/25\.2\d+/);

  await patrol.getByTestId('photo-input').setInputFiles({ name: 'pavement.png', mimeType: 'image/png', buffer: makePng() });
  await expect(patrol.getByTestId('photo-preview')).toHaveCount(1);

  const description = `e2e ${Date.now()}: car parked on the pavement outside the school gate`;
  await patrol.getByTestId('description').fill(description);
  await screenshot(patrol, 'patrol-draft');

  await patrol.getByTestId('submit-report').click();
  const numberText = patrol.getByTestId('result-case-number');
  await expect(numberText).toHaveText(CASE_NUMBER, { timeout: 15_000 });
  const caseNumber = (await numberText.textContent())!.trim();
  await expect(patrol.getByTestId('result-case-state')).toBeVisible();
  await screenshot(patrol, 'patrol-result');

  await expect(board.getByTestId(`case-row-${caseNumber}`)).toBeVisible({ timeout: 10_000 });
  await expect(board.getByTestId(`case-row-${caseNumber}`)).toContainText(description);
  await screenshot(board, 'board');

  await expect(command.getByTestId(`case-row-${caseNumber}`)).toBeVisible({ timeout: 10_000 });
  await screenshot(command, 'command');

  expect(boardLoads, 'the board page was reloaded').toBe(0);
  expect(commandLoads, 'the command page was reloaded').toBe(0);
  expect(boardSnapshots, 'the board fetched its snapshot again instead of taking the push').toEqual([]);

  // The handler opens the case: details, photo and trace come from GET /api/cases/{id}.
  await board.getByTestId(`case-row-${caseNumber}`).click();
  await expect(board.getByTestId('drawer-case-number')).toHaveText(caseNumber);
  await expect(board.getByTestId('case-trace')).toBeVisible();
  await screenshot(board, 'board-drawer');

  // My reports lists it too.
  await patrol.getByTestId('tab-mine').click();
  await expect(patrol.getByTestId(`my-case-${caseNumber}`)).toBeVisible();

  expect(errors).toEqual([]);

  await Promise.all([handlerContext.close(), leaderContext.close(), patrolContext.close()]);
});
