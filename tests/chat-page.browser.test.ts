import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { assembledProduct, startServer } from './helpers.ts';

// Debian's chromium (tests/install-deps.sh); playwright's own browser downloads are not used.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let product: Awaited<ReturnType<typeof assembledProduct>>;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let base: string;

before(async () => {
  product = await assembledProduct();
  server = await startServer(product.bot);
  base = server.base;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
});
after(async () => {
  await browser?.close();
  await server.close();
  await product.cleanup();
});

test('a resident chats in the browser: greeting menu, tapping options, typing a question', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/chat`);

  const firstOption = page.locator('.msg.bot .choices button').first();
  await firstOption.waitFor();
  assert.match(await page.locator('.msg.bot').first().innerText(), /Xin chào/);
  assert.match(await firstOption.innerText(), /^1\. Hộ tịch/);

  await firstOption.click();
  const sectionButtons = page.locator('.msg.bot').nth(1).locator('.choices button');
  await sectionButtons.first().waitFor();
  const birth = sectionButtons.filter({ hasText: 'Đăng ký khai sinh' });
  await birth.click();
  await page.locator('.msg.bot').nth(2).waitFor();
  assert.match(await page.locator('.msg.bot').nth(2).innerText(), /khai sinh/i);

  await page.fill('#text', 'lam ho chieu het bao nhieu tien');
  await page.press('#text', 'Enter');
  await page.locator('.msg.bot').nth(3).waitFor();
  assert.match(await page.locator('.msg.bot').nth(3).innerText(), /hộ chiếu/i);
  await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? '/tmp'}/chat-page.png`, fullPage: true });
  assert.deepEqual(errors, []);
});
