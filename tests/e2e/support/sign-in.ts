import { expect, type Page } from '@playwright/test';
import { demoPassword } from './env';

/** Signs in through the login form and waits for the role's landing page. */
export async function signIn(page: Page, userName: string, landing: RegExp, password = demoPassword()): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(userName);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(landing);
}
