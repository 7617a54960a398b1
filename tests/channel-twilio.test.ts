import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage as HttpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import twilio from 'twilio';
import { createTwilioAdapter, type TwilioConfig } from '../adapters/channels/sms/twilio/adapter.ts';
import type { RawRequest } from '../bot/ports/channel.ts';

const AUTH_TOKEN = '12345678901234567890123456789012';
const ACCOUNT_SID = 'AC00000000000000000000000000000000';
const PUBLIC = 'https://bot.example.vn';
const NOW = new Date('2026-11-20T01:00:00Z');

function adapter(overrides: Partial<TwilioConfig> = {}) {
  return createTwilioAdapter({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    from: '+14155550100',
    publicBaseUrl: PUBLIC,
    fetch,
    moreInfo: 'Chi tiết: dichvucong.gov.vn',
    ...overrides,
  });
}

function fixture(name: string): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`../adapters/channels/sms/twilio/fixtures/${name}.json`, import.meta.url), 'utf8')) as Record<string, string>;
}

/** A webhook as the server receives it, signed by the twilio SDK for the URL Twilio called. */
function signed(params: Record<string, string> | URLSearchParams, signedUrl: string, serverUrl: string, token = AUTH_TOKEN): RawRequest {
  const form = params instanceof URLSearchParams ? params : new URLSearchParams(params);
  const grouped: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    grouped[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return {
    method: 'POST',
    url: serverUrl,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(token, signedUrl, grouped) },
    body: form.toString(),
  };
}

test('verify accepts requests signed by the twilio SDK, including spaces, repeated keys and Vietnamese text', async () => {
  const cases: Array<[string, RawRequest]> = [
    ['inbound fixture', signed(fixture('inbound-sms'), `${PUBLIC}/webhooks/sms`, '/webhooks/sms')],
    ['status callback', signed(fixture('status-callback'), `${PUBLIC}/webhooks/sms`, '/webhooks/sms')],
    ['query string', signed(fixture('inbound-sms'), `${PUBLIC}/webhooks/sms?tenant=can-tho&x=1`, '/webhooks/sms?tenant=can-tho&x=1')],
    ['untrimmed values', signed({ ...fixture('inbound-sms'), Body: '  khai sinh  \n' }, `${PUBLIC}/webhooks/sms`, '/webhooks/sms')],
    ['empty body value', signed({ ...fixture('inbound-sms'), Body: '' }, `${PUBLIC}/webhooks/sms`, '/webhooks/sms')],
    ['Vietnamese and symbols', signed({ ...fixture('inbound-sms'), Body: 'Làm lại CCCD ở đâu? 100% & <ok> "x" +1' }, `${PUBLIC}/webhooks/sms`, '/webhooks/sms')],
    ['repeated key', signed(new URLSearchParams('MessageSid=SM1&From=%2B84912345678&Body=hi&MediaUrl=b&MediaUrl=a'), `${PUBLIC}/webhooks/sms`, '/webhooks/sms')],
    // Behind a proxy the server sees its own host and port; the signature is over the public URL.
    ['behind a proxy', signed(fixture('inbound-sms'), `${PUBLIC}/webhooks/sms?src=tw`, 'http://10.0.0.5:8787/webhooks/sms?src=tw')],
    ['signed with :443', signed(fixture('inbound-sms'), 'https://bot.example.vn:443/webhooks/sms', '/webhooks/sms')],
  ];
  for (const [name, raw] of cases) assert.deepEqual(await adapter().verify(raw, NOW), { ok: true }, name);

  // A proxy that strips a path prefix: the prefix belongs to the configured public base.
  const stripped = signed(fixture('inbound-sms'), 'https://gov.example.vn/chatbot/webhooks/sms', '/webhooks/sms');
  assert.deepEqual(await adapter({ publicBaseUrl: 'https://gov.example.vn/chatbot/' }).verify(stripped, NOW), { ok: true });
  // Configured with the port, signed without it.
  const ported = signed(fixture('inbound-sms'), `${PUBLIC}/webhooks/sms`, '/webhooks/sms');
  assert.deepEqual(await adapter({ publicBaseUrl: 'https://bot.example.vn:443' }).verify(ported, NOW), { ok: true });
});

test('verify refuses a missing signature with 401 and a wrong one with 403', async () => {
  const good = signed(fixture('inbound-sms'), `${PUBLIC}/webhooks/sms`, '/webhooks/sms');
  const { 'x-twilio-signature': _, ...unsigned } = good.headers;
  const missing = await adapter().verify({ ...good, headers: unsigned }, NOW);
  assert.equal(missing.ok ? 0 : missing.status, 401);
  const empty = await adapter().verify({ ...good, headers: { ...good.headers, 'x-twilio-signature': '' } }, NOW);
  assert.equal(empty.ok ? 0 : empty.status, 401);
  const wrong = await adapter().verify({ ...good, headers: { ...good.headers, 'x-twilio-signature': 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' } }, NOW);
  assert.equal(wrong.ok ? 0 : wrong.status, 403);
  const otherToken = await adapter({ authToken: 'ffffffffffffffffffffffffffffffff' }).verify(good, NOW);
  assert.equal(otherToken.ok ? 0 : otherToken.status, 403);
});

test('verify agrees with twilio.validateRequest on tampered requests', async () => {
  const params: Record<string, string> = { ...fixture('inbound-sms'), Body: ' Hộ chiếu ' };
  const url = `${PUBLIC}/webhooks/sms?src=tw&q=it's`;
  const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params);
  const cases: Array<[string, Record<string, string>, string, string]> = [
    ['untouched', params, '/webhooks/sms?src=tw&q=it\'s', url],
    ['body changed', { ...params, Body: 'Hộ chiếu' }, '/webhooks/sms?src=tw&q=it\'s', url],
    ['sender changed', { ...params, From: '+84987654321' }, '/webhooks/sms?src=tw&q=it\'s', url],
    ['parameter added', { ...params, Extra: '1' }, '/webhooks/sms?src=tw&q=it\'s', url],
    ['parameter removed', Object.fromEntries(Object.entries(params).filter(([key]) => key !== 'NumSegments')), '/webhooks/sms?src=tw&q=it\'s', url],
    ['query changed', params, '/webhooks/sms?src=tw&q=its', `${PUBLIC}/webhooks/sms?src=tw&q=its`],
    ['path changed', params, '/webhooks/sms2?src=tw&q=it\'s', `${PUBLIC}/webhooks/sms2?src=tw&q=it's`],
    ['query percent-encoded', params, '/webhooks/sms?src=tw&q=it%27s', `${PUBLIC}/webhooks/sms?src=tw&q=it%27s`],
    ['default port added', params, '/webhooks/sms?src=tw&q=it\'s', `https://bot.example.vn:443/webhooks/sms?src=tw&q=it's`],
  ];
  for (const [name, form, serverUrl, sdkUrl] of cases) {
    const raw: RawRequest = { method: 'POST', url: serverUrl, headers: { 'x-twilio-signature': signature }, body: new URLSearchParams(form).toString() };
    const ours = (await adapter().verify(raw, NOW)).ok;
    assert.equal(ours, twilio.validateRequest(AUTH_TOKEN, signature, sdkUrl, form), name);
    assert.equal(ours, name === 'untouched' || name === 'query percent-encoded' || name === 'default port added', `${name}: ours`);
  }
});

test('parse: an inbound SMS becomes a text message; status callbacks are ignored; a missing MessageSid is refused', () => {
  const body = (params: Record<string, string>) => ({ method: 'POST', url: '/webhooks/sms', headers: {}, body: new URLSearchParams(params).toString() });
  assert.deepEqual(adapter().parse(body(fixture('inbound-sms')), NOW), {
    ok: true,
    ignored: 0,
    messages: [
      { kind: 'text', channel: 'sms', messageId: 'SM5f3c1a9e2b7d4c8e9a0b1c2d3e4f5a6b', userId: '+84912345678', receivedAt: NOW, text: 'Lam lai CCCD o dau vay ad?' },
    ],
  });
  const foreign = adapter().parse(body(fixture('inbound-sms-foreign')), NOW);
  assert.ok(foreign.ok);
  assert.equal(foreign.messages[0]?.userId, '+14155550123');
  assert.equal(foreign.messages[0]?.kind === 'text' && foreign.messages[0].text, 'Làm hộ chiếu cho con ở đâu?');
  const local = adapter().parse(body({ ...fixture('inbound-sms'), From: '0912 345 678', Body: '' }), NOW);
  assert.ok(local.ok);
  assert.deepEqual([local.messages[0]?.userId, local.messages[0]?.kind === 'text' && local.messages[0].text], ['+84912345678', '']);

  assert.deepEqual(adapter().parse(body(fixture('status-callback')), NOW), { ok: true, messages: [], ignored: 1 });
  const refusals: Array<[string, Record<string, string>]> = [
    ['missing MessageSid', fixture('missing-message-sid')],
    ['missing From', (({ From: _, ...rest }) => rest)(fixture('inbound-sms'))],
    ['garbage From', { ...fixture('inbound-sms'), From: 'client:anonymous' }],
  ];
  for (const [name, params] of refusals) {
    const result = adapter().parse(body(params), NOW);
    assert.equal(result.ok ? 0 : result.status, 400, name);
  }
});

test('render folds each reply into one Body; inlineResponse writes escaped TwiML', () => {
  const sms = adapter();
  assert.deepEqual(sms.capabilities, { maxTextLength: 306, buttons: false, location: false, images: false });
  assert.deepEqual(sms.render({ kind: 'text', text: 'Đăng ký khai sinh', short: 'Khai sinh: UBND xã' }), [{ body: { Body: 'Khai sinh: UBND xa' } }]);
  const long = sms.render({ kind: 'text', text: 'Mang theo giấy tờ tùy thân. '.repeat(40) });
  assert.equal(long.length, 1);
  assert.ok(String(long[0]?.body.Body).endsWith(' ... Chi tiet: dichvucong.gov.vn'));
  assert.ok(String(long[0]?.body.Body).length <= 306);
  const single = adapter({ segmentBudget: 1 }).render({ kind: 'text', text: 'x '.repeat(200) });
  assert.ok(String(single[0]?.body.Body).length <= 160);

  const twiml = sms.inlineResponse?.([{ body: { Body: `Phí & lệ phí <50.000> "đồng" 'x'` } }, { body: { Body: 'Hai' } }]);
  assert.deepEqual(twiml, {
    contentType: 'text/xml',
    body: `<?xml version="1.0" encoding="UTF-8"?><Response><Message>Phí &amp; lệ phí &lt;50.000&gt; &quot;đồng&quot; &apos;x&apos;</Message><Message>Hai</Message></Response>`,
  });
  assert.deepEqual(sms.inlineResponse?.([]), { contentType: 'text/xml', body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>' });
});

// --- send, against a stub of the Twilio REST API ---

interface Recorded {
  method: string;
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  form: URLSearchParams;
}

const recorded: Recorded[] = [];
type StubMode = 'ok' | '429' | '21610' | '20429' | '500' | 'hang' | 'not-json';
let mode: StubMode = 'ok';
let base = '';
const server = createServer((request: HttpRequest, response: ServerResponse) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  request.on('end', () => {
    recorded.push({
      method: request.method ?? '',
      url: request.url ?? '',
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
      form: new URLSearchParams(body),
    });
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(value));
    };
    if (mode === 'hang') return;
    if (mode === 'ok') return json(201, { sid: 'SM0123456789abcdef0123456789abcdef', status: 'queued' });
    if (mode === '429') return json(429, { code: 20429, message: 'Too Many Requests', status: 429 }, { 'retry-after': '3' });
    if (mode === '20429') return json(400, { code: 20429, message: 'Too Many Requests', status: 400 });
    if (mode === '21610') return json(400, { code: 21610, message: 'Attempt to send to unsubscribed recipient', status: 400 });
    if (mode === 'not-json') {
      response.writeHead(502, { 'content-type': 'text/html' });
      return response.end('<html>Bad gateway</html>');
    }
    return json(500, { code: 20500, message: 'Internal Server Error', status: 500 });
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

test('send posts a form with Basic auth to Messages.json and classifies failures', async () => {
  const sms = adapter({ apiBase: `${base}/`, timeoutMs: 300 });
  const payload = sms.render({ kind: 'text', text: 'Đã nhận phản ánh của bạn.' })[0]!;
  const target = { userId: '+84912345678', replyToMessageId: 'SM5f3c1a9e2b7d4c8e9a0b1c2d3e4f5a6b' };

  mode = 'ok';
  recorded.length = 0;
  assert.deepEqual(await sms.send(target, payload), { ok: true, providerMessageId: 'SM0123456789abcdef0123456789abcdef' });
  const [call] = recorded;
  assert.equal(call?.method, 'POST');
  assert.equal(call?.url, `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
  assert.equal(call?.authorization, `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`);
  assert.equal(call?.contentType, 'application/x-www-form-urlencoded');
  assert.deepEqual(Object.fromEntries(call?.form ?? []), { To: '+84912345678', From: '+14155550100', Body: 'Da nhan phan anh cua ban.' });

  const expectations: Array<[StubMode, boolean, RegExp, number | undefined]> = [
    ['429', true, /429/, 3000],
    ['20429', true, /20429/, undefined],
    ['21610', false, /21610/, undefined],
    ['500', true, /500/, undefined],
    ['not-json', true, /502/, undefined],
    ['hang', true, /300 ms/, undefined],
  ];
  for (const [failure, retryable, reason, retryAfterMs] of expectations) {
    mode = failure;
    const result = await sms.send(target, payload);
    assert.equal(result.ok, false, failure);
    if (result.ok) continue;
    assert.equal(result.retryable, retryable, failure);
    assert.match(result.reason, reason, failure);
    assert.equal(result.retryAfterMs, retryAfterMs, failure);
  }
});

test('send never throws: an unreachable API and a payload without Body are results', async () => {
  const closed = adapter({ apiBase: 'http://127.0.0.1:1', timeoutMs: 500 });
  const unreachable = await closed.send({ userId: '+84912345678' }, { body: { Body: 'x' } });
  assert.deepEqual([unreachable.ok, !unreachable.ok && unreachable.retryable], [false, true]);
  const broken = await closed.send({ userId: '+84912345678' }, { body: {} });
  assert.deepEqual([broken.ok, !broken.ok && broken.retryable], [false, false]);
});
