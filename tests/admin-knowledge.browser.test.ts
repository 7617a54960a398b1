/**
 * The knowledge editor in Debian Chromium: log in, edit an answer, watch the SMS count follow the typing, try the
 * draft, publish, and see the web chat's reply change; then the same pages on a phone-sized screen. Measures how
 * long the publish takes to reach the bot and each page's weight.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { countSms } from '../admin/assets/knowledge-sms-count.ts';
import { knowledgeRig, type KnowledgeRig } from './admin-knowledge-rig.ts';
import { screenshotDir, serveForBrowser, signIn, watch } from './browser.ts';

const SHOTS = screenshotDir('kb-screens-');

let rig: KnowledgeRig;
let browser: Browser;
let base: string;
let close: () => Promise<void>;

before(async () => {
  rig = await knowledgeRig();
  await rig.createStaff('bien-tap', 'editor');
  ({ base, browser, close } = await serveForBrowser(rig.app));
  console.log(`# screenshots in ${SHOTS}`);
});
after(async () => {
  await close?.();
  await rig.assembly.live.idle();
  await rig.cleanup();
});

const logIn = (page: Page): Promise<void> => signIn(page, base, 'bien-tap');

/** Bytes the page transferred: the document and everything it loaded (as served, uncompressed here). */
async function pageWeight(page: Page, url: string): Promise<number> {
  let bytes = 0;
  const count = (response: import('playwright-core').Response) => {
    void response.body().then((b) => (bytes += b.length), () => undefined);
  };
  page.on('response', count);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  page.off('response', count);
  return bytes;
}

async function askChat(page: Page, text: string): Promise<string> {
  const before = await page.locator('.msg.bot').count();
  await page.getByLabel(/Nhập câu hỏi|Tin nhắn|Câu hỏi/).fill(text);
  await page.keyboard.press('Enter');
  // A locator wait, not a string predicate: the page's CSP forbids evaluating strings (no 'unsafe-eval').
  await page.locator('.msg.bot').nth(before).waitFor();
  return page.locator('.msg.bot').last().innerText();
}

test('edit an answer, see the SMS count live, try it, publish, and the web chat answers with it', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = watch(page);
  await logIn(page);
  await page.getByRole('link', { name: 'Kiến thức' }).click();
  await page.waitForURL(/\/admin\/knowledge$/);
  await page.getByLabel('Tìm (có dấu hay không dấu đều được)').fill('ho chieu');
  await page.keyboard.press('Enter');
  await page.waitForURL(/q=ho\+chieu/);
  await page.screenshot({ path: join(SHOTS, 'list-search.png'), fullPage: true });
  await page.getByRole('link', { name: /hộ chiếu/i }).first().click();
  await page.waitForURL(/\/admin\/knowledge\/ho-chieu$/);

  // The counter follows the typing with the SMS renderer's own folding and segment rules.
  const sms = page.getByLabel('Câu trả lời SMS');
  const typed = 'Làm hộ chiếu tại Phòng Quản lý xuất nhập cảnh Công an thành phố, hoặc nộp trực tuyến trên VNeID. Lệ phí theo quy định; gọi {{hotline}} để hỏi thêm về giấy tờ cần mang theo khi đến nộp hồ sơ.';
  await sms.fill(typed);
  const expected = countSms(typed, { hotline: '0292 000 0000' });
  await page.locator('#sms-count').filter({ hasText: `${expected.units} ký tự khi bỏ dấu · ${expected.segments} tin SMS` }).waitFor();
  assert.equal(expected.segments, 2);
  await sms.fill('Ngắn gọn');
  await page.locator('#sms-count').filter({ hasText: '8 ký tự khi bỏ dấu · 1 tin SMS' }).waitFor();
  await sms.fill(typed);

  const marker = `Đã cập nhật ${Date.now() % 100000}`;
  const answer = page.getByLabel('Câu trả lời đầy đủ');
  await answer.fill(`${marker}. Hộ chiếu phổ thông làm tại Công an cấp tỉnh hoặc trực tuyến.`);
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await page.waitForURL(/done=saved/);
  assert.match(await page.locator('.notice').innerText(), /Đã lưu bản nháp/);

  // "Thử câu hỏi" answers from the draft, in place.
  await page.getByLabel('Câu hỏi của người dân').fill('làm hộ chiếu ở đâu');
  await page.getByRole('button', { name: 'Thử', exact: true }).click();
  await page.locator('#try-result .channel').first().waitFor({ timeout: 30_000 });
  assert.match(await page.locator('#try-result').innerText(), new RegExp(marker));
  await page.screenshot({ path: join(SHOTS, 'edit-try.png'), fullPage: true });

  const chat = await browser.newPage({ viewport: { width: 390, height: 800 } });
  await chat.goto(`${base}/chat`);
  await chat.locator('.msg.bot').first().waitFor();
  const question = 'làm hộ chiếu ở đâu vậy';
  const beforeReply = await askChat(chat, question);
  assert.doesNotMatch(beforeReply, new RegExp(marker));

  await page.getByRole('link', { name: 'Xuất bản', exact: true }).click();
  await page.waitForURL(/\/admin\/knowledge\/publish$/);
  await page.screenshot({ path: join(SHOTS, 'publish.png'), fullPage: true });
  page.once('dialog', (d) => void d.accept());
  const started = performance.now();
  await page.getByRole('button', { name: /Xuất bản tất cả/ }).click();
  await page.waitForURL(/done=published/);
  let reply = '';
  for (let attempt = 0; attempt < 40; attempt++) {
    reply = await askChat(chat, question);
    if (reply.includes(marker)) break;
    await chat.waitForTimeout(250);
  }
  const ms = performance.now() - started;
  assert.match(reply, new RegExp(marker));
  console.log(`# browser: publish click to changed web chat reply: ${ms.toFixed(0)} ms`);
  await chat.screenshot({ path: join(SHOTS, 'chat-after-publish.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('phone-sized pages: every field labelled, nothing wider than the screen; page weights', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const problems = watch(page);
  await logIn(page);
  const weights: string[] = [];
  for (const [name, path] of [['list', '/admin/knowledge'], ['edit', '/admin/knowledge/can-cuoc'], ['new', '/admin/knowledge/new'], ['versions', '/admin/knowledge/ho-chieu/versions'], ['publish', '/admin/knowledge/publish'], ['transfer', '/admin/knowledge/transfer']] as const) {
    const bytes = await pageWeight(page, `${base}${path}`);
    weights.push(`${name} ${(bytes / 1024).toFixed(1)} KiB`);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(Number(overflow) <= 1, `${path} is wider than the phone by ${String(overflow)} px`);
    const unlabelled = await page.evaluate(`[...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).map((el) => el.name || el.id)`);
    assert.deepEqual(unlabelled, [], `${path}: fields without a label`);
    await page.screenshot({ path: join(SHOTS, `phone-${name}.png`), fullPage: true });
  }
  console.log(`# page weight (document + css + js): ${weights.join(', ')}`);
  // Keyboard alone: the skip link first, then the try box answers from Enter.
  await page.goto(`${base}/admin/knowledge/can-cuoc`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate('document.activeElement.textContent.trim()'), 'Bỏ qua điều hướng');
  await page.getByLabel('Câu hỏi của người dân').focus();
  await page.keyboard.type('cccd hết hạn đổi ở đâu');
  await page.keyboard.press('Enter');
  await page.locator('#try-result .channel').first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: join(SHOTS, 'phone-try.png'), fullPage: true });
  assert.deepEqual(problems, []);
});
