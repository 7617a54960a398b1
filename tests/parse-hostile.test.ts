import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { createApp } from '../adapters/http/app.ts';
import { silentLogger } from '../adapters/http/logger.ts';
import { createGatewayAdapter } from '../adapters/channels/sms/gateway/adapter.ts';
import { createTelegramAdapter } from '../adapters/channels/telegram/adapter.ts';
import type { RawRequest } from '../bot/ports/channel.ts';
import { createZaloAdapter } from '../adapters/channels/zalo/adapter.ts';
import { parseJsonObject, quoteLongIntegers, topLevelField } from '../adapters/channels/zalo/json.ts';
import type { WebhookPipeline } from '../bot/webhook-pipeline.ts';

const NOW = new Date('2026-03-01T00:00:00Z');
const raw = (body: string, headers: Record<string, string> = {}): RawRequest => ({ method: 'POST', url: '/webhooks/x', headers, body });
const telegram = createTelegramAdapter({ botToken: '1:t', webhookSecret: 's', fetch });
const APP_ID = '2553928453557884079';
const zalo = createZaloAdapter({ appId: APP_ID, oaSecretKey: 'oa-key', accessToken: async () => 't', fetch });
const gateway = createGatewayAdapter({ url: 'http://gw', user: 'u', password: 'p', signingKey: 'k', fetch, moreInfo: '' });

const telegramText = (date: unknown) => JSON.stringify({ update_id: 1, message: { message_id: 1, date, chat: { id: 5, type: 'private' }, text: 'xin chào' } });

test('telegram: a date out of the range a Date can hold, or past year 9999, is a 400 naming the field', () => {
  for (const date of [8.64e12 + 1, 1e21, 253402300800, -5, 1.5e300]) {
    const result = telegram.parse(raw(telegramText(date)), NOW);
    assert.deepEqual(result, { ok: false, status: 400, reason: 'message.date must be unix seconds between 1970 and 9999' }, String(date));
  }
  const kicked = JSON.stringify({ update_id: 2, my_chat_member: { chat: { id: 5, type: 'private' }, date: 1e20, new_chat_member: { status: 'kicked' } } });
  assert.equal(telegram.parse(raw(kicked), NOW).ok, false);
});

test('telegram: ordinary, missing and zero dates still parse; huge or fractional chat ids are refused', () => {
  const ok = telegram.parse(raw(telegramText(1764730000)), NOW);
  assert.ok(ok.ok && ok.messages[0]?.receivedAt.getTime() === 1764730000_000);
  for (const date of [undefined, 0]) {
    const result = telegram.parse(raw(telegramText(date)), NOW);
    assert.ok(result.ok && result.messages[0]?.receivedAt === NOW);
  }
  for (const id of [1e300, 1.5, 2 ** 53]) {
    const body = JSON.stringify({ update_id: 3, message: { date: 1, chat: { id, type: 'private' }, text: 'a' } });
    assert.deepEqual(telegram.parse(raw(body), NOW), { ok: false, status: 400, reason: 'message.chat.id is missing or not an integer' });
  }
});

test('zalo: a timestamp that is no storable time is a 400 (parse), and a JSON number like 1e400 too', () => {
  for (const timestamp of ['99999999999999999', '"253402300800000"', '1e400', '"-1"']) {
    const body = `{"app_id":"${APP_ID}","event_name":"user_send_text","timestamp":${timestamp},"sender":{"id":"1"},"message":{"msg_id":"m","text":"a"}}`;
    const result = zalo.parse(raw(body), NOW);
    assert.equal(result.ok, false, timestamp);
  }
});

test('sms gateway: a phone clock that cannot be stored falls back to ours (refusing would only be retried for two days)', () => {
  for (const receivedAt of ['+275760-09-13T00:00:00.001Z', '+200000-01-01T00:00:00Z', 'yesterday', '1'.repeat(100)]) {
    const body = JSON.stringify({ id: 'e1', event: 'sms:received', payload: { message: 'a', phoneNumber: '+84912345678', receivedAt } });
    const result = gateway.parse(raw(body), NOW);
    assert.ok(result.ok && result.messages[0]?.receivedAt === NOW, receivedAt);
  }
});

test('zalo json: long integers keep their digits wherever they stand; strings are never touched', () => {
  const body = '{"a":12345678901234567890,"b":[1234567890123456789, -1234567890123456789],"c":{"d":"x\\"1234567890123456789"},"e":123,"f":1.5e300,"g":12345678901234567.5}';
  assert.equal(
    quoteLongIntegers(body),
    '{"a":"12345678901234567890","b":["1234567890123456789", "-1234567890123456789"],"c":{"d":"x\\"1234567890123456789"},"e":123,"f":1.5e300,"g":12345678901234567.5}',
  );
  assert.deepEqual(parseJsonObject('{"id":  \n 6142494823000000001 }'), { id: '6142494823000000001' });
  assert.equal(parseJsonObject('[1]'), undefined);
  assert.equal(parseJsonObject('{"a":'), undefined);
});

test('zalo json: the top-level timestamp is found without parsing; nested ones and look-alikes inside strings are not', () => {
  assert.equal(topLevelField('{"x":{"timestamp":"1"},"text":"\\"timestamp\\":\\"2\\"","timestamp":"1732600000000"}', 'timestamp'), '1732600000000');
  assert.equal(topLevelField('{ "timestamp" :  1732600000000 }', 'timestamp'), '1732600000000');
  assert.equal(topLevelField('{"message":{"timestamp":"1"}}', 'timestamp'), undefined);
  assert.equal(topLevelField('not json "timestamp":"1"', 'timestamp'), undefined);
});

test('zalo: 1 MiB of whitespace before the signature check costs one linear pass (the old regex took minutes)', async () => {
  // No timing assertion is needed for the signature path: a missing timestamp is refused before any hashing.
  const spaces = `{"app_id":"${APP_ID}",${' '.repeat(1_000_000)}"x":1234567890123456789}`;
  const unsigned = await zalo.verify(raw(spaces, { 'x-zevent-signature': `mac=${'a'.repeat(64)}` }), NOW);
  assert.deepEqual(unsigned, { ok: false, status: 403, reason: 'body lacks the timestamp (milliseconds) the signature covers' });
  // Parsing (after a valid signature) reads the same megabyte correctly; its speed is measured in
  // bench/webhook.bench.ts, not asserted here (the quadratic reader needed about 4 minutes for this).
  assert.deepEqual(parseJsonObject(spaces), { app_id: APP_ID, x: '1234567890123456789' });
});

test('zalo: a correctly signed event still verifies (hash over our app id, the raw body and the body timestamp)', async () => {
  const timestamp = String(NOW.getTime());
  const body = `{"app_id":"${APP_ID}","event_name":"user_send_text","timestamp":"${timestamp}","sender":{"id":"1"},"message":{"msg_id":"m","text":"a"}}`;
  const mac = createHash('sha256').update(APP_ID + body + timestamp + 'oa-key').digest('hex');
  assert.deepEqual(await zalo.verify(raw(body, { 'x-zevent-signature': `mac=${mac}` }), NOW), { ok: true });
  const tampered = body.replace('"text":"a"', '"text":"b"');
  assert.equal((await zalo.verify(raw(tampered, { 'x-zevent-signature': `mac=${mac}` }), NOW)).ok, false);
});

test('webhook route: a chunked body past 1 MiB is refused with 413 while reading, before the pipeline sees it', async () => {
  const pipeline = { receive: async () => assert.fail('the pipeline must not be reached'), recover: async () => 0 } as unknown as WebhookPipeline;
  const app = createApp({ bot: { handle: async () => [] } as never, logger: silentLogger, now: () => NOW, title: 't', health: () => ({}), channels: new Map([['telegram', telegram]]), pipeline });
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled++ === 1024) return controller.close();
      controller.enqueue(new Uint8Array(65_536).fill(0x20));
    },
  });
  const response = await app.request(new Request('http://x/webhooks/telegram', { method: 'POST', body, duplex: 'half' } as RequestInit));
  assert.equal(response.status, 413);
  assert.deepEqual(await response.json(), { error: 'request body is larger than 1048576 bytes' });
  assert.ok(pulled <= 18, `pulled ${pulled} chunks of 64 KiB`);
});
