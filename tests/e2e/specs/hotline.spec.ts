import { act, apiAs, getCase, waitForState } from '../support/api';
import { accounts } from '../support/env';
import { DESKTOP, openFace, PHONE } from '../support/faces';
import { screenshot } from '../support/screenshots';
import { expect, test } from '../support/test';

const baseURL = () => test.info().project.use.baseURL!;
const CASE_NUMBER = /^\d{6}-\d{4}-\d{6}$/;

/** A mobile number no other run used: 139 and eight digits of the clock. */
const freshPhone = () => `139${String(Date.now()).slice(-8)}`;

test('an acceptor takes a hotline call at the desk by keyboard, and an unsatisfied callback sends the closed case back for rework', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  const { page } = await openFace(browser, accounts.acceptor, /\/command$/, DESKTOP, errors, 'hotline');
  const phone = freshPhone();

  // 1. The desk: the phone field has the focus; the caller, callback and address follow by Tab.
  await page.goto('/hotline');
  const phoneField = page.getByTestId('hotline-caller-phone');
  // The desk is a chunk of its own, loaded on the first visit.
  await expect(phoneField).toBeFocused({ timeout: 30_000 });
  await expect(page.getByTestId('hotline-shortcuts')).toContainText('Alt+N');
  await page.keyboard.type(phone);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('hotline-caller-name')).toBeFocused();
  await page.keyboard.type('王先生');
  await expect(page.getByTestId('caller-history-empty')).toBeVisible();
  await expect(page.getByTestId('hotline-callback-wanted')).toBeChecked();
  await page.getByTestId('hotline-address').focus();
  await page.keyboard.type('中山路菜市场东门');
  await page.getByTestId('hotline-map').click();
  await expect(page.getByTestId('hotline-point')).toContainText('110.');
  await page.getByTestId('category-select').getByRole('combobox').focus();
  await page.keyboard.type('0505');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('category-select')).not.toHaveAttribute('data-value', '');
  await page.getByTestId('hotline-description').focus();
  await page.keyboard.type(`e2e hotline ${Date.now()}: 来电反映人行道上有车辆长期停放`);
  await page.keyboard.press('Control+Enter');

  await expect(page.getByTestId('hotline-filed-number')).toHaveText(CASE_NUMBER, { timeout: 15_000 });
  const number = (await page.getByTestId('hotline-filed-number').textContent())!.trim();
  await expect(phoneField).toBeFocused();
  await expect(phoneField).toHaveValue('');
  await screenshot(page, 'hotline-1-filed');

  // The same caller again: the desk lists the case just filed.
  await page.keyboard.type(phone);
  await expect(page.getByTestId(`caller-case-${number}`)).toBeVisible();

  // 2. Accept, file, dispatch (routing), handle, check and close through the API.
  const acceptor = await apiAs(baseURL(), accounts.acceptor);
  const shiftLeader = await apiAs(baseURL(), accounts.shiftLeader);
  const handler = await apiAs(baseURL(), accounts.trafficHandler);
  const patroller = await apiAs(baseURL(), accounts.patroller);
  const history = (await (await acceptor.get('/api/cases/by-caller', { params: { phone } })).json()) as {
    id: string;
    number: string;
    callerPhone: string;
    source: string;
    callbackWanted: boolean;
    addressText: string;
  }[];
  const filed = history.find((item) => item.number === number)!;
  expect([filed.source, filed.callerPhone, filed.callbackWanted, filed.addressText]).toEqual(['hotline', phone, true, '中山路菜市场东门']);
  const id = filed.id;
  await expect.poll(async () => (await getCase(acceptor, id)).allowedActions, { timeout: 15_000 }).toContain('accept');
  await act(acceptor, id, 'accept');
  await act(shiftLeader, id, 'file');
  await waitForState(acceptor, id, 'Dispatched');
  await act(handler, id, 'sign');
  await act(handler, id, 'feedback', { opinion: '已劝离车辆' });
  await act(acceptor, id, 'request-check');
  await act(patroller, id, 'check', { passed: true });
  await act(shiftLeader, id, 'close');

  // A shift leader sees the call list too, the phone masked and no way to record the callback.
  const leader = await openFace(browser, accounts.shiftLeader, /\/command$/, DESKTOP, errors, 'hotline-leader');
  await leader.page.goto('/hotline');
  await expect(leader.page.getByTestId('hotline-tab-callbacks')).toBeVisible({ timeout: 30_000 });
  await expect(leader.page.getByTestId('hotline-tab-desk')).toHaveCount(0);
  const leaderRow = leader.page.getByTestId(`callback-row-${number}`);
  await expect(leaderRow.getByTestId('callback-phone')).toHaveText(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  await expect(leaderRow.getByTestId(`callback-open-${number}`)).toHaveCount(0);

  // 3. The call list: the acceptor calls back, the caller is not satisfied.
  await page.keyboard.press('Alt+H');
  const row = page.getByTestId(`callback-row-${number}`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row.getByTestId('callback-phone')).toHaveText(phone);
  await row.getByTestId(`callback-open-${number}`).click();
  await row.getByTestId('callback-satisfied-no').check();
  await row.getByTestId('callback-words').focus();
  await page.keyboard.type('车辆又停回来了，不满意');
  await page.keyboard.press('Control+Enter');

  const outcome = page.getByTestId('callback-outcome');
  await expect(outcome).toHaveAttribute('data-state', 'Handling');
  await expect(outcome).toHaveAttribute('data-rework', '1');
  await expect(outcome).toHaveAttribute('data-department', 'xs-traffic');
  await expect(outcome).toContainText('返工');
  await expect(row).toHaveCount(0);
  await screenshot(page, 'hotline-2-reopened');

  const reopened = (await (await acceptor.get(`/api/cases/${id}`)).json()) as {
    state: string;
    reworkCount: number;
    department: { key: string };
    trace: { code: string; departmentKey: string; opinion: string }[];
  };
  expect([reopened.state, reopened.reworkCount, reopened.department.key]).toEqual(['Handling', 1, 'xs-traffic']);
  expect(reopened.trace.at(-1)).toMatchObject({ code: 'callback.unsatisfied', departmentKey: 'xs-traffic', opinion: '车辆又停回来了，不满意' });
  expect((await getCase(handler, id)).allowedActions).toContain('feedback');
  expect(errors).toEqual([]);
});

test('the desk fits a 375 px phone', async ({ browser }) => {
  const errors: string[] = [];
  const { page } = await openFace(browser, accounts.acceptor, /\/command$/, PHONE, errors, 'hotline-phone');
  await page.goto('/hotline');
  await expect(page.getByTestId('hotline-caller-phone')).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(page, 'hotline-3-phone');

  expect(errors).toEqual([]);
});
