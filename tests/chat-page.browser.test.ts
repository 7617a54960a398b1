import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { startWebChat } from './webchat-rig.ts';

// The callbacks given to evaluate() run in the browser; this file compiles without the DOM library, so it names
// the little of the DOM it touches.
interface Box { readonly top: number; readonly bottom: number; readonly left: number; readonly width: number; readonly height: number }
interface PageElement { getBoundingClientRect(): Box; getAttribute(name: string): string | null }
declare const document: {
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  querySelector(selector: string): PageElement | null;
  getElementById(id: string): PageElement | null;
  elementFromPoint(x: number, y: number): unknown;
};
declare const localStorage: { getItem(key: string): string | null };

// A phone-sized window: where a long answer is several screens tall.
const PHONE = { width: 390, height: 700 };

let chat: Awaited<ReturnType<typeof startWebChat>>;
let browser: Browser;

before(async () => {
  chat = await startWebChat();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await chat.close();
});

/** A fresh browser profile (its own localStorage: its own resident) with page errors collected. */
async function resident(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${chat.base}/chat`);
  return { context, page, errors };
}

const bots = (page: Page) => page.locator('.msg.bot');
const liveButtons = (page: Page) => page.locator('.msg.bot .choices button:enabled');

/** Is the top edge of the element inside the visible part of the chat log? */
async function topIsVisible(page: Page, selector: string, index: number): Promise<boolean> {
  return page.evaluate(
    ([sel, i]) => {
      const element = document.querySelectorAll(sel)[i as number]!;
      const log = document.getElementById('log')!.getBoundingClientRect();
      const top = element.getBoundingClientRect().top;
      return top >= log.top - 1 && top < log.bottom - 20;
    },
    [selector, index] as const,
  );
}

test('a new resident is greeted without a message they never typed; the page has a favicon', async () => {
  const { context, page, errors } = await resident();
  await liveButtons(page).first().waitFor();
  assert.match(await bots(page).first().innerText(), /Xin chào/);
  assert.equal(await page.locator('.msg.me').count(), 0, 'no "Xin chào" bubble from the resident');
  assert.match(await liveButtons(page).first().innerText(), /^1\. Hộ tịch/);
  const icon = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="icon"]')?.getAttribute('href') ?? '';
    const res = await fetch(href);
    return { status: res.status, type: res.headers.get('content-type') };
  });
  assert.deepEqual(icon, { status: 200, type: 'image/svg+xml' });
  const id = await page.evaluate(() => localStorage.getItem('chatClientId'));
  assert.match(id ?? '', /^[A-Za-z0-9_-]{22}$/, '128 random bits, URL-safe');
  assert.deepEqual(errors, []);
  await context.close();
});

test('tapping a menu retires the old buttons; the send button waits for the answer; a reload keeps the conversation', async () => {
  const { context, page, errors } = await resident();
  await liveButtons(page).first().waitFor();
  const greetingButtons = bots(page).nth(0).locator('.choices button');

  // Hold the answer back so the pending state can be seen.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/chat', async (route) => {
    await held;
    await route.continue();
  });
  await greetingButtons.first().click();
  await page.locator('.msg.me').first().waitFor();
  assert.equal(await page.locator('#send').isDisabled(), true, 'send is disabled while the request is pending');
  assert.equal(await greetingButtons.first().isDisabled(), true, 'no second tap while pending');
  await page.fill('#text', 'lam ho chieu');
  await page.press('#text', 'Enter');
  assert.equal(await page.locator('.msg.me').count(), 1, 'Enter while pending sends nothing');
  release();
  await bots(page).nth(1).locator('.choices button').first().waitFor();
  await page.unroute('**/api/chat');
  assert.equal(await page.locator('#send').isEnabled(), true, 'enabled again once the answer came');
  assert.equal(await page.inputValue('#text'), 'lam ho chieu', 'what was typed meanwhile is kept');
  for (const button of await greetingButtons.all()) assert.equal(await button.isDisabled(), true, 'the greeting menu acts on a stale state');

  await bots(page).nth(1).locator('.choices button').filter({ hasText: 'Đăng ký khai sinh' }).click();
  await bots(page).nth(2).waitFor();
  assert.match(await bots(page).nth(2).innerText(), /khai sinh/i);
  // Each bubble's own words (its buttons aside): [who, text].
  const conversation = () => page.locator('.msg').evaluateAll((all) => all.map((m) => [m.className, m.firstChild?.textContent ?? '']));
  const before = await conversation();

  await page.reload();
  await bots(page).nth(2).waitFor();
  assert.deepEqual(await conversation(), before, 'the same conversation after a reload');
  assert.equal(await page.locator('.msg.me').first().innerText(), 'Hộ tịch, chứng thực, lý lịch tư pháp');
  assert.equal(await page.locator('.msg.bot .choices button').count(), 0, 'old menus come back without buttons');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the start of a long answer is in view when it arrives, and the menu under a short one is reachable', async () => {
  const { context, page, errors } = await resident();
  await liveButtons(page).first().waitFor();
  // Fill the log first, so a jump to the end would carry the answer's start out of view.
  for (const question of ['làm hộ chiếu hết bao nhiêu tiền', 'đăng ký thường trú cần gì']) {
    const count = await bots(page).count();
    await page.fill('#text', question);
    await page.press('#text', 'Enter');
    await bots(page).nth(count).waitFor();
  }
  const count = await bots(page).count();
  await page.fill('#text', 'đăng ký khai sinh cho con cần giấy tờ gì');
  await page.press('#text', 'Enter');
  await bots(page).nth(count).waitFor();
  const answer = bots(page).nth(count);
  const height = (await answer.boundingBox())!.height;
  assert.ok(height > PHONE.height, `a long answer (${Math.round(height)} px) for this check`);
  assert.ok(await topIsVisible(page, '.msg.bot', count), 'the first line of the new answer is visible');
  await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? '/tmp'}/chat-page-long-answer.png` });

  const menuAt = await bots(page).count();
  await page.fill('#text', 'giúp tôi');
  await page.press('#text', 'Enter');
  await bots(page).nth(menuAt).locator('.choices button').first().waitFor();
  assert.ok(await topIsVisible(page, '.msg.bot', menuAt), 'the menu starts in view');
  const lastButton = bots(page).nth(menuAt).locator('.choices button').last();
  await lastButton.scrollIntoViewIfNeeded();
  // Reachable: after scrolling, the button itself is what a finger lands on (not the composer or the page edge).
  const onTop = await lastButton.evaluate((button) => {
    const box = button.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit === button || button.contains(hit);
  });
  assert.ok(onTop, 'the last option can be tapped');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a report filed on the page: the status change staff make appears on the page by itself', async () => {
  const { context, page, errors } = await resident();
  await liveButtons(page).first().waitFor();
  const id = (await page.evaluate(() => localStorage.getItem('chatClientId')))!;
  // Filed through the same API the page uses, as this resident; the page then only listens.
  const { code } = await chat.fileReport(id);
  await page.reload();
  await page.locator('.msg.bot', { hasText: `mã ${code}` }).waitFor();

  await chat.product.reportService.changeStatus(code, { status: 'resolved', note: 'Đã thay bóng đèn mới.', actor: 'staff:test' });
  const update = page.locator('.msg.bot', { hasText: `Cập nhật phản ánh ${code}` });
  await update.waitFor({ timeout: 15_000 });
  assert.match(await update.innerText(), /Đã thay bóng đèn mới/);
  assert.ok(await topIsVisible(page, '.msg.bot', (await bots(page).count()) - 1), 'the update is scrolled into view');

  await page.reload();
  await update.waitFor();
  assert.equal(await update.count(), 1, 'after a reload it is in the history, shown once');
  await page.waitForTimeout(6000);
  assert.equal(await update.count(), 1, 'the next poll does not repeat it');
  assert.deepEqual(errors, []);
  await context.close();
});
