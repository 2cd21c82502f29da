import type { Browser, BrowserContext, Page } from '@playwright/test';
import { collectConsoleErrors } from './console-errors';
import { signIn } from './sign-in';

export const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;
export const DESKTOP = { viewport: { width: 1440, height: 900 } } as const;
export const WALL = { viewport: { width: 1920, height: 1080 } } as const;

export interface Face {
  context: BrowserContext;
  page: Page;
}

/** A browser context of its own, signed in as `userName`, its console errors collected into `errors`. */
export async function openFace(
  browser: Browser,
  userName: string,
  landing: RegExp,
  options: Parameters<Browser['newContext']>[0],
  errors: string[],
  label: string,
): Promise<Face> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  collectConsoleErrors(page, label, errors);
  await signIn(page, userName, landing);
  return { context, page };
}
