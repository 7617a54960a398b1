import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import twilio from 'twilio';
import type { Update } from 'telegraf/types';
import { assemble, type Assembly } from '../adapters/runtime/assemble.ts';
import { createApp } from '../adapters/http/app.ts';
import { silentLogger } from '../adapters/http/logger.ts';
import { createConversationStore } from '../adapters/storage/conversation-store.ts';
import type { StubPlatform } from './stub-platform.ts';
import { GATEWAY, PUBLIC_BASE, startRig, TELEGRAM_SECRET, TWILIO, ZALO, type Rig } from './channel-rig.ts';
import { reopenDatabase, temporaryDatabase, TEST_SITE } from './helpers.ts';

const TELEGRAM_TOKEN = '123456:TEST-token';

let rig: Rig;
let stub: StubPlatform;
let database: Rig['database'];
let product: Assembly;
let base: string;
let telegramSeq = 900_000_000;

before(async () => {
  // The product retries until a per-provider deadline (hours); an attempt cap makes the dead-letter path testable here.
  rig = await startRig({ env: { RATE_LIMIT_PER_MINUTE: '20' }, delivery: { maxAttempts: 6 } });
  ({ stub, database, product, base } = rig);
});

after(async () => rig.close());

const drain = (): Promise<void> => rig.drain();
const post = (path: string, body: string, headers: Record<string, string>) => rig.post(path, body, headers);

function telegramText(chatId: number, text: string, updateId = ++telegramSeq): Update {
  return { update_id: updateId, message: { message_id: updateId % 1000, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private', first_name: 'An' }, from: { id: chatId, is_bot: false, first_name: 'An' }, text } };
}

const telegram = (update: Update, secret = TELEGRAM_SECRET) =>
  post('/webhooks/telegram', JSON.stringify(update), { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret });

const zaloSigned = (event: Record<string, unknown>) => rig.zaloSigned(event);

function zaloText(userId: string, text: string, msgId: string) {
  return zaloSigned({ app_id: ZALO.appId, user_id_by_app: '979122185046046317', event_name: 'user_send_text', timestamp: String(Date.now()), sender: { id: userId }, recipient: { id: '3662729599332560487' }, message: { msg_id: msgId, text } });
}

const inboxCount = async () => Number((await database.db.selectFrom('inbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

test('Telegram: a question is acknowledged, handled in the background and answered through the Bot API', async () => {
  const res = await telegram(telegramText(5001, 'lam can cuoc cho con o dau'));
  assert.equal(res.status, 200);
  await drain();
  const sent = stub.callsTo('/sendMessage').map((c) => JSON.parse(c.body) as { chat_id: string; text: string });
  const mine = sent.filter((m) => String(m.chat_id) === '5001');
  assert.ok(mine.length >= 1);
  assert.match(mine[0]!.text, /căn cước/i);
});

test('Telegram: the same update delivered five times is handled once and answered once', async () => {
  const update = telegramText(5002, 'cam on ban nhieu');
  const before = stub.callsTo('/sendMessage').length;
  const statuses = await Promise.all([1, 2, 3, 4, 5].map(() => telegram(update).then((r) => r.status)));
  assert.deepEqual(statuses, [200, 200, 200, 200, 200]);
  await drain();
  const replies = stub.callsTo('/sendMessage').slice(before).filter((c) => String(JSON.parse(c.body).chat_id) === '5002');
  assert.equal(replies.length, 1);
});

test('Telegram: a wrong or missing secret is refused and nothing is stored', async () => {
  const count = await inboxCount();
  assert.equal((await telegram(telegramText(5003, 'xin chao'), 'wrong')).status, 403);
  const missing = await post('/webhooks/telegram', JSON.stringify(telegramText(5003, 'xin chao')), { 'content-type': 'application/json' });
  assert.equal(missing.status, 401);
  assert.equal(await inboxCount(), count);
});

test('Telegram: a tapped button is answered in the webhook response (spinner stops) and picks the option', async () => {
  const update: Update = {
    update_id: ++telegramSeq,
    callback_query: { id: 'cbq-77', chat_instance: '-1', from: { id: 5004, is_bot: false, first_name: 'An' }, data: '#c:kb:ho-chieu',
      message: { message_id: 9, date: Math.floor(Date.now() / 1000), chat: { id: 5004, type: 'private', first_name: 'An' }, text: 'Chọn:' } },
  } as Update;
  const res = await telegram(update);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { method: 'answerCallbackQuery', callback_query_id: 'cbq-77' });
  await drain();
  const answer = stub.callsTo('/sendMessage').map((c) => JSON.parse(c.body)).find((m) => String(m.chat_id) === '5004');
  assert.match(answer.text, /hộ chiếu/i);
});

test('Zalo: the 200 comes back before the slow send API answers (handling happens after the ack)', async () => {
  stub.script('/v3.0/oa/message/cs', { hang: true });
  const { body, headers } = zaloText('6142494823000000001', 'đăng ký kết hôn cần giấy tờ gì', 'zmsg-in-1');
  const res = await post('/webhooks/zalo', body, headers);
  assert.equal(res.status, 200, 'acknowledged while the Zalo API is still hanging');
  await product.settled();
  const pending = product.worker.runOnce();
  await new Promise((r) => setTimeout(r, 100));
  stub.releaseHanging();
  await pending;
  await drain();
  const sent = stub.callsTo('/v3.0/oa/message/cs').map((c) => JSON.parse(c.body));
  const delivered = sent.filter((m) => m.recipient?.user_id === '6142494823000000001');
  assert.ok(delivered.length >= 2, 'sent again after the hanging attempt failed');
  assert.match(delivered.at(-1).message.text, /kết hôn/i);
});

test('Zalo: echoes of the OA\'s own messages and receipts are acknowledged and ignored', async () => {
  const before = stub.callsTo('/v3.0/oa/message/cs').length;
  const count = await inboxCount();
  for (const event_name of ['oa_send_text', 'user_seen_message']) {
    const { body, headers } = zaloSigned({ app_id: ZALO.appId, event_name, timestamp: String(Date.now()), sender: { id: '3662729599332560487' }, recipient: { id: '6142494823000000001' }, message: { msg_id: 'echo-' + event_name, text: 'x' } });
    assert.equal((await post('/webhooks/zalo', body, headers)).status, 200);
  }
  await drain();
  assert.equal(stub.callsTo('/v3.0/oa/message/cs').length, before);
  assert.equal(await inboxCount(), count);
});

test('Zalo: a refused access token is refreshed once, the new pair saved before use, and the send retried', async () => {
  stub.script('/v3.0/oa/message/cs', { body: { error: -216, message: 'Access token is invalid' } });
  const refreshesBefore = stub.callsTo('/v4/oa/access_token').length;
  const { body, headers } = zaloText('6142494823000000002', 'làm hộ chiếu ở đâu', 'zmsg-in-2');
  assert.equal((await post('/webhooks/zalo', body, headers)).status, 200);
  await drain();
  const refreshes = stub.callsTo('/v4/oa/access_token').slice(refreshesBefore);
  assert.equal(refreshes.length, 1);
  assert.equal(refreshes[0]!.headers.secret_key, ZALO.appSecret);
  assert.match(refreshes[0]!.body, /grant_type=refresh_token/);
  const stored = await database.db.selectFrom('channel_tokens').selectAll().where('channel', '=', 'zalo').executeTakeFirstOrThrow();
  const sends = stub.callsTo('/v3.0/oa/message/cs').filter((c) => JSON.parse(c.body).recipient.user_id === '6142494823000000002');
  assert.equal(sends.length, 2);
  assert.equal(sends[1]!.headers.access_token, stored.access_token, 'the retry used the token that was saved');
  assert.notEqual(sends[0]!.headers.access_token, stored.access_token);
});

test('Zalo: a reply outside the 48-hour window is dead-lettered with the reason, not retried', async () => {
  const conversations = createConversationStore(database.db);
  // The resident last wrote three days ago; the answer to that message (delayed by an outage) is still waiting.
  // (A report update nobody asked for is held for their next message instead: tests/delivery-held.test.ts.)
  await conversations.recordInbound('zalo', '6142494823000000003', 'zalo', new Date(Date.now() - 72 * 3600 * 1000));
  await product.outbox.enqueue([{ key: 'late-reply-1', conversationId: await conversations.idFor('zalo', '6142494823000000003'), provider: 'zalo', userId: '6142494823000000003', replyTo: 'zin-old', payload: { body: { message: { text: 'Trả lời' } } } }]);
  const before = stub.callsTo('/v3.0/oa/message/cs').length;
  await drain();
  assert.equal(stub.callsTo('/v3.0/oa/message/cs').length, before, 'nothing was sent');
  const dead = await product.outbox.list('dead');
  assert.ok(dead.some((d) => d.key === 'late-reply-1' && /48-hour reply window/.test(d.lastError ?? '')));
});

test('Outbox: 500s and a 429 are retried with backoff until sent once; repeated failure is dead-lettered and visible to staff', async () => {
  stub.script('/sendMessage', { status: 500, body: { ok: false } }, { status: 429, body: { ok: false, error_code: 429, parameters: { retry_after: 0 } } });
  const before = stub.callsTo('/sendMessage').length;
  await telegram(telegramText(5005, 'tam biet nhe'));
  await drain();
  const attempts = stub.callsTo('/sendMessage').slice(before).filter((c) => String(JSON.parse(c.body).chat_id) === '5005');
  assert.equal(attempts.length, 3, 'two failures, then one success');
  const sent = await product.outbox.list('sent');
  const first = await product.conversations.idFor('telegram', '5005');
  assert.ok(sent.some((s) => s.conversationId === first && s.attempts === 3));

  for (let i = 0; i < 8; i++) stub.script('/sendMessage', { status: 502, body: { ok: false } });
  await telegram(telegramText(5006, 'xin chao'));
  await drain();
  const staffView = await fetch(`${base}/api/staff/outbox?status=dead`, { headers: { authorization: 'Bearer staff-token' } });
  assert.equal(staffView.status, 200);
  const { items } = (await staffView.json()) as { items: Array<{ conversationId: string; lastError: string; attempts: number }> };
  const deadConversation = await product.conversations.idFor('telegram', '5006');
  const deadOne = items.find((i) => i.conversationId === deadConversation);
  assert.ok(deadOne, 'the dead letter is listed');
  assert.doesNotMatch(JSON.stringify(items), /5006/, 'staff see an opaque conversation id, not the chat id');
  assert.match(deadOne.lastError, /gave up after 6 attempts/);
  assert.equal((await fetch(`${base}/api/staff/outbox?status=dead`)).status, 401);
  stub.unscript('/sendMessage');
});

test('Outbox: pending sends survive a restart and go out from the new process', async () => {
  for (let i = 0; i < 3; i++) stub.script('/sendMessage', { status: 503, body: { ok: false } });
  await telegram(telegramText(5007, 'giờ làm việc một cửa'));
  await product.settled();
  await product.worker.runOnce(); // fails: 503, stays pending
  const resident = await product.conversations.idFor('telegram', '5007');
  const pendingBefore = (await product.outbox.pending(100)).filter((p) => p.conversationId === resident);
  assert.equal(pendingBefore.length, 1);
  stub.unscript('/sendMessage'); // the platform is back
  // A second process over the same database file resumes the outbox.
  const again = reopenDatabase(database.path);
  try {
    const restarted = await assemble(again, TEST_SITE, { env: { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET, TELEGRAM_API_BASE: stub.base }, outboxBaseDelayMs: 5 });
    for (let i = 0; i < 10; i++) {
      await restarted.worker.runOnce();
      if ((await restarted.outbox.pending(100)).every((p) => p.conversationId !== resident)) break;
      await new Promise((r) => setTimeout(r, 40));
    }
    const sent = await restarted.outbox.list('sent');
    assert.ok(sent.some((s) => s.conversationId === resident));
  } finally {
    await again.destroy();
  }
});

test('Twilio: a signed SMS is answered inside the webhook with TwiML in plain ASCII', async () => {
  const params = { MessageSid: 'SM' + '1'.repeat(32), AccountSid: TWILIO.sid, From: '+84912345678', To: TWILIO.from, Body: 'lam giay khai sinh o dau', NumMedia: '0' };
  const url = `${PUBLIC_BASE}/webhooks/sms/twilio`;
  const signature = twilio.getExpectedTwilioSignature(TWILIO.token, url, params);
  const res = await post('/webhooks/sms/twilio', new URLSearchParams(params).toString(), { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /xml/);
  const twiml = await res.text();
  assert.match(twiml, /<Response><Message>/);
  assert.match(twiml, /khai sinh/i);
  assert.match(twiml, /^[\x20-\x7e\n]*$/, 'plain ASCII');
  const bad = await post('/webhooks/sms/twilio', new URLSearchParams(params).toString(), { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'AAAA' + signature.slice(4) });
  assert.equal(bad.status, 403);
});

test('SMS keywords: STOP opts out, START opts back in, HELP gives the hotline', async () => {
  const sms = async (body: string, sid: string) => {
    const params = { MessageSid: sid, AccountSid: TWILIO.sid, From: '0987654321', To: TWILIO.from, Body: body };
    const signature = twilio.getExpectedTwilioSignature(TWILIO.token, `${PUBLIC_BASE}/webhooks/sms/twilio`, params);
    const res = await post('/webhooks/sms/twilio', new URLSearchParams(params).toString(), { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature });
    return res.text();
  };
  assert.match(await sms('HUY', 'SM' + '2'.repeat(32)), /START/);
  assert.equal(await product.optOuts.isOptedOut('+84987654321'), true);
  assert.match(await sms('Start', 'SM' + '3'.repeat(32)), /nhan lai/);
  assert.equal(await product.optOuts.isOptedOut('+84987654321'), false);
  assert.match(await sms('tro giup', 'SM' + '4'.repeat(32)), /0292 000 0000/);
});

test('SMS gateway: a signed sms:received is answered through the phone; delivery reports are ignored; stale signatures refused', async () => {
  const signed = (event: unknown, timestamp = Math.floor(Date.now() / 1000)) => {
    const body = JSON.stringify(event);
    const signature = createHmac('sha256', GATEWAY.key).update(body + String(timestamp)).digest('hex');
    return { body, headers: { 'content-type': 'application/json', 'x-signature': signature, 'x-timestamp': String(timestamp) } };
  };
  const received = signed({ id: 'evt-1', webhookId: 'wh', deviceId: 'dev', event: 'sms:received', payload: { messageId: 'm1', message: 'den duong hem 3 bi tat', phoneNumber: '0912000111', simNumber: 1, receivedAt: new Date().toISOString() } });
  assert.equal((await post('/webhooks/sms/gateway', received.body, received.headers)).status, 200);
  await drain();
  const sends = stub.callsTo('/message').map((c) => ({ body: JSON.parse(c.body), auth: c.headers.authorization }));
  const mine = sends.find((s) => s.body.phoneNumbers?.[0] === '+84912000111');
  assert.ok(mine, 'the reply went to the normalised number');
  assert.equal(mine.auth, 'Basic ' + Buffer.from(`${GATEWAY.user}:${GATEWAY.password}`).toString('base64'));
  assert.match(mine.body.textMessage.text, /^[\x20-\x7e\n]*$/);

  const count = await inboxCount();
  const delivered = signed({ id: 'evt-2', webhookId: 'wh', deviceId: 'dev', event: 'sms:delivered', payload: { messageId: 'm1', phoneNumber: '0912000111' } });
  assert.equal((await post('/webhooks/sms/gateway', delivered.body, delivered.headers)).status, 200);
  assert.equal(await inboxCount(), count);
  const stale = signed({ id: 'evt-3', event: 'sms:received', payload: { messageId: 'm3', message: 'hi', phoneNumber: '0912000111', receivedAt: new Date().toISOString() } }, Math.floor(Date.now() / 1000) - 3600);
  assert.equal((await post('/webhooks/sms/gateway', stale.body, stale.headers)).status, 403);
});

test('Rate limit: a flooding sender gets one notice then silence; another sender is still answered', async () => {
  const before = stub.callsTo('/sendMessage').length;
  for (let i = 0; i < 25; i++) await telegram(telegramText(5010, `tin nhan so ${i} ve can cuoc`));
  await telegram(telegramText(5011, 'lam ho chieu o dau'));
  await drain();
  const sent = stub.callsTo('/sendMessage').slice(before).map((c) => JSON.parse(c.body) as { chat_id: string; text: string });
  const flood = sent.filter((m) => String(m.chat_id) === '5010');
  const notices = flood.filter((m) => /nhiều tin nhắn liên tiếp/.test(m.text));
  assert.equal(notices.length, 1);
  assert.ok(flood.length <= 20 + 1 + 20, 'nothing answered beyond the limit except the notice');
  assert.ok(sent.some((m) => String(m.chat_id) === '5011'));
});

test('a channel without settings answers 404 on its webhook', async () => {
  const database2 = temporaryDatabase();
  try {
    const bare = await assemble(database2.db, TEST_SITE, { env: {} });
    const app = createApp({ bot: bare.bot, logger: silentLogger, now: () => new Date(), title: 't', health: () => ({}), channels: bare.channels, pipeline: bare.pipeline });
    const res = await app.request('/webhooks/zalo', { method: 'POST', body: '{}' });
    assert.equal(res.status, 404);
    assert.match(((await res.json()) as { error: string }).error, /not configured/);
  } finally {
    await database2.cleanup();
  }
});
