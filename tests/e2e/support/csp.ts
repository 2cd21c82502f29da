import type { BrowserContext } from '@playwright/test';

/**
 * Records Content-Security-Policy violations of every page of `context` into `into`: the page's own
 * `securitypolicyviolation` events (reported to the console by an init script) and the browser's "Refused to …"
 * console messages, which name what was blocked.
 */
export async function watchCsp(context: BrowserContext, into: string[]): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  context.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && (text.startsWith('CSP violation:') || text.includes('Content Security Policy'))) {
      into.push(`${text} (${message.page()?.url() ?? 'no page'})`);
    }
  });
}
