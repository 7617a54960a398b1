import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage as HttpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createZaloAdapter } from '../adapters/channels/zalo/adapter.ts';
import { refreshZaloToken } from '../adapters/channels/zalo/oauth.ts';
import { nightEnds } from '../adapters/channels/zalo/send.ts';
import { CHOICE_PAYLOAD_PREFIX, type ChannelAdapter, type RawRequest } from '../bot/ports/channel.ts';
import type { IncomingMessage, Reply } from '../bot/types.ts';

const APP_ID = '2553928453557884079';
const OA_SECRET = 'oa-secret-key-for-tests';
const USER = '6142494823000000001';

const fixture = (name: string): string => readFileSync(new URL(`../adapters/channels/zalo/fixtures/${name}.json`, import.meta.url), 'utf8');

/** The peer's side, written independently of the adapter: plain SHA-256 over app_id + body + timestamp + key. */
function zaloMac(body: string, key = OA_SECRET): string {
  const { app_id: appId, timestamp } = JSON.parse(body) as { app_id: string; timestamp: string };
  return createHash('sha256').update(appId + body + timestamp + key, 'utf8').digest('hex');
}

function request(body: string, headers: Record<string, string> = {}): RawRequest {
  return { method: 'POST', url: '/webhooks/zalo', headers, body };
}

const timeOf = (body: string): Date => new Date(Number((JSON.parse(body) as { timestamp: string }).timestamp));

function adapter(overrides: Partial<Parameters<typeof createZaloAdapter>[0]> = {}): ChannelAdapter {
  return createZaloAdapter({ appId: APP_ID, oaSecretKey: OA_SECRET, accessToken: async () => 'token-1', fetch, ...overrides });
}

// ---------------------------------------------------------------- verify

const signedText = fixture('user-send-text');
const otherApp = signedText.replace(`"app_id":"${APP_ID}"`, '"app_id":"1111111111111111111"');

const verifyCases: { name: string; body: string; headers: Record<string, string>; now?: Date; status?: 401 | 403; reason?: RegExp }[] = [
  { name: 'signed with the mac= prefix', body: signedText, headers: { 'x-zevent-signature': `mac=${zaloMac(signedText)}` } },
  { name: 'signed without the prefix, upper-case hex', body: signedText, headers: { 'x-zevent-signature': zaloMac(signedText).toUpperCase() } },
  { name: 'signed follow event', body: fixture('follow'), headers: { 'x-zevent-signature': `mac=${zaloMac(fixture('follow'))}` } },
  { name: 'signed, 9 minutes old', body: signedText, headers: { 'x-zevent-signature': `mac=${zaloMac(signedText)}` }, now: new Date(timeOf(signedText).getTime() + 9 * 60_000) },
  { name: 'missing header', body: signedText, headers: {}, status: 401 },
  { name: 'empty header', body: signedText, headers: { 'x-zevent-signature': '' }, status: 401 },
  {
    name: 'tampered body',
    body: signedText.replace('Làm lại CCCD', 'Làm mới CCCD'),
    headers: { 'x-zevent-signature': `mac=${zaloMac(signedText)}` },
    status: 403,
    reason: /does not match/,
  },
  { name: 'wrong key', body: signedText, headers: { 'x-zevent-signature': `mac=${zaloMac(signedText, 'another-oa-key')}` }, status: 403, reason: /does not match/ },
  { name: 'HMAC instead of plain hash', body: signedText, headers: { 'x-zevent-signature': `mac=${createHash('sha256').update(signedText).digest('hex')}` }, status: 403 },
  { name: 'another app, correctly signed', body: otherApp, headers: { 'x-zevent-signature': `mac=${zaloMac(otherApp)}` }, status: 403, reason: /app_id/ },
  {
    name: 'stale timestamp (11 minutes old)',
    body: signedText,
    headers: { 'x-zevent-signature': `mac=${zaloMac(signedText)}` },
    now: new Date(timeOf(signedText).getTime() + 11 * 60_000),
    status: 403,
    reason: /timestamp/,
  },
  {
    name: 'timestamp 11 minutes in the future',
    body: signedText,
    headers: { 'x-zevent-signature': `mac=${zaloMac(signedText)}` },
    now: new Date(timeOf(signedText).getTime() - 11 * 60_000),
    status: 403,
    reason: /timestamp/,
  },
  { name: 'body not JSON', body: 'not json', headers: { 'x-zevent-signature': `mac=${'0'.repeat(64)}` }, status: 403 },
  { name: 'garbage signature', body: signedText, headers: { 'x-zevent-signature': 'mac=xyz' }, status: 403 },
];

for (const c of verifyCases) {
  test(`zalo verify: ${c.name}`, async () => {
    const result = await adapter().verify(request(c.body, c.headers), c.now ?? timeOf(signedText));
    if (c.status === undefined) {
      assert.deepEqual(result, { ok: true });
    } else {
      assert.equal(result.ok, false);
      assert.ok(!result.ok);
      assert.equal(result.status, c.status);
      if (c.reason) assert.match(result.reason, c.reason);
    }
  });
}

// ---------------------------------------------------------------- parse

type Expected = Omit<IncomingMessage, 'channel' | 'receivedAt'> & Record<string, unknown>;

const parseCases: { fixture: string; message?: Expected; ignored?: true }[] = [
  { fixture: 'user-send-text', message: { kind: 'text', userId: USER, messageId: 'user_send_text:cb31dff1c39642cc1b83', text: 'Làm lại CCCD ở đâu?' } },
  { fixture: 'user-send-text-choice', message: { kind: 'choice', userId: USER, messageId: 'user_send_text:d41d8cd98f00b204e980', value: 'menu:ho-tich' } },
  { fixture: 'user-click-button', message: { kind: 'choice', userId: USER, messageId: 'user_click_button:0cc175b9c0f1b6a831c3', value: 'report:khac' } },
  {
    fixture: 'anonymous-send-text',
    message: { kind: 'text', userId: 'a9f3c1e07b5d4f1e8c2a', messageId: 'anonymous_send_text:e4da3b7fbbce2345d777', text: 'cho hoi lam giay khai sinh can gi' },
  },
  {
    fixture: 'user-send-image',
    message: {
      kind: 'image',
      userId: USER,
      messageId: 'user_send_image:92eb5ffee6ae2fec3ad7',
      url: 'https://photo-stal.zadn.vn/full/abc123.jpg',
      caption: 'Đèn đường hẻm 5 bị tắt',
    },
  },
  {
    fixture: 'user-send-location-strings',
    message: { kind: 'location', userId: USER, messageId: 'user_send_location:a1b2c3d4e5f6a7b8c9d0', latitude: 10.7642, longitude: 106.6564 },
  },
  {
    fixture: 'user-send-location-numbers',
    message: { kind: 'location', userId: USER, messageId: 'user_send_location:b2c3d4e5f6a7b8c9d0e1', latitude: 9.7845, longitude: 105.4701 },
  },
  {
    fixture: 'user-send-location-message',
    message: { kind: 'location', userId: USER, messageId: 'user_send_location:c3d4e5f6a7b8c9d0e1f2', latitude: 9.9334, longitude: 105.6132 },
  },
  { fixture: 'follow', message: { kind: 'follow', userId: USER, messageId: `follow:${USER}:1732600009000` } },
  { fixture: 'unfollow', message: { kind: 'unfollow', userId: USER, messageId: `unfollow:${USER}:1732600010000` } },
  {
    fixture: 'user-send-text-numeric-sender',
    message: { kind: 'text', userId: USER, messageId: 'user_send_text:45c48cce2e2d7fbdea1a', text: 'Cho hỏi giờ làm việc, id 1234567890123456789:00' },
  },
  { fixture: 'oa-send-text', ignored: true },
  { fixture: 'user-seen-message', ignored: true },
  { fixture: 'user-received-message', ignored: true },
  { fixture: 'user-send-sticker', ignored: true },
];

for (const c of parseCases) {
  test(`zalo parse: ${c.fixture}`, () => {
    const body = fixture(c.fixture);
    const result = adapter().parse(request(body), new Date(0));
    assert.ok(result.ok, JSON.stringify(result));
    if (c.ignored) {
      assert.deepEqual(result.messages, []);
      assert.equal(result.ignored, 1);
      return;
    }
    assert.equal(result.ignored, 0);
    assert.equal(result.messages.length, 1);
    const [message] = result.messages;
    assert.deepEqual(message, { ...c.message, channel: 'zalo', receivedAt: timeOf(body) });
    assert.equal(typeof message?.userId, 'string');
    assert.equal(typeof message?.messageId, 'string');
  });
}

const refusedCases: { name: string; body: string; reason: RegExp }[] = [
  { name: 'malformed JSON', body: '{"event_name":"user_send_text",', reason: /JSON/ },
  { name: 'JSON array', body: '[]', reason: /JSON object/ },
  { name: 'missing event_name', body: fixture('missing-event-name'), reason: /event_name/ },
  { name: 'user event without sender', body: fixture('user-send-text-missing-sender'), reason: /sender/ },
  { name: 'follow without follower', body: '{"event_name":"follow","timestamp":"1732600009000","oa_id":"3662729599332560487"}', reason: /follower/ },
  {
    name: 'location without coordinates',
    body: fixture('user-send-location-strings').replace('"latitude":"10.7642"', '"latitude":"north"'),
    reason: /latitude/,
  },
];

for (const c of refusedCases) {
  test(`zalo parse refuses: ${c.name}`, () => {
    const result = adapter().parse(request(c.body), new Date());
    assert.ok(!result.ok);
    assert.equal(result.status, 400);
    assert.match(result.reason, c.reason);
  });
}

test('zalo parse: a big numeric id keeps every digit, and a JSON.parse round trip would not', () => {
  const body = fixture('user-send-text-numeric-sender');
  assert.notEqual(String((JSON.parse(body) as { sender: { id: number } }).sender.id), USER);
  const result = adapter().parse(request(body), new Date());
  assert.ok(result.ok);
  assert.equal(result.messages[0]?.userId, USER);
});

// ---------------------------------------------------------------- render

type Body = { message: { text: string; attachment?: { type: string; payload: { buttons: { title: string; type: string; payload: unknown }[] } } } };
const bodies = (reply: Reply): Body[] => adapter().render(reply).map((p) => p.body as unknown as Body);

test('zalo render: a long text splits into pieces of at most 2000 characters on boundaries, losing no word', () => {
  const sentence = 'Người dân mang theo căn cước công dân và giấy tờ liên quan đến bộ phận một cửa. ';
  const paragraphs = Array.from({ length: 6 }, (_, i) => `Đoạn ${i + 1}. ${sentence.repeat(12).trim()}`);
  const text = paragraphs.join('\n\n');
  assert.ok(text.length > 5000);
  const pieces = bodies({ kind: 'text', text }).map((b) => b.message.text);
  assert.ok(pieces.length >= 3);
  for (const piece of pieces) {
    assert.ok(piece.length <= 2000, `piece of ${piece.length}`);
    assert.match(piece, /[.]$/, 'each piece ends at a sentence or paragraph end');
  }
  assert.equal(pieces.join(' ').split(/\s+/).join(' '), text.split(/\s+/).join(' '));
});

test('zalo render: a text without any boundary is cut hard at 2000', () => {
  const text = 'x'.repeat(4500);
  const pieces = bodies({ kind: 'text', text }).map((b) => b.message.text);
  assert.deepEqual(pieces.map((p) => p.length), [2000, 2000, 500]);
});

test('zalo render: a short text is one plain message', () => {
  assert.deepEqual(bodies({ kind: 'text', text: 'Dạ không có gì ạ.' }), [{ message: { text: 'Dạ không có gì ạ.' } }]);
});

test('zalo render: choices are one message listing every option, with at most 5 query buttons', () => {
  const options = Array.from({ length: 10 }, (_, i) => ({ value: `menu:muc-${i + 1}`, title: `Mục số ${i + 1} ${'rất dài '.repeat(i === 0 ? 20 : 0)}`.trim() }));
  const [first, ...rest] = bodies({ kind: 'choices', text: 'Bạn chọn một mục (trả lời bằng số):', options });
  assert.equal(rest.length, 0);
  assert.ok(first);
  const lines = first.message.text.split('\n');
  assert.equal(lines[0], 'Bạn chọn một mục (trả lời bằng số):');
  assert.equal(lines.length, 11);
  assert.ok(lines[10]?.startsWith('10. Mục số 10'));
  const buttons = first.message.attachment?.payload.buttons ?? [];
  assert.equal(first.message.attachment?.type, 'template');
  assert.equal(buttons.length, 5);
  buttons.forEach((button, i) => {
    assert.equal(button.type, 'oa.query.hide');
    assert.equal(button.payload, `${CHOICE_PAYLOAD_PREFIX}menu:muc-${i + 1}`);
    assert.ok(button.title.startsWith(`${i + 1}. `));
    assert.ok(button.title.length <= 100);
  });
  assert.ok((buttons[0]?.title.length ?? 0) > 90, 'a long title is cut, not dropped');
});

test('zalo render: a tapped button comes back through parse as the same choice', () => {
  const [body] = bodies({ kind: 'choices', text: 'Chọn:', options: [{ value: 'intent:human', title: 'Gặp cán bộ' }] });
  const payload = body?.message.attachment?.payload.buttons[0]?.payload;
  assert.equal(typeof payload, 'string');
  const event = JSON.parse(fixture('user-click-button')) as { message: { text: string } };
  event.message.text = payload as string;
  const result = adapter().parse(request(JSON.stringify(event)), new Date());
  assert.ok(result.ok);
  const [message] = result.messages;
  assert.equal(message?.kind, 'choice');
  assert.equal(message.value, 'intent:human');
});

test('zalo render: a link is the text with the URL and an oa.open.url button', () => {
  const [body, ...rest] = bodies({ kind: 'link', text: 'Nộp hồ sơ trực tuyến tại Cổng Dịch vụ công:', url: 'https://dichvucong.gov.vn' });
  assert.equal(rest.length, 0);
  assert.ok(body?.message.text.includes('https://dichvucong.gov.vn'));
  assert.deepEqual(body?.message.attachment?.payload.buttons.map((b) => [b.type, b.payload]), [['oa.open.url', { url: 'https://dichvucong.gov.vn' }]]);
});

test('zalo render: ask-location is text that points to Zalo\'s "Vị trí" button or a typed address', () => {
  const [body, ...rest] = bodies({ kind: 'ask-location', text: 'Sự việc ở đâu ạ?' });
  assert.equal(rest.length, 0);
  assert.ok(body?.message.text.startsWith('Sự việc ở đâu ạ?'));
  assert.match(body?.message.text ?? '', /"Vị trí"/);
  assert.match(body?.message.text ?? '', /địa chỉ/);
  assert.equal(body?.message.attachment, undefined);
});

test('zalo adapter: capabilities', () => {
  assert.deepEqual(adapter().capabilities, { maxTextLength: 2000, buttons: true, location: true, images: true });
  assert.equal(adapter().id, 'zalo');
});

// ---------------------------------------------------------------- stub Zalo server

interface Recorded {
  method: string;
  url: string;
  headers: HttpRequest['headers'];
  body: string;
}

let respond: (res: ServerResponse) => void = (res) => res.end();
const recorded: Recorded[] = [];
const stub = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    recorded.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    respond(res);
  });
});
let base = '';

before(async () => {
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
});
after(async () => {
  stub.closeAllConnections();
  await new Promise<void>((resolve) => stub.close(() => resolve()));
});

function json(status: number, value: unknown): (res: ServerResponse) => void {
  return (res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
}

const sender = () => adapter({ apiBase: base, accessToken: async () => 'oa-access-token', timeoutMs: 300 });
const hello = { body: { message: { text: 'Xin chào' } } };

test('zalo send: success returns data.message_id; the request carries the access_token header and the recipient', async () => {
  recorded.length = 0;
  respond = json(200, { error: 0, message: 'Success', data: { message_id: '8c1f2a9b3d4e5f60718293a4', user_id: USER } });
  const result = await sender().send({ userId: USER, replyToMessageId: 'user_send_text:cb31dff1c39642cc1b83' }, hello);
  assert.deepEqual(result, { ok: true, providerMessageId: '8c1f2a9b3d4e5f60718293a4' });
  assert.equal(recorded.length, 1);
  const [seen] = recorded;
  assert.equal(seen?.method, 'POST');
  assert.equal(seen?.url, '/v3.0/oa/message/cs');
  assert.equal(seen?.headers['access_token'], 'oa-access-token');
  assert.match(String(seen?.headers['content-type']), /application\/json/);
  assert.deepEqual(JSON.parse(seen?.body ?? ''), { recipient: { user_id: USER }, message: { text: 'Xin chào' } });
});

const sendFailures: { name: string; respond: (res: ServerResponse) => void; retryable: boolean; authExpired?: true; needsResident?: true; reason?: RegExp }[] = [
  { name: 'error -32 (rate limit)', respond: json(200, { error: -32, message: 'Your application reached limit call api' }), retryable: true, reason: /-32/ },
  { name: 'error -100', respond: json(200, { error: -100, message: 'Unknown error' }), retryable: true },
  { name: 'error -216 (token invalid)', respond: json(200, { error: -216, message: 'Access token is invalid' }), retryable: false, authExpired: true },
  { name: 'error -124', respond: json(200, { error: -124, message: 'Access token expired' }), retryable: false, authExpired: true },
  {
    name: 'error -230 (outside the 7-day window)',
    respond: json(200, { error: -230, message: 'User has not interacted with the OA in the past 7 days' }),
    retryable: false,
    needsResident: true,
    reason: /-230.*window/,
  },
  { name: 'error -232 (no current interaction)', respond: json(200, { error: -232, message: 'no interaction' }), retryable: false, needsResident: true, reason: /-232/ },
  { name: 'error -213 (not a follower)', respond: json(200, { error: -213, message: 'not follower' }), retryable: false, reason: /-213/ },
  { name: 'error -234 (night ban): tried again later', respond: json(200, { error: -234, message: 'night' }), retryable: true, reason: /-234/ },
  { name: 'error -233 (permanent)', respond: json(200, { error: -233, message: 'type unsupported' }), retryable: false, reason: /-233/ },
  { name: 'HTTP 503', respond: (res) => { res.writeHead(503); res.end('busy'); }, retryable: true, reason: /503/ },
  { name: 'HTTP 400', respond: (res) => { res.writeHead(400); res.end('bad'); }, retryable: false, reason: /400/ },
  { name: 'hanging response', respond: () => undefined, retryable: true, reason: /timed out/ },
];

for (const c of sendFailures) {
  test(`zalo send: ${c.name}`, async () => {
    respond = c.respond;
    const started = Date.now();
    const result = await sender().send({ userId: USER }, hello);
    assert.ok(!result.ok);
    assert.equal(result.retryable, c.retryable);
    assert.equal(result.authExpired, c.authExpired);
    assert.equal(result.needsResident, c.needsResident);
    if (c.reason) assert.match(result.reason, c.reason);
    assert.ok(Date.now() - started < 5_000);
  });
}

test('zalo send: the night ban is waited out until 06:00 in Vietnam, and only at night', () => {
  // 22:30 in Vietnam is 15:30 UTC; 05:59 is 22:59 UTC; 06:00 is 23:00 UTC; noon is 05:00 UTC.
  assert.equal(nightEnds(new Date('2026-12-04T15:30:00Z'))?.toISOString(), '2026-12-04T23:00:00.000Z');
  assert.equal(nightEnds(new Date('2026-12-04T22:59:00Z'))?.toISOString(), '2026-12-04T23:00:00.000Z');
  assert.equal(nightEnds(new Date('2026-12-04T23:00:00Z')), undefined);
  assert.equal(nightEnds(new Date('2026-12-05T05:00:00Z')), undefined);
});

test('zalo send: a refused connection is retryable, and a failing token provider does not throw', async () => {
  const closed = adapter({ apiBase: 'http://127.0.0.1:1', timeoutMs: 500 });
  const down = await closed.send({ userId: USER }, hello);
  assert.ok(!down.ok && down.retryable);
  const noToken = adapter({ apiBase: base, accessToken: () => Promise.reject(new Error('store down')) });
  const result = await noToken.send({ userId: USER }, hello);
  assert.ok(!result.ok && result.retryable);
  assert.match(result.reason, /store down/);
});

// ---------------------------------------------------------------- oauth

test('zalo oauth: a refresh posts the form with the secret_key header and parses the string expires_in', async () => {
  recorded.length = 0;
  respond = json(200, { access_token: 'new-access', refresh_token: 'new-refresh', expires_in: '90000' });
  const result = await refreshZaloToken({ oauthBase: base, appId: APP_ID, appSecret: 'app-secret', refreshToken: 'old-refresh', fetch });
  assert.deepEqual(result, { ok: true, accessToken: 'new-access', refreshToken: 'new-refresh', expiresInSeconds: 90000 });
  const [seen] = recorded;
  assert.equal(seen?.method, 'POST');
  assert.equal(seen?.url, '/v4/oa/access_token');
  assert.equal(seen?.headers['secret_key'], 'app-secret');
  assert.match(String(seen?.headers['content-type']), /application\/x-www-form-urlencoded/);
  const form = new URLSearchParams(seen?.body ?? '');
  assert.deepEqual(Object.fromEntries(form), { app_id: APP_ID, refresh_token: 'old-refresh', grant_type: 'refresh_token' });
});

test('zalo oauth: a missing expires_in defaults to 25 hours', async () => {
  respond = json(200, { access_token: 'a', refresh_token: 'r' });
  const result = await refreshZaloToken({ oauthBase: base, appId: APP_ID, appSecret: 's', refreshToken: 'r0', fetch });
  assert.ok(result.ok);
  assert.equal(result.expiresInSeconds, 90000);
});

const refreshFailures: { name: string; respond: (res: ServerResponse) => void; retryable: boolean; reason?: RegExp }[] = [
  {
    name: 'an error body',
    respond: json(200, { error_name: 'Invalid parameter', error_reason: 'Invalid refresh token', error_description: 'refresh token is invalid', error: -14014 }),
    retryable: false,
    reason: /-14014.*refresh token is invalid/,
  },
  { name: 'a body without tokens', respond: json(200, { expires_in: '90000' }), retryable: false },
  { name: 'HTTP 502', respond: (res) => { res.writeHead(502); res.end(); }, retryable: true },
  { name: 'a hanging response', respond: () => undefined, retryable: true, reason: /timed out/ },
];

for (const c of refreshFailures) {
  test(`zalo oauth: ${c.name}`, async () => {
    respond = c.respond;
    const result = await refreshZaloToken({ oauthBase: base, appId: APP_ID, appSecret: 's', refreshToken: 'r0', fetch, timeoutMs: 300 });
    assert.ok(!result.ok);
    assert.equal(result.retryable, c.retryable);
    if (c.reason) assert.match(result.reason, c.reason);
  });
}
