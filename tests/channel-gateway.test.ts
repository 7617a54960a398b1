import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage as HttpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createGatewayAdapter, type GatewayConfig } from '../adapters/channels/sms/gateway/adapter.ts';
import type { RawRequest } from '../bot/ports/channel.ts';

const SIGNING_KEY = 'h7Kq2vX9pLm4Rt8Z';
const NOW = new Date('2026-11-20T01:16:00Z');
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

function adapter(overrides: Partial<GatewayConfig> = {}) {
  return createGatewayAdapter({
    url: 'http://192.168.1.20:8080',
    user: 'sms',
    password: 'Mật-khẩu:1',
    signingKey: SIGNING_KEY,
    fetch,
    moreInfo: 'Chi tiết: dichvucong.gov.vn',
    ...overrides,
  });
}

/** The raw text of a recorded event, as the phone sends it (signatures are over these exact bytes). */
function fixture(name: string): string {
  return readFileSync(new URL(`../adapters/channels/sms/gateway/fixtures/${name}.json`, import.meta.url), 'utf8');
}

/** Signed the way the app signs: hex HMAC-SHA256 of the raw body followed by the timestamp. */
function signed(body: string, timestamp = String(NOW_SECONDS), key = SIGNING_KEY): RawRequest {
  const signature = createHmac('sha256', key).update(body + timestamp).digest('hex');
  return { method: 'POST', url: '/webhooks/sms', headers: { 'content-type': 'application/json', 'x-signature': signature, 'x-timestamp': timestamp }, body };
}

const statusOf = (result: { ok: boolean; status?: number }) => (result.ok ? 200 : result.status);

test('verify accepts a correctly signed event, within the allowed clock skew', async () => {
  const body = fixture('sms-received');
  const accepted: Array<[string, RawRequest]> = [
    ['now', signed(body)],
    ['upper-case hex', (() => {
      const raw = signed(body);
      return { ...raw, headers: { ...raw.headers, 'x-signature': raw.headers['x-signature']!.toUpperCase() } };
    })()],
    ['299 s old', signed(body, String(NOW_SECONDS - 299))],
    ['299 s ahead', signed(body, String(NOW_SECONDS + 299))],
    ['every event kind', signed(fixture('system-ping'))],
  ];
  for (const [name, raw] of accepted) assert.deepEqual(await adapter().verify(raw, NOW), { ok: true }, name);
  assert.deepEqual(await adapter({ maxSkewSeconds: 3600 }).verify(signed(body, String(NOW_SECONDS - 1800)), NOW), { ok: true });
});

test('verify refuses missing headers (401) and tampered, stale or future events (403)', async () => {
  const body = fixture('sms-received');
  const good = signed(body);
  const without = (name: string): RawRequest => ({ ...good, headers: Object.fromEntries(Object.entries(good.headers).filter(([key]) => key !== name)) });
  const cases: Array<[string, RawRequest, number]> = [
    ['no signature', without('x-signature'), 401],
    ['no timestamp', without('x-timestamp'), 401],
    ['body changed', { ...good, body: body.replace('khai sinh', 'kết hôn') }, 403],
    ['body re-serialized', { ...good, body: JSON.stringify(JSON.parse(body)) }, 403],
    ['timestamp changed', { ...good, headers: { ...good.headers, 'x-timestamp': String(NOW_SECONDS + 1) } }, 403],
    ['signed with another key', signed(body, String(NOW_SECONDS), 'another-key'), 403],
    ['signature over the body only', { ...good, headers: { ...good.headers, 'x-signature': createHmac('sha256', SIGNING_KEY).update(body).digest('hex') } }, 403],
    ['stale', signed(body, String(NOW_SECONDS - 301)), 403],
    ['from the future', signed(body, String(NOW_SECONDS + 301)), 403],
    ['timestamp in milliseconds', signed(body, String(NOW.getTime())), 403],
    ['timestamp not a number', signed(body, '2026-11-20T01:16:00Z'), 403],
  ];
  for (const [name, raw, status] of cases) assert.equal(statusOf(await adapter().verify(raw, NOW)), status, name);
});

const request = (body: string): RawRequest => ({ method: 'POST', url: '/webhooks/sms', headers: {}, body });

test('parse: sms:received becomes a text message keyed by the event id; every other event is ignored', () => {
  assert.deepEqual(adapter().parse(request(fixture('sms-received')), NOW), {
    ok: true,
    ignored: 0,
    messages: [
      {
        kind: 'text',
        channel: 'sms',
        messageId: 'Ey6ECgOkVVFjz3CL48B8C',
        userId: '+84912345678',
        receivedAt: new Date('2026-11-20T01:15:42.000Z'),
        text: 'Cho hỏi làm giấy khai sinh cho con ở đâu ạ?',
      },
    ],
  });
  // Same content, so the same payload.messageId: only the event id tells the two apart.
  const local = adapter().parse(request(fixture('sms-received-local-number')), NOW);
  assert.ok(local.ok);
  assert.deepEqual([local.messages[0]?.messageId, local.messages[0]?.userId], ['Qp0Zr7uVx2sNc9LmT4kYb', '+84987654321']);

  for (const name of ['sms-sent', 'sms-delivered', 'sms-failed', 'system-ping']) {
    assert.deepEqual(adapter().parse(request(fixture(name)), NOW), { ok: true, messages: [], ignored: 1 }, name);
  }
  const newerEvent = JSON.stringify({ id: 'e1', webhookId: 'w', deviceId: 'd', event: 'mms:received', payload: {} });
  assert.deepEqual(adapter().parse(request(newerEvent), NOW), { ok: true, messages: [], ignored: 1 });
  // A carrier notice from a name cannot be answered: acknowledged, not refused (the app would retry a refusal).
  const carrier = fixture('sms-received').replace('"+84912345678"', '"Viettel"');
  assert.deepEqual(adapter().parse(request(carrier), NOW), { ok: true, messages: [], ignored: 1 });
  // The phone's clock may be unreadable: our clock then.
  const noTime = JSON.parse(fixture('sms-received')) as { payload: Record<string, unknown> };
  delete noTime.payload.receivedAt;
  const parsed = adapter().parse(request(JSON.stringify(noTime)), NOW);
  assert.equal(parsed.ok && parsed.messages[0]?.receivedAt, NOW);
});

test('parse refuses malformed events with 400', () => {
  const event = () => JSON.parse(fixture('sms-received')) as Record<string, unknown> & { payload: Record<string, unknown> };
  const without = (change: (e: ReturnType<typeof event>) => void) => {
    const e = event();
    change(e);
    return JSON.stringify(e);
  };
  const cases: Array<[string, string]> = [
    ['not JSON', '{"id": '],
    ['an array', '[]'],
    ['null', 'null'],
    ['no id', without((e) => delete e.id)],
    ['empty id', without((e) => (e.id = ''))],
    ['numeric id', without((e) => (e.id = 42))],
    ['no event', without((e) => delete e.event)],
    ['no payload', without((e) => Reflect.deleteProperty(e, 'payload'))],
    ['no phone', without((e) => delete e.payload.phoneNumber)],
    ['blank phone', without((e) => (e.payload.phoneNumber = ' '))],
    ['no message', without((e) => delete e.payload.message)],
  ];
  for (const [name, body] of cases) assert.equal(statusOf(adapter().parse(request(body), NOW)), 400, name);
});

test('render gives one folded text per reply within two segments', () => {
  const sms = adapter();
  assert.deepEqual(sms.capabilities, { maxTextLength: 306, buttons: false, location: false, images: false });
  assert.deepEqual(sms.render({ kind: 'choices', text: 'Bạn hỏi về?', options: [{ value: 'a', title: 'Khai sinh' }] }), [
    { body: { text: 'Ban hoi ve?\n1. Khai sinh' } },
  ]);
  const [long] = sms.render({ kind: 'text', text: 'Hồ sơ gồm tờ khai và giấy chứng sinh. '.repeat(30) });
  assert.ok(String(long?.body.text).endsWith(' ... Chi tiet: dichvucong.gov.vn'));
  assert.ok(String(long?.body.text).length <= 306);
  assert.equal(sms.inlineResponse, undefined, 'the gateway answers through its API, not the webhook response');
});

// --- send, against a stub of the gateway's API ---

interface Recorded {
  method: string;
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  json: unknown;
}

type StubMode = 'ok' | '400' | '401' | '429' | '500' | 'hang';
const recorded: Recorded[] = [];
let mode: StubMode = 'ok';
let base = '';
const server = createServer((request: HttpRequest, response: ServerResponse) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  request.on('end', () => {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      json = body;
    }
    recorded.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, contentType: request.headers['content-type'], json });
    const reply = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    if (mode === 'hang') return;
    if (mode === 'ok') return reply(202, { id: 'Kq7vN2xP9sT4bW1mZ8cR3', state: 'Pending', recipients: [{ phoneNumber: '+84912345678', state: 'Pending' }] });
    if (mode === '400') return reply(400, { message: 'invalid phone number' });
    if (mode === '401') return reply(401, { message: 'Unauthorized' });
    if (mode === '429') return reply(429, { message: 'too many requests' });
    return reply(500, { message: 'internal error' });
  });
});

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

test('send posts JSON with Basic auth to /message and classifies failures', async () => {
  const sms = adapter({ url: `${base}/3rdparty/v1/`, timeoutMs: 300 });
  const payload = sms.render({ kind: 'text', text: 'Đã nhận phản ánh của bạn.' })[0]!;
  const target = { userId: '+84912345678' };

  mode = 'ok';
  recorded.length = 0;
  assert.deepEqual(await sms.send(target, payload), { ok: true, providerMessageId: 'Kq7vN2xP9sT4bW1mZ8cR3' });
  const [call] = recorded;
  assert.equal(call?.method, 'POST');
  assert.equal(call?.url, '/3rdparty/v1/message');
  assert.equal(call?.authorization, `Basic ${Buffer.from('sms:Mật-khẩu:1', 'utf8').toString('base64')}`);
  assert.match(call?.contentType ?? '', /^application\/json/);
  assert.deepEqual(call?.json, { textMessage: { text: 'Da nhan phan anh cua ban.' }, phoneNumbers: ['+84912345678'] });

  const expectations: Array<[StubMode, boolean, RegExp]> = [
    ['400', false, /400: invalid phone number/],
    ['401', false, /401/],
    ['429', true, /429/],
    ['500', true, /500/],
    ['hang', true, /300 ms/],
  ];
  for (const [failure, retryable, reason] of expectations) {
    mode = failure;
    const result = await sms.send(target, payload);
    assert.equal(result.ok, false, failure);
    if (result.ok) continue;
    assert.equal(result.retryable, retryable, failure);
    assert.match(result.reason, reason, failure);
  }
});

test('send never throws: an unreachable phone and a payload without text are results', async () => {
  const closed = adapter({ url: 'http://127.0.0.1:1', timeoutMs: 500 });
  const unreachable = await closed.send({ userId: '+84912345678' }, { body: { text: 'x' } });
  assert.deepEqual([unreachable.ok, !unreachable.ok && unreachable.retryable], [false, true]);
  const broken = await closed.send({ userId: '+84912345678' }, { body: { Body: 'x' } });
  assert.deepEqual([broken.ok, !broken.ok && broken.retryable], [false, false]);
});
