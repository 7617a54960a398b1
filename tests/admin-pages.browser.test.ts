/** The staff workspace in Debian Chromium: first log-in with the one-time password, forced change, dashboard, log-out; phone size. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureFirstAdmin } from '../admin/bootstrap.ts';
import { adminRig, type AdminRig } from './admin-rig.ts';
import { screenshotDir, serveForBrowser, watch } from './browser.ts';

const SHOTS = screenshotDir('admin-screens-');

let rig: AdminRig;
let browser: Browser;
let base: string;
let close: () => Promise<void>;
let oneTime: string;

before(async () => {
  rig = await adminRig();
  const outcome = await ensureFirstAdmin(rig.stores, {}, rig.config.passwordIterations);
  assert.ok(outcome.created && outcome.oneTimePassword);
  oneTime = outcome.oneTimePassword;
  ({ base, browser, close } = await serveForBrowser(rig.app));
  console.log(`# screenshots in ${SHOTS}`);
});
after(async () => {
  await close?.();
  await rig.cleanup();
});

// The wrong password on purpose answers 400; Chromium reports that status on the console.
const watchBut400 = (page: Page): string[] => watch(page, (m) => m.type() === 'error' && !/status of 400/.test(m.text()));

test('first log-in: one-time password, forced change, dashboard, log-out (keyboard only)', async () => {
  const page = await browser.newPage();
  const problems = watchBut400(page);
  await page.goto(`${base}/admin`);
  assert.match(page.url(), /\/admin\/login\?next=%2Fadmin$/);
  await page.screenshot({ path: join(SHOTS, 'login.png'), fullPage: true });

  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill('sai mật khẩu');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /không đúng/);

  await page.getByLabel('Mật khẩu').fill(oneTime);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/admin\/password$/);
  assert.match(await page.locator('.notice').innerText(), /mật khẩu dùng một lần/);
  await page.getByLabel('Mật khẩu hiện tại').fill(oneTime);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('bến Ninh Kiều lúc sáng sớm');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('bến Ninh Kiều lúc sáng sớm');
  await page.screenshot({ path: join(SHOTS, 'password-change.png'), fullPage: true });
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/admin$/);
  assert.equal(await page.locator('h1').innerText(), 'Tổng quan');
  assert.equal(await page.locator('nav a[aria-current="page"]').innerText(), 'Tổng quan');
  const nav = await page.locator('nav').innerText();
  for (const item of ['Kiến thức', 'Câu hỏi chưa trả lời', 'Cần cán bộ', 'Phản ánh', 'Nhật ký', 'Tài khoản', 'Đăng xuất']) assert.match(nav, new RegExp(item));
  await page.screenshot({ path: join(SHOTS, 'dashboard.png'), fullPage: true });

  // The skip link is the first thing the keyboard reaches.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate('document.activeElement && document.activeElement.textContent'), 'Bỏ qua điều hướng');

  await page.getByRole('button', { name: 'Đăng xuất' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/admin\/login$/);
  await page.goto(`${base}/admin/accounts`);
  assert.match(page.url(), /\/admin\/login\?next=/);
  assert.deepEqual(problems, [], 'no script errors or CSP violations');
  await page.close();
});

test('phone-sized screen: the accounts and audit pages fit without sideways scrolling of the page', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const problems = watchBut400(page);
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill('bến Ninh Kiều lúc sáng sớm');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/admin$/);
  for (const [path, name] of [['/admin/accounts', 'accounts'], ['/admin/audit', 'audit'], ['/admin', 'dashboard']] as const) {
    await page.goto(`${base}${path}`);
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: join(SHOTS, `phone-${name}.png`), fullPage: true });
    // Evaluated in the page (strings: this project's TypeScript has no DOM library).
    const unlabelled = Number(await page.evaluate(`[...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter((el) => !el.labels || el.labels.length === 0).length`));
    assert.equal(unlabelled, 0, `every field on ${path} has a label`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
