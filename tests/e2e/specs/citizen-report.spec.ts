import { expect, test } from '../support/test';
import { act, apiAs, getCase, waitForState } from '../support/api';
import { collectConsoleErrors } from '../support/console-errors';
import { accounts } from '../support/env';
import { DESKTOP, openFace, PHONE } from '../support/faces';
import { makePng } from '../support/png';
import { screenshot } from '../support/screenshots';

const baseURL = () => test.info().project.use.baseURL!;
const CASE_NUMBER = /^\d{6}-\d{4}-\d{6}$/;

test('a citizen reports on the public page at phone size, the case goes round the loop, and the tracking link shows it done and takes a rating', async ({
  browser,
}) => {
  // Five faces on one busy machine: generous, as the other multi-face specs are.
  test.setTimeout(420_000);
  const errors: string[] = [];

  // 1. A resident, with no account, reports illegal parking from a phone.
  const citizenContext = await browser.newContext({ ...PHONE, geolocation: { longitude: 110.29, latitude: 25.255 }, permissions: [] });
  const citizen = await citizenContext.newPage();
  collectConsoleErrors(citizen, 'citizen', errors);
  await citizen.goto('/public');
  await expect(citizen.getByTestId('public-page')).toBeVisible({ timeout: 30_000 });
  await expect(citizen.getByTestId('topic-parking')).toHaveText('乱停车');
  // English is a switch away, and back.
  await citizen.getByTestId('language-en').click();
  await expect(citizen.getByTestId('topic-parking')).toHaveText('A car parked where it should not be');
  await citizen.getByTestId('language-zh').click();

  await citizen.getByTestId('public-submit').click();
  await expect(citizen.getByTestId('public-error-photos')).toBeVisible();

  await citizen.getByTestId('public-photo-input').setInputFiles({ name: 'car.png', mimeType: 'image/png', buffer: makePng() });
  await expect(citizen.getByTestId('public-photo-preview')).toHaveCount(1);
  await citizen.getByTestId('topic-parking').click();
  await citizen.getByTestId('public-map').tap();
  await expect(citizen.getByTestId('public-location-value')).toContainText('110.');
  const description = `e2e citizen ${Date.now()}: a car on the tactile paving`;
  await citizen.getByTestId('public-description').fill(description);
  await citizen.getByTestId('public-address').fill('中山路菜市场东门');
  await citizen.getByTestId('public-phone').fill('139 0000 1234');
  const width = await citizen.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'the page fits a 375 px screen').toBeLessThanOrEqual(375);
  await screenshot(citizen, 'citizen-1-form');
  await citizen.getByTestId('public-submit').click();

  await expect(citizen.getByTestId('public-receipt-number')).toHaveText(CASE_NUMBER, { timeout: 15_000 });
  const number = (await citizen.getByTestId('public-receipt-number').textContent())!.trim();
  const link = (await citizen.getByTestId('public-receipt-link').textContent())!.trim();
  expect(link).toMatch(/\/public\/track\/[A-Za-z0-9_-]{43}$/);
  await screenshot(citizen, 'citizen-2-receipt');
  await citizen.getByTestId('public-receipt-open').click();
  await expect(citizen.getByTestId('public-track')).toHaveAttribute('data-status', 'received', { timeout: 30_000 });
  await expect(citizen.getByTestId('public-track-number')).toHaveText(number);

  // 2. It waits in the acceptor's queue (public intake), who verifies and accepts it on the command page.
  const acceptorApi = await apiAs(baseURL(), accounts.acceptor);
  const desk = await openFace(browser, accounts.acceptor, /\/command$/, DESKTOP, errors, 'acceptor');
  const deskRow = desk.page.getByTestId(`case-row-${number}`);
  await expect(deskRow).toBeVisible({ timeout: 15_000 });
  await deskRow.click();
  await expect(desk.page.getByTestId('drawer-case-state')).toHaveAttribute('data-state', 'Reported');
  await desk.page.getByTestId('action-accept').click();
  await desk.page.getByTestId('action-submit').click();
  await expect(desk.page.getByTestId('drawer-case-state')).toHaveAttribute('data-state', 'ToFile');
  await desk.context.close();

  // 3. The shift leader files it; routing sends it to the traffic police.
  const leaderDesk = await openFace(browser, accounts.shiftLeader, /\/command$/, DESKTOP, errors, 'shift-leader');
  await leaderDesk.page.getByTestId(`case-row-${number}`).click();
  await leaderDesk.page.getByTestId('action-file').click();
  await leaderDesk.page.getByTestId('action-submit').click();
  await expect(leaderDesk.page.getByTestId('drawer-case-state')).not.toHaveAttribute('data-state', 'ToFile');
  await leaderDesk.context.close();
  const id = await idByNumber(acceptorApi, number);
  await waitForState(acceptorApi, id, 'Dispatched');
  await citizen.reload();
  await expect(citizen.getByTestId('public-track')).toHaveAttribute('data-status', 'handling', { timeout: 30_000 });
  await expect(citizen.getByTestId('public-step-handling-detail')).toContainText('由');

  // 4. The department signs and reports back with a photo of the result.
  const board = await openFace(browser, accounts.trafficHandler, /\/board$/, DESKTOP, errors, 'board');
  const row = board.page.getByTestId(`case-row-${number}`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.click();
  await board.page.getByTestId('action-sign').click();
  await board.page.getByTestId('action-submit').click();
  await expect(board.page.getByTestId('drawer-case-state')).toHaveAttribute('data-state', 'Handling');
  await board.page.getByTestId('action-feedback').click();
  await board.page.getByTestId('action-opinion').fill('已拖离，部门内部备注');
  await board.page.getByTestId('action-photo-input').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: makePng(80, 60) });
  await expect(board.page.getByTestId('action-photo-preview')).toHaveCount(1);
  await board.page.getByTestId('action-submit').click();
  await expect(board.page.getByTestId('drawer-case-state')).toHaveAttribute('data-state', 'FedBack');

  // 5. A patroller checks on site and the shift leader closes it (steps of other desks, through the API).
  await act(acceptorApi, id, 'request-check', { expectedVersion: (await getCase(acceptorApi, id)).version });
  const patroller = await apiAs(baseURL(), accounts.patroller);
  await act(patroller, id, 'check', { passed: true, expectedVersion: (await getCase(patroller, id)).version });
  const shiftLeader = await apiAs(baseURL(), accounts.shiftLeader);
  await act(shiftLeader, id, 'close', { expectedVersion: (await getCase(shiftLeader, id)).version });

  // 6. The citizen's link shows it done, with the after-photo and no internal words; the citizen rates it.
  await citizen.goto(new URL(link).pathname);
  await expect(citizen.getByTestId('public-track')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(citizen.getByTestId('public-step-done-detail')).toBeVisible();
  const after = citizen.getByTestId('public-after-photo').locator('img');
  await expect(after).toHaveCount(1);
  await expect.poll(() => after.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(80);
  await expect(citizen.getByTestId('public-track')).not.toContainText('部门内部备注');
  await expect(citizen.getByTestId('public-track')).not.toContainText('139 0000 1234');
  await screenshot(citizen, 'citizen-3-done');
  await citizen.getByTestId('public-rate-unsatisfied').click();
  await citizen.getByTestId('public-rate-words').fill('车是拖走了，但第二天又停上了');
  await citizen.getByTestId('public-rate-submit').click();
  await expect(citizen.getByTestId('public-rating-done')).toContainText('不满意', { timeout: 30_000 });
  await screenshot(citizen, 'citizen-4-rated');

  // The command centre sees the rating as a row of the case's trace; the case stays closed.
  const seen = (await getCase(acceptorApi, id)) as unknown as { state: string; trace: { code: string; opinion: string | null }[] };
  expect(seen.state).toBe('Closed');
  expect(seen.trace.at(-1)).toMatchObject({ code: 'rate.unsatisfied', opinion: '车是拖走了，但第二天又停上了' });

  expect(errors).toEqual([]);
  await Promise.all([acceptorApi.dispose(), patroller.dispose(), shiftLeader.dispose()]);
  await Promise.all([citizenContext.close(), board.context.close()]);
});

/** The case's id by its number, from the acceptor's view of the latest cases. */
async function idByNumber(api: Awaited<ReturnType<typeof apiAs>>, number: string): Promise<string> {
  const board = (await (await api.get('/api/boards/command')).json()) as { cases: { id: string; number: string }[] };
  const found = board.cases.find((item) => item.number === number);
  if (!found) throw new Error(`Case ${number} is not on the command board`);
  return found.id;
}
