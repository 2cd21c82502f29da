import { expect, test } from '../support/test';
import { accounts } from '../support/env';
import { signIn } from '../support/sign-in';

test('a wrong password shows an error and stays on the login page', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(accounts.patroller);
  await page.getByTestId('login-password').fill('not-the-password-1');
  await page.getByTestId('login-submit').click();

  await expect(page.getByTestId('login-error')).toHaveText('用户名或密码错误');
  await expect(page).toHaveURL(/\/login$/);
});

test('the language switch turns the interface to English and is remembered', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByTestId('login-title')).toHaveText('登录');
  await expect(page.getByTestId('login-submit')).toHaveText(/登\s*录/);

  await page.getByTestId('language-en').click();

  await expect(page.getByTestId('login-title')).toHaveText('Sign in');
  await expect(page.getByTestId('login-submit')).toHaveText('Sign in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByTestId('login-title')).toHaveText('Sign in');

  await signIn(page, accounts.patroller, /\/patrol$/);
  await expect(page.getByTestId('logout')).toContainText('Sign out');
  await expect(page.getByTestId('tab-mine')).toHaveText('My reports');

  await page.getByTestId('language-zh').click();
  await expect(page.getByTestId('tab-mine')).toHaveText('我的上报');
});
