import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { NEXT_MENU_LINE } from '../adapters/channels/sms/menu-pages.ts';
import { foldForSms } from '../adapters/channels/sms/render.ts';
import { smsSegments } from '../adapters/channels/sms/segments.ts';
import { FULL_TEXT_LINE, NEXT_PAGE_LINE } from '../adapters/channels/sms/text-pages.ts';
import { answerEntry } from '../bot/answer-entry.ts';
import { createReplies } from '../bot/replies.ts';
import { placeholderValues } from '../knowledge-base/render.ts';
import { readSeed } from '../knowledge-base/seed-files.ts';
import { GATEWAY, startRig, type Rig } from './channel-rig.ts';
import { TEST_SITE } from './helpers.ts';

/**
 * End to end on loopback: a long answer read page by page with THEM (and 0) through Twilio's inline TwiML and
 * through the Android gateway's outbox, and a digit typed on a menu's second page.
 */

let rig: Rig;
before(async () => {
  rig = await startRig();
});
after(async () => rig.close());

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** The texts of a TwiML response, one per <Message>. */
function messages(twiml: string): string[] {
  return [...twiml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) => (m[1] ?? '').replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e] ?? e));
}

/** One SMS through the real Twilio webhook (signed with twilio's own function); the one message it answers with. */
async function twilioSms(phone: string, text: string): Promise<string> {
  const replies = messages(await rig.sms(phone, text));
  assert.equal(replies.length, 1, `"${text}" got ${replies.length} messages`);
  return replies[0] as string;
}

let gatewaySeq = 0;
/** One SMS through the gateway webhook; the texts the outbox sent back to the phone for it. */
async function gatewaySms(phone: string, text: string): Promise<string[]> {
  const before = rig.stub.callsTo('/message').length;
  const event = { id: `more-${++gatewaySeq}`, webhookId: 'wh', deviceId: 'dev', event: 'sms:received', payload: { messageId: `g${gatewaySeq}`, message: text, phoneNumber: phone, simNumber: 1, receivedAt: new Date().toISOString() } };
  const body = JSON.stringify(event);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', GATEWAY.key).update(body + timestamp).digest('hex');
  const res = await rig.post('/webhooks/sms/gateway', body, { 'content-type': 'application/json', 'x-signature': signature, 'x-timestamp': timestamp });
  assert.equal(res.status, 200);
  await rig.drain();
  return rig.stub
    .callsTo('/message')
    .slice(before)
    .map((call) => JSON.parse(call.body) as { textMessage: { text: string } })
    .map((sent) => sent.textMessage.text);
}

function khaiSinh() {
  const entry = readSeed().entries.find((e) => e.id === 'khai-sinh');
  assert.ok(entry);
  const reply = answerEntry(entry, placeholderValues(TEST_SITE));
  assert.ok(reply.kind === 'text' && reply.short !== undefined);
  return { full: foldForSms(reply.text), short: foldForSms(reply.short) };
}

const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();
/** A page's text without the pointer line and the "..." marking a cut inside a sentence. */
const body = (page: string): string => page.replace(/( \.\.\.)?\n\(Nhan THEM de xem (tiep|day du)\)$/, '');
const withinTwoSegments = (page: string): boolean => smsSegments(page).encoding === 'GSM-7' && smsSegments(page).segments <= 2;

/** Reads a long answer to its end with `more` (THEM, or 0 once), checking each page; returns the pages. */
async function readToEnd(first: string, more: (i: number) => Promise<string>): Promise<string[]> {
  const pages = [first];
  while (pages.at(-1)?.endsWith(NEXT_PAGE_LINE) || pages.at(-1)?.endsWith(FULL_TEXT_LINE)) {
    assert.ok(pages.length < 30, 'paging never ends');
    pages.push(await more(pages.length));
  }
  for (const page of pages) assert.ok(withinTwoSegments(page), page);
  return pages;
}

function assertWholeAnswer(pages: readonly string[]): void {
  const { full, short } = khaiSinh();
  assert.equal(body(pages[0] ?? ''), short, 'the summary first');
  assert.ok(pages[0]?.endsWith(FULL_TEXT_LINE));
  assert.equal(squeeze(pages.slice(1).map(body).join(' ')), squeeze(full), 'the pages after the summary are the whole answer');
  assert.ok(!/Nhan THEM/.test(pages.at(-1) ?? ''), 'the last page has no pointer');
}

test('Twilio: a long answer is read to its end with THEM and 0, then THEM gets a polite "nothing more"', async () => {
  const phone = '+84912777001';
  const first = await twilioSms(phone, 'đăng ký khai sinh cho con');
  const pages = await readToEnd(first, (i) => twilioSms(phone, i === 2 ? '0' : i === 3 ? 'thêm' : 'THEM'));
  assert.ok(pages.length >= 5, `${pages.length} pages`);
  assertWholeAnswer(pages);
  assert.match(await twilioSms(phone, 'THEM'), /khong con phan tiep theo/);
  // "0" with nothing held is an ordinary message for the bot, not a page request.
  assert.doesNotMatch(await twilioSms(phone, '0'), /khong con phan tiep theo/);
});

test('Twilio: a new question replaces the rest of the previous answer', async () => {
  const phone = '+84912777002';
  assert.ok((await twilioSms(phone, 'đăng ký khai sinh cho con')).endsWith(FULL_TEXT_LINE));
  const greeting = await twilioSms(phone, 'xin chào');
  assert.match(greeting, /^1\. /m);
  assert.ok(greeting.endsWith(NEXT_MENU_LINE), greeting);
  const second = await twilioSms(phone, 'THEM');
  assert.match(second, /^9\. Phan anh: duong hu, den tat, rac\n10\. Gap can bo$/, 'the greeting menu goes on, not the birth registration answer');
});

test('Twilio: a digit typed on the second page of a menu picks that option of the whole list', async () => {
  const phone = '+84912777003';
  const first = await twilioSms(phone, 'xin chào');
  assert.doesNotMatch(first, /^9\. /m, 'option 9 is on the second page');
  assert.match(await twilioSms(phone, '0'), /^9\. Phan anh/m);
  // 9 is "Phản ánh hiện trường": the report flow asks which kind.
  const picked = await twilioSms(phone, '9');
  assert.match(picked, /Ban muon phan anh ve viec gi/);
  assert.match(picked, /^1\. /m);
  // The categories are a menu of their own: the next page numbers on, and its digits pick from the categories.
  const categories = [picked];
  while (categories.at(-1)?.endsWith(NEXT_MENU_LINE)) categories.push(await twilioSms(phone, 'THEM'));
  const lines = categories.flatMap((page) => page.split('\n').filter((line) => /^[1-9]\d*\. /.test(line)));
  assert.deepEqual(lines.map((line) => Number(line.split('.')[0])), lines.map((_, i) => i + 1));
  assert.ok(lines.length >= 8, `${lines.length} categories`);
  for (const page of categories) assert.ok(withinTwoSegments(page), page);
});

test('gateway: the same paging through the outbox, THEM after THEM until the end', async () => {
  const phone = '0912777004';
  const [first, ...others] = await gatewaySms(phone, 'đăng ký khai sinh cho con');
  assert.equal(others.length, 0, 'one message at a time');
  assert.ok(first);
  const pages = await readToEnd(first, async () => {
    const sent = await gatewaySms(phone, 'THEM');
    assert.equal(sent.length, 1);
    return sent[0] as string;
  });
  assertWholeAnswer(pages);
  assert.deepEqual((await gatewaySms(phone, 'them')).map((text) => /khong con phan tiep theo/.test(text)), [true]);

  // A menu through the gateway: page 2 by "0", then a digit from it.
  const menu = await gatewaySms(phone, 'xin chào');
  assert.ok(menu[0]?.endsWith(NEXT_MENU_LINE));
  assert.match((await gatewaySms(phone, '0'))[0] ?? '', /^10\. Gap can bo$/m);
  // Option 10 queues the resident for staff (the hand-off reply: when and how a person answers).
  const ten = (await gatewaySms(phone, '10'))[0] ?? '';
  assert.match(ten, /can bo/i, `option 10 is "Gap can bo": ${ten}`);
  assert.match(ten, /0292 000 0000/);
});
