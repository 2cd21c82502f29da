import { test as base, expect } from '@playwright/test';
import { watchCsp } from './csp';

/**
 * Playwright's `test` with one automatic fixture: every browser context a test opens (its own `context` and any made
 * with `browser.newContext`) is watched for Content-Security-Policy violations, and a test that caused one fails.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ browser, context }, use) => {
      const seen: string[] = [];
      await watchCsp(context, seen);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const created = await newContext(options);
        await watchCsp(created, seen);
        return created;
      };
      try {
        await use(seen);
      } finally {
        browser.newContext = newContext;
      }
      expect(seen, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
