import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, type Page } from '@playwright/test';

const folder = fileURLToPath(new URL('../results/screenshots/', import.meta.url));

/** Saves a screenshot under results/screenshots/ and attaches it to the test's report. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const path = `${folder}${name}.png`;
  await page.screenshot({ path, fullPage });
  await test.info().attach(name, { path, contentType: 'image/png' });
}
