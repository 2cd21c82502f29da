import type { Page } from '@playwright/test';

/** Collects console errors and uncaught exceptions of a page, labelled with the page's role. */
export function collectConsoleErrors(page: Page, label: string, into: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') into.push(`[${label}] console: ${message.text()} (${page.url()})`);
  });
  page.on('pageerror', (error) => into.push(`[${label}] page error: ${error.message}`));
}
