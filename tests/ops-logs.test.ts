import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import twilio from 'twilio';
import { createApp } from '../adapters/http/app.ts';
import { clientAddressFrom } from '../adapters/http/client-address.ts';
import { jsonLogger } from '../adapters/http/logger.ts';
import { nodeRequestScope } from '../adapters/http/request-id-node.ts';
import { open311Deps } from '../adapters/runtime/open311-deps.ts';
import { GATEWAY, OPEN311_KEY, PUBLIC_BASE, startRig, TELEGRAM_SECRET, TWILIO, type Rig } from './channel-rig.ts';
import { TEST_SITE } from './helpers.ts';

/**
 * The log is shipped and kept; residents' phone numbers and words must never reach it. Webhooks of every kind,
 * the web chat and a report (through the chat and through Open311, with contact details) are driven with
 * distinctive numbers and sentences, and the captured log is searched for them. Every line of a request, the
 * background handling included, carries the request's id.
 */

const lines: string[] = [];
const scope = nodeRequestScope();
const logger = jsonLogger((line) => lines.push(line), scope.current);
let rig: Rig;
let base: string;
let close: () => Promise<void>;

before(async () => {
  rig = await startRig({ logger });
  const product = rig.product;
  const app = createApp({
    bot: product.bot, logger, now: () => new Date(), title: 'Trợ lý', health: () => ({}),
    channels: product.channels, pipeline: product.pipeline, webchat: product.webchat,
    open311: open311Deps(product, TEST_SITE, OPEN311_KEY),
    clientAddress: clientAddressFrom((c) => getConnInfo(c).remote.address),
    requestScope: scope,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});
after(async () => {
  await close();
  await rig.close();
});

// Distinctive enough that a match can only be a leak: numbers in the spellings residents use, and sentences.
const PHONES = ['+84987111222', '0987 333 444', '0912.555.666', '+84 903 777 888', '0988999000'];
const TEXTS = ['Ngựa Vằn Tím gặm cột đèn', 'con lan can cầu Xẻo Chôm gãy', 'bà Tư Lùn hỏi sổ đỏ', 'Cá Lóc Nướng Trui', 'nha ong Bay Hat Dieu'];

/** A number found with or without its separators and country code. */
function leaksPhone(text: string, phone: string): boolean {
  const digits = phone.replace(/\D/g, '').replace(/^84/, '').replace(/^0/, '');
  const spaced = new RegExp(digits.split('').join('[\\s.\\-]?'));
  return spaced.test(text);
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

async function post(path: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body });
  await response.text();
  return response;
}

test('no phone number or message text in the log, whatever the channel', async () => {
  const [p0, p1, p2, p3, p4] = PHONES as [string, string, string, string, string];
  const [t0, t1, t2, t3, t4] = TEXTS as [string, string, string, string, string];
  // Telegram: a text with a number in it.
  const telegramUpdate = rig.telegram.text(555_001, `${t0}, gọi tôi ${p1}`);
  assert.equal((await post('/webhooks/telegram', JSON.stringify(telegramUpdate), { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET })).status, 200);
  // Twilio SMS from a number.
  const params = { MessageSid: 'SM' + '7'.repeat(32), AccountSid: TWILIO.sid, From: p0, To: TWILIO.from, Body: t1 };
  const signature = twilio.getExpectedTwilioSignature(TWILIO.token, `${PUBLIC_BASE}/webhooks/sms/twilio`, params);
  assert.equal((await post('/webhooks/sms/twilio', new URLSearchParams(params).toString(), { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature })).status, 200);
  // SMS gateway, and one with a bad signature (refused: the refusal is logged, its content is not).
  const event = JSON.stringify({ id: 'evt-logs-1', webhookId: 'wh', deviceId: 'dev', event: 'sms:received', payload: { messageId: 'l1', message: t2, phoneNumber: p2, simNumber: 1, receivedAt: new Date().toISOString() } });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const gatewaySignature = createHmac('sha256', GATEWAY.key).update(event + timestamp).digest('hex');
  assert.equal((await post('/webhooks/sms/gateway', event, { 'content-type': 'application/json', 'x-signature': gatewaySignature, 'x-timestamp': timestamp })).status, 200);
  assert.equal((await post('/webhooks/sms/gateway', event, { 'content-type': 'application/json', 'x-signature': '0'.repeat(64), 'x-timestamp': timestamp })).status, 403);
  // Web chat, then a field report written through the chat with a number in its description.
  const userId = 'logs-test-resident-000000000001';
  const chat = async (text: string) => {
    const response = await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, text }) });
    assert.equal(response.status, 200);
    return ((await response.json()) as { replies: Array<{ text: string; options?: Array<{ value: string }> }> }).replies;
  };
  await chat(`${t3} ${p3}`);
  let replies = await chat(`đèn đường hẻm 73 tắt cả tuần, ${t4}, gọi ${p4}`);
  for (let i = 0; i < 4 && !replies.some((r) => /PA\d{4}/.test(r.text)); i++) {
    const last = replies.at(-1);
    replies = await chat(last?.options !== undefined ? '1' : `hẻm 73 đường Trần Hưng Đạo, ${t4}`);
  }
  // Open311 with the reporter's contact details.
  const form = new URLSearchParams({ api_key: OPEN311_KEY, service_code: 'chieu-sang', description: `${t2} gần nhà ${p1}`, lat: '9.78', long: '105.47', phone: p0, email: 'ngua.van.tim@example.vn', first_name: 'Tư Lùn' });
  const open311 = await post('/open311/v2/requests.json', form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
  assert.ok(open311.status < 500, `open311 answered ${open311.status}`);
  await rig.drain();
  const reports = await rig.database.db.selectFrom('reports').select('code').execute();
  assert.ok(reports.length >= 2, `reports filed: ${reports.length}`);

  const log = lines.join('\n');
  assert.ok(lines.length > 10, 'the log was captured');
  for (const phone of PHONES) assert.equal(leaksPhone(log, phone), false, `phone ${phone} in the log`);
  for (const text of TEXTS) {
    for (const word of text.split(' ').filter((w) => w.length >= 4)) {
      assert.equal(fold(log).includes(fold(word)), false, `"${word}" of a message in the log`);
    }
  }
  assert.equal(log.includes('ngua.van.tim@example.vn'), false);
});

test('every line of a request carries its id, the deferred handling included; the id is returned', async () => {
  lines.length = 0;
  const update = rig.telegram.text(555_002, 'làm căn cước ở đâu');
  const response = await fetch(`${base}/webhooks/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET, 'x-request-id': 'lb-trace-0001.abc' }, body: JSON.stringify(update) });
  assert.equal(response.headers.get('x-request-id'), 'lb-trace-0001.abc');
  await response.text();
  await rig.product.settled();
  const ours = lines.map((l) => JSON.parse(l) as { event: string; requestId?: string }).filter((l) => l.requestId === 'lb-trace-0001.abc').map((l) => l.event);
  assert.ok(ours.includes('webhook.accepted'), ours.join());
  assert.ok(ours.includes('http.request'), ours.join());

  // An id that is not plainly an id (spaces, a number a caller chose, too long) is replaced by a fresh one.
  for (const unsafe of ['hello world 123', '0987111222', '0987-111-222', 'x'.repeat(80), '<script>']) {
    const res = await fetch(`${base}/healthz`, { headers: { 'x-request-id': unsafe } });
    const id = res.headers.get('x-request-id') ?? '';
    assert.notEqual(id, unsafe);
    assert.match(id, /^[0-9a-f-]{36}$/);
  }
  const fresh = await fetch(`${base}/healthz`);
  assert.match(fresh.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
});
