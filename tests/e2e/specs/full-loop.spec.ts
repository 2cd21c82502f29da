import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { act, apiAs, getCase } from '../support/api';
import { accounts } from '../support/env';
import { DESKTOP, openFace, PHONE, WALL } from '../support/faces';
import { makePng } from '../support/png';
import { screenshot } from '../support/screenshots';

const baseURL = () => test.info().project.use.baseURL!;
const CASE_NUMBER = /^\d{6}-\d{4}-\d{6}$/;

/** One screenshot of each face at a step of the loop: loop-<n>-<step>-<face>.png. */
async function snapAll(step: string, faces: Record<string, Page>): Promise<void> {
  for (const [name, page] of Object.entries(faces)) await screenshot(page, `loop-${step}-${name}`, name !== 'wall');
}

test('the closed loop across three faces: the patroller reports, the department signs and reports back, the patroller checks, the wall shows it closed', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  const patrol = await openFace(browser, accounts.patroller, /\/patrol$/, PHONE, errors, 'patrol');
  const board = await openFace(browser, accounts.trafficHandler, /\/board$/, DESKTOP, errors, 'board');
  const wall = await openFace(browser, accounts.leader, /\/command$/, { ...WALL, colorScheme: 'dark' }, errors, 'wall');
  await expect(board.page.getByTestId('live-status')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });
  await expect(wall.page.getByTestId('live-status')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });
  const faces = { patrol: patrol.page, board: board.page, wall: wall.page };

  // 1. The patroller reports illegal parking with a photo.
  const p = patrol.page;
  await p.getByTestId('category-select').getByRole('combobox').fill('0505');
  await p.getByTestId('category-option-event-0505').click();
  await p.getByTestId('condition-select').click();
  await p.locator('[data-testid^="condition-option-"]').first().click();
  await p.getByTestId('report-map').tap();
  await expect(p.getByTestId('grid-info')).toBeVisible();
  await p.getByTestId('photo-input').setInputFiles({ name: 'before.png', mimeType: 'image/png', buffer: makePng() });
  await expect(p.getByTestId('photo-preview')).toHaveCount(1);
  await p.getByTestId('description').fill(`e2e loop ${Date.now()}: lorry parked across the pavement`);
  await p.getByTestId('submit-report').click();
  await expect(p.getByTestId('result-case-number')).toHaveText(CASE_NUMBER, { timeout: 15_000 });
  const number = (await p.getByTestId('result-case-number').textContent())!.trim();

  const row = board.page.getByTestId(`case-row-${number}`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(wall.page.getByTestId(`case-row-${number}`)).toBeVisible();
  await snapAll('1-reported', faces);

  // 2. The department signs for it.
  await row.click();
  await board.page.getByTestId('action-sign').click();
  await board.page.getByTestId('action-submit').click();
  await expect(board.page.getByTestId('drawer-case-state')).toHaveAttribute('data-state', 'Handling');
  await expect(wall.page.getByTestId(`case-row-${number}`).locator('[data-state="Handling"]')).toBeVisible();
  await snapAll('2-signed', faces);

  // 3. It reports back with a photo of the work done.
  await board.page.getByTestId('action-feedback').click();
  await board.page.getByTestId('action-opinion').fill('已拖离，现场恢复通行');
  await board.page.getByTestId('action-photo-input').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: makePng(80, 60) });
  await expect(board.page.getByTestId('action-photo-preview')).toHaveCount(1);
  await board.page.getByTestId('action-submit').click();
  await expect(board.page.getByTestId('drawer-case-state')).toHaveAttribute('data-state', 'FedBack');
  await expect(board.page.getByTestId('photos-after').locator('img')).toHaveCount(1);
  await snapAll('3-fed-back', faces);

  // 4. The acceptor sends a check task (a step of the acceptor's desk, taken here through the API).
  const acceptor = await apiAs(baseURL(), accounts.acceptor);
  const reporter = await apiAs(baseURL(), accounts.patroller);
  const mine = (await (await reporter.get('/api/cases/mine')).json()) as { id: string; number: string }[];
  const id = mine.find((item) => item.number === number)!.id;
  const fedBack = await getCase(acceptor, id);
  await act(acceptor, id, 'request-check', { expectedVersion: fedBack.version });
  await expect(wall.page.getByTestId(`case-row-${number}`).locator('[data-state="Checking"]')).toBeVisible();

  // 5. The patroller checks on site: before and after photos, an after photo of its own, passed.
  await p.getByTestId('new-report').click();
  await p.getByTestId('tab-tasks').click();
  await p.getByTestId('tasks-refresh').click();
  await p.getByTestId(`task-${number}`).click();
  await expect(p.getByTestId('photos-before').locator('img')).toHaveCount(1);
  await expect(p.getByTestId('photos-after').locator('img')).toHaveCount(1);
  await p.getByTestId('action-check').click();
  await p.getByTestId('action-passed-yes').click();
  await p.getByTestId('action-photo-input').setInputFiles({ name: 'check.png', mimeType: 'image/png', buffer: makePng(64, 48) });
  await expect(p.getByTestId('action-photo-preview')).toHaveCount(1);
  await p.getByTestId('action-submit').click();
  await expect(p.getByTestId(`task-${number}`)).toHaveCount(0);
  await expect(wall.page.getByTestId(`case-row-${number}`).locator('[data-state="ToClose"]')).toBeVisible();
  await snapAll('4-checked', faces);

  // 6. The shift leader closes it (through the API); the wall shows it closed, live.
  const shiftLeader = await apiAs(baseURL(), accounts.shiftLeader);
  const checked = await getCase(shiftLeader, id);
  await act(shiftLeader, id, 'close', { expectedVersion: checked.version });
  await expect(wall.page.getByTestId(`case-row-${number}`).locator('[data-state="Closed"]')).toBeVisible({ timeout: 10_000 });
  await expect(row).toHaveCount(0);
  await wall.page.getByTestId(`case-row-${number}`).click();
  await expect(wall.page.getByTestId('drawer-case-state')).toHaveAttribute('data-state', 'Closed');
  await expect(wall.page.getByTestId('trace-close')).toBeVisible();
  await snapAll('5-closed', faces);

  expect(errors).toEqual([]);
  await Promise.all([acceptor.dispose(), reporter.dispose(), shiftLeader.dispose()]);
  await Promise.all([patrol.context.close(), board.context.close(), wall.context.close()]);
});
