import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { collectConsoleErrors } from '../support/console-errors';
import { accounts } from '../support/env';
import { openFace, PHONE } from '../support/faces';
import { screenshot } from '../support/screenshots';

/** The administrator's page is a desktop page that must work from 1280 px on. */
const DESK = { viewport: { width: 1280, height: 900 } } as const;

/** Opens an antd Select and picks the option with the given test id. */
async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.getByTestId(select).click();
  await page.getByTestId(option).click();
}

test('an administrator creates a patroller, who signs in, is made to set a new password and lands on the patrol page', async ({ browser }) => {
  // Two browser contexts and two first page loads: more room than the full loop has, for a busy machine.
  test.setTimeout(240_000);
  const errors: string[] = [];
  // Unique per run: a host kept between runs still has the accounts of earlier ones.
  const userName = `e2e.p${Date.now().toString(36)}`;
  const displayName = '测试监督员';

  const { context: adminContext, page } = await openFace(browser, accounts.admin, /\/admin$/, DESK, errors, 'admin');
  await expect(page.getByTestId('admin-title')).toHaveText('系统管理', { timeout: 30_000 });
  await page.getByTestId('admin-tab-accounts').click();
  // The first page of accounts: a busy machine gets the room admin.spec gives a first load.
  await expect(page.getByTestId(`account-row-${accounts.admin}`)).toBeVisible({ timeout: 30_000 });

  await page.getByTestId('account-new').click();
  await page.getByTestId('account-username').fill(userName);
  await page.getByTestId('account-display-name').fill(displayName);
  await choose(page, 'account-roles', 'account-role-option-patroller');
  await page.keyboard.press('Escape');
  await page.getByTestId('account-phone').fill('0773-2800000');
  // The form suggests a password that meets the policy; the administrator passes it on.
  const initial = await page.getByTestId('account-password').inputValue();
  expect(initial).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
  const posted = page.waitForResponse((response) => response.url().endsWith('/api/admin/users') && response.request().method() === 'POST');
  await page.getByTestId('account-save').click();
  expect((await posted).status()).toBe(201);
  await expect(page.getByTestId('account-form')).toHaveCount(0);

  await page.getByTestId('accounts-search').getByRole('searchbox').fill(userName);
  await page.getByTestId('accounts-search').getByRole('searchbox').press('Enter');
  await expect(page.getByTestId(`account-status-${userName}`)).toHaveAttribute('data-status', 'mustChange', { timeout: 30_000 });
  await screenshot(page, 'accounts-created');

  // The new patroller, on a phone: the first sign-in goes to the new-password page, and nothing else answers before it.
  const personContext = await browser.newContext(PHONE);
  const person = await personContext.newPage();
  collectConsoleErrors(person, 'patroller', errors);
  await person.goto('/login');
  await person.getByTestId('login-username').fill(userName);
  await person.getByTestId('login-password').fill(initial);
  await person.getByTestId('login-submit').click();
  await expect(person).toHaveURL(/\/password$/, { timeout: 30_000 });
  await expect(person.getByTestId('password-title')).toHaveText('设置新密码');
  const gated = await person.request.get('/api/cases/mine');
  expect(gated.status()).toBe(403);
  expect(((await gated.json()) as { code: string }).code).toBe('password_change_required');
  await screenshot(person, 'accounts-set-password');

  await person.getByTestId('password-current').fill(initial);
  await person.getByTestId('password-new').fill('Own-pass-2027');
  await person.getByTestId('password-confirm').fill('Own-pass-2027');
  await person.getByTestId('password-submit').click();

  await expect(person).toHaveURL(/\/patrol$/, { timeout: 30_000 });
  await expect(person.getByTestId('current-user')).toContainText(displayName);
  expect((await person.request.get('/api/cases/mine')).status()).toBe(200);

  // The administrator's list shows the account active, signed in.
  await page.getByTestId('accounts-refresh').click();
  await expect(page.getByTestId(`account-status-${userName}`)).toHaveAttribute('data-status', 'active', { timeout: 30_000 });
  await expect(page.getByTestId(`account-row-${userName}`)).not.toContainText('从未登录');

  await personContext.close();
  await adminContext.close();
  expect(errors).toEqual([]);
});
