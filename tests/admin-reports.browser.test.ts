/**
 * The reports board and the dashboard in Debian Chromium: an operator triages a report and the resident's
 * notification is in the outbox (and reaches the Telegram stub); the dashboard draws its charts with uPlot under
 * the strict CSP with no console error; both pages on a phone-sized screen. Prints the page weights.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Report } from '../bot/reports/types.ts';
import { reportsRig, type ReportsRig } from './admin-reports-rig.ts';
import { screenshotDir, serveForBrowser, signIn, watch } from './browser.ts';

const SHOTS = screenshotDir('admin-reports-screens-');
const CHAT = 92001;

let rig: ReportsRig;
let browser: Browser;
let base: string;
let close: () => Promise<void>;
let filed: Report;

before(async () => {
  rig = await reportsRig();
  await rig.createStaff('dieuhanh', 'operator');
  const conversationId = await rig.telegramResident(CHAT);
  const created = await rig.product.reportService.file(
    { category: 'chieu-sang', description: 'Đèn đường hẻm 5 tắt cả tuần nay <b>gấp</b>', source: 'chat', conversationId, location: { latitude: 10.0341, longitude: 105.7852 }, commune: rig.product.gazetteer.communes[0]?.id ?? null },
    { conversationId, channel: 'telegram', userId: String(CHAT) },
  );
  filed = created.report;
  // A few more, so the dashboard has something to draw.
  for (const [category, description] of [['giao-thong', 'Ổ gà trước chợ'], ['moi-truong', 'Rác tồn đọng'], ['giao-thong', 'Biển báo đổ']] as const) {
    await rig.product.reports.create({ category, description, source: 'chat' }, 'resident:telegram');
  }
  ({ base, browser, close } = await serveForBrowser(rig.app));
  console.log(`# screenshots in ${SHOTS}`);
});
after(async () => {
  await close?.();
  await rig.close();
});

const watchWarnings = (page: Page): string[] => watch(page, (m) => m.type() === 'error' || m.type() === 'warning');

async function signInOperator(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await signIn(page, base, 'dieuhanh');
  return page;
}

/** Bytes of the HTML and every script and stylesheet a page loads (as sent: no compression here). */
async function pageWeight(page: Page, path: string): Promise<{ html: number; js: number; css: number }> {
  const sizes = { html: 0, js: 0, css: 0 };
  const pending: Array<Promise<void>> = [];
  const listener = (response: import('playwright-core').Response) => {
    const type = response.headers()['content-type'] ?? '';
    const kind = type.startsWith('text/html') ? 'html' : type.startsWith('text/javascript') ? 'js' : type.startsWith('text/css') ? 'css' : undefined;
    if (kind) pending.push(response.body().then((b) => void (sizes[kind] += b.length)));
  };
  page.on('response', listener);
  await page.goto(`${base}${path}`, { waitUntil: 'load' });
  await Promise.all(pending);
  page.off('response', listener);
  return sizes;
}

test('triage a report: assign, set in progress with a public note, the resident is notified through the outbox', async () => {
  const context = await browser.newContext();
  const page = await signInOperator(context);
  const problems = watchWarnings(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Phản ánh', exact: true }).click();
  await page.getByLabel('Trạng thái').selectOption('open');
  await page.getByLabel('Chuyên mục').selectOption('chieu-sang');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await page.waitForURL(/status=open/);
  await page.screenshot({ path: join(SHOTS, 'reports-board.png'), fullPage: true });
  await page.getByRole('link', { name: filed.code }).click();
  await page.waitForURL(new RegExp(`/admin/reports/${filed.code}`));
  assert.match(await page.locator('.facts').innerText(), /<b>gấp<\/b>/, 'markup shown as text');
  assert.match(await page.locator('.facts').innerText(), /Telegram/);
  assert.equal(await page.getByRole('link', { name: /Xem trên OpenStreetMap/ }).getAttribute('href'), 'https://www.openstreetmap.org/?mlat=10.0341&mlon=105.7852#map=18/10.0341/105.7852');

  await page.getByLabel('Giao cho (cán bộ hoặc đơn vị)').fill('Đội chiếu sáng');
  await page.getByRole('button', { name: 'Giao việc' }).click();
  await page.getByText('Đã lưu người, đơn vị xử lý.').waitFor();

  await page.getByLabel('Trạng thái mới').selectOption('in-progress');
  await page.getByLabel('Ghi chú công khai').fill('Đội chiếu sáng sẽ thay bóng đèn trong tối nay.');
  await page.getByRole('button', { name: 'Cập nhật trạng thái' }).click();
  await page.getByText(/đã gửi 1 tin nhắn thông báo/).waitFor();
  await page.screenshot({ path: join(SHOTS, 'report-detail.png'), fullPage: true });

  const conversationId = await rig.product.conversations.idFor('telegram', String(CHAT));
  const queued = await rig.database.db.selectFrom('outbox').select(['payload_json', 'provider']).where('conversation_id', '=', conversationId).where('idempotency_key', 'like', `report:${filed.code}:%`).execute();
  assert.equal(queued.length, 1);
  assert.equal(queued[0]?.provider, 'telegram');
  assert.match(queued[0]!.payload_json, /Đội chiếu sáng sẽ thay bóng đèn trong tối nay/);
  await rig.drain();
  assert.match(rig.telegram.sentTo(CHAT).at(-1)?.text ?? '', new RegExp(`Cập nhật phản ánh ${filed.code}.*Đang xử lý`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the dashboard draws its charts with uPlot, no console error, tables folded behind "Bảng số liệu"', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await signInOperator(context);
  const problems = watchWarnings(page);
  await page.goto(`${base}/admin`);
  await page.waitForSelector('figure.drawn canvas');
  const drawn = Number(await page.evaluate('document.querySelectorAll("figure.drawn canvas").length'));
  const figures = Number(await page.evaluate('document.querySelectorAll("figure[data-chart]").length'));
  assert.ok(drawn >= 3 && drawn === figures, `${drawn} charts drawn of ${figures}`);
  assert.equal(Number(await page.evaluate('document.querySelectorAll("details[data-table][open]").length')), 0, 'tables folded once drawn');
  await page.screenshot({ path: join(SHOTS, 'dashboard.png'), fullPage: true });
  assert.deepEqual(problems, [], 'no script errors or CSP violations');

  const dashboard = await pageWeight(page, '/admin');
  const board = await pageWeight(page, '/admin/reports');
  const line = (name: string, w: typeof dashboard) => `${name}: HTML ${w.html} B + JS ${w.js} B + CSS ${w.css} B = ${w.html + w.js + w.css} B`;
  console.log(`# page weight ${line('/admin', dashboard)}`);
  console.log(`# page weight ${line('/admin/reports', board)}`);
  await context.close();
});

test('phone-sized screen: the board, a report and the dashboard fit without sideways scrolling; every field labelled', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await signInOperator(context);
  const problems = watchWarnings(page);
  for (const [path, name] of [['/admin/reports', 'reports'], [`/admin/reports/${filed.code}`, 'report'], ['/admin', 'dashboard']] as const) {
    await page.goto(`${base}${path}`);
    if (name === 'dashboard') await page.waitForSelector('figure.drawn canvas');
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
    const unlabelled = Number(await page.evaluate(`[...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter((el) => !el.labels || el.labels.length === 0).length`));
    assert.equal(unlabelled, 0, `every field on ${path} has a label`);
    await page.screenshot({ path: join(SHOTS, `phone-${name}.png`), fullPage: true });
  }
  assert.deepEqual(problems, []);
  await context.close();
});
