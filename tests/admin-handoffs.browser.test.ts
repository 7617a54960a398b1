/**
 * Hand-offs and unanswered questions in Debian Chromium, with screenshots: an operator takes a hand-off and the
 * reply reaches the Telegram stub; an editor turns an unanswered question into an example and the bot answers
 * it; both pages at phone size.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { handoffRig, type HandoffRig } from './admin-handoffs-rig.ts';
import { launchChromium, screenshotDir, signIn, watch } from './browser.ts';
import { textMessage } from './helpers.ts';

const SHOTS = screenshotDir('handoff-screens-');

let rig: HandoffRig;
let browser: Browser;
before(async () => {
  rig = await handoffRig();
  await rig.createStaff('truc', 'admin');
  browser = await launchChromium();
  console.log(`# screenshots in ${SHOTS}`);
});
after(async () => {
  await browser?.close();
  await rig?.close();
});

const signInTruc = (page: Page): Promise<void> => signIn(page, rig.adminBase, 'truc', `${rig.adminBase}/admin`);

test('an operator takes a hand-off, reads the conversation and the reply reaches the Telegram stub', async () => {
  const chat = 8080;
  await rig.telegram.send(rig.telegram.text(chat, 'Cho tôi gặp cán bộ, tôi hỏi về hồ sơ đất'));
  await rig.drain();
  const page = await browser.newPage();
  const problems = watch(page);
  page.on('dialog', (d) => void d.accept());
  await signInTruc(page);
  assert.equal((await page.locator('[data-badge="handoffs"]').innerText()).replace(/\D/g, ''), '1');
  await page.getByRole('link', { name: /Cần cán bộ/ }).click();
  await page.screenshot({ path: join(SHOTS, 'handoffs-list.png'), fullPage: true });
  await page.locator('table a').first().click();
  await page.getByRole('button', { name: 'Nhận xử lý' }).click();
  await page.waitForURL(/done=taken/);
  assert.match(await page.locator('main').innerText(), /tôi hỏi về hồ sơ đất/);
  const reply = 'Chào bạn, tôi là cán bộ một cửa. Bạn mang sổ đỏ bản chính đến bộ phận một cửa nhé.';
  await page.getByLabel('Nội dung trả lời').fill(reply);
  await page.getByRole('button', { name: 'Gửi trả lời' }).click();
  await page.waitForURL(/done=sent/);
  await page.screenshot({ path: join(SHOTS, 'handoff-replied.png'), fullPage: true });
  await rig.drain();
  assert.equal(rig.telegram.sentTo(chat).at(-1)?.text, reply);

  await page.getByRole('button', { name: 'Xong, trả lại cho trợ lý' }).click();
  await page.waitForURL(/done=released/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an editor turns an unanswered question into an example, publishes, and the bot now answers it', async () => {
  const text = 'tấm thẻ nhựa gắn chíp của tôi bị gãy đôi';
  const [before] = await rig.product.bot.handle(textMessage(text, 'b-1'));
  assert.doesNotMatch(before?.text ?? '', /^Thẻ căn cước/);
  // The clarification's options expire unanswered: it counts as a question nobody's options fitted.
  await rig.database.db.updateTable('unanswered').set({ created_at: new Date(Date.now() - 40 * 60_000).toISOString() }).execute();

  const page = await browser.newPage();
  const problems = watch(page);
  await signInTruc(page);
  await page.goto(`${rig.adminBase}/admin/unanswered`);
  const card = page.locator('li.card', { hasText: text });
  await card.getByLabel('Thêm làm câu ví dụ cho mục').selectOption('can-cuoc');
  await page.screenshot({ path: join(SHOTS, 'unanswered.png'), fullPage: true });
  await card.getByRole('button', { name: 'Thêm và xuất bản' }).click();
  await page.waitForURL(/done=published/);
  assert.match(await page.locator('[role="status"]').first().innerText(), /xuất bản/);
  await rig.product.live.idle();
  const [after] = await rig.product.bot.handle(textMessage(text, 'b-2'));
  assert.match(after?.text ?? '', /căn cước/i);
  assert.deepEqual(problems, []);
  await page.close();
});

test('both pages fit a phone and every field has a label', async () => {
  await rig.telegram.send(rig.telegram.text(9090, 'gặp cán bộ'));
  await rig.drain();
  await rig.product.bot.handle(textMessage('công thức nấu phở bò tái nạm', 'b-3'));
  const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  await signInTruc(page);
  const handoff = await rig.handoffOf('telegram', '9090');
  for (const [path, shot] of [['/admin/unanswered', 'phone-unanswered.png'], ['/admin/handoffs', 'phone-handoffs.png'], [`/admin/handoffs/${handoff!.id}`, 'phone-handoff.png']] as const) {
    await page.goto(`${rig.adminBase}${path}`);
    await page.screenshot({ path: join(SHOTS, shot), fullPage: true });
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(Number(overflow) <= 1, `${path} overflows by ${String(overflow)}px`);
    const unlabelled = await page.evaluate(`[...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')].filter((f) => !(f.labels && f.labels.length)).length`);
    assert.equal(unlabelled, 0, `${path}: fields without a label`);
  }
  await page.close();
});
