import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import type { Hono } from 'hono';
import { listen, TEST_PASSWORD } from './admin-rig.ts';

// Debian's chromium (tests/install-deps.sh); playwright's own browser downloads are not used.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Headless Debian Chromium (CHROMIUM_PATH to use another), with no network chatter of its own. */
export function launchChromium(): Promise<Browser> {
  // A machine set up without tests/install-deps.sh fails here: say how to fix it, not only that a file is missing.
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run \`bash tests/install-deps.sh\` (Debian's chromium) or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** Where a browser test saves its screenshots: SCREENSHOT_DIR, or a new temporary folder named `prefix`…. */
export function screenshotDir(prefix: string): string {
  return process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), prefix));
}

/** The page's script errors and the console messages `keep` accepts (by default console errors), as they come. */
export function watch(page: Page, keep: (message: ConsoleMessage) => boolean = (m) => m.type() === 'error'): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (keep(m)) problems.push(m.text());
  });
  return problems;
}

/** Signs in through the log-in form with the keyboard, as staff would, and waits for `landing` (the dashboard). */
export async function signIn(page: Page, base: string, username: string, landing: string | RegExp = /\/admin$/): Promise<void> {
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(landing);
}

/** `app` served on a loopback port and a Chromium to open it with; `close` closes the browser, then the server. */
export async function serveForBrowser(app: Pick<Hono, 'fetch'>): Promise<{ base: string; browser: Browser; close: () => Promise<void> }> {
  const server = await listen(app);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    base: server.base,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
