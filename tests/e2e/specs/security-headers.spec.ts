import { accounts } from '../support/env';
import { signIn } from '../support/sign-in';
import { expect, test } from '../support/test';

/** Each face of the product loads under its Content-Security-Policy with nothing refused (the fixture checks). */
for (const [userName, landing] of [
  [accounts.patroller, /\/patrol$/],
  [accounts.trafficHandler, /\/board$/],
  [accounts.dispatcher, /\/command$/],
  [accounts.admin, /\/admin$/],
] as const) {
  test(`the page of ${userName} runs under the policy without a violation`, async ({ page, cspViolations }) => {
    const response = await page.goto('/login');
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');

    await signIn(page, userName, landing);
    await page.waitForLoadState('networkidle');

    expect(cspViolations).toEqual([]);
  });
}

test('an inline script is refused, and the refusal is recorded', async ({ page, cspViolations }) => {
  // The watch itself is checked: a page that breaks the policy on purpose is seen breaking it.
  await page.goto('/login');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__ran = true';
    document.body.appendChild(script);
  });

  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
  // Seen and refused as it should be: not a violation of this test's own making to report.
  cspViolations.length = 0;
});
