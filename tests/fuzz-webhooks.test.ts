import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import twilio from 'twilio';
import type { Hono } from 'hono';
import { createApp } from '../adapters/http/app.ts';
import type { Logger } from '../bot/ports/logger.ts';
import { assemble, type Assembly } from '../adapters/runtime/assemble.ts';
import { openSqlite } from '../adapters/storage/sqlite.ts';
import { TEST_SITE } from './helpers.ts';

/**
 * Every webhook (and /api/chat) takes hostile input without a 5xx, a crash or a background failure, and stores
 * nothing for a request without a valid signature. Payloads are shaped like each platform's (so they get past
 * the first checks) with every field drawn from values that break naive code: out-of-range dates, 1e400,
 * 30-digit integers, lone surrogates, wrong types, deep nesting; plus bodies that are not JSON at all.
 * Driven through app.request(): no port. The fast-check seed is printed on a failure to replay it.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const TELEGRAM_SECRET = 'fuzz-secret_1';
const ZALO = { appId: '2553928453557884079', oaSecret: 'fuzz-oa-secret' };
const TWILIO_TOKEN = 'fuzz-twilio-token';
const GATEWAY_KEY = 'fuzz-gateway-key';
const PUBLIC_BASE = 'https://tro-ly.example.gov.vn';

// In memory: what is checked is what gets stored, not how durably; a file's fsyncs would make 50,000 requests take minutes.
const database = { db: openSqlite(':memory:') };
const failures: string[] = [];
const logger: Logger = { info: () => {}, error: (event, fields) => failures.push(`${event} ${JSON.stringify(fields)}`) };
let product: Assembly;
let app: Hono;

// The platforms' send APIs answer OK at once: replies drain without a network.
const fakeFetch = (async (input: string | URL | Request) => {
  const url = String(input instanceof Request ? input.url : input);
  if (url.includes('/sendMessage')) return Response.json({ ok: true, result: { message_id: 1 } });
  if (url.includes('/oa/message')) return Response.json({ error: 0, data: { message_id: 'z1' } });
  if (url.includes('/Messages.json')) return Response.json({ sid: 'SM1' }, { status: 201 });
  return Response.json({ id: 'gw-1', state: 'Pending' }, { status: 202 });
}) as typeof fetch;

before(async () => {
  product = await assemble(database.db, TEST_SITE, {
    logger,
    fetch: fakeFetch,
    outboxBaseDelayMs: 5,
    env: {
      PUBLIC_BASE_URL: PUBLIC_BASE,
      TELEGRAM_BOT_TOKEN: '123456:FUZZ-token',
      TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      TELEGRAM_API_BASE: 'http://telegram.invalid',
      ZALO_APP_ID: ZALO.appId,
      ZALO_APP_SECRET: 'fuzz-app-secret',
      ZALO_OA_SECRET_KEY: ZALO.oaSecret,
      ZALO_ACCESS_TOKEN: 'access-0',
      ZALO_REFRESH_TOKEN: 'refresh-0',
      ZALO_API_BASE: 'http://zalo.invalid',
      ZALO_OAUTH_BASE: 'http://zalo.invalid',
      TWILIO_ACCOUNT_SID: 'AC' + '0'.repeat(32),
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      TWILIO_FROM: '+15005550006',
      TWILIO_API_BASE: 'http://twilio.invalid',
      SMS_GATEWAY_URL: 'http://gateway.invalid',
      SMS_GATEWAY_USER: 'sms',
      SMS_GATEWAY_PASSWORD: 'pass',
      SMS_GATEWAY_SIGNING_KEY: GATEWAY_KEY,
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
  });
  await database.db.updateTable('channel_tokens').set({ expires_at: new Date(Date.now() + 86_400_000).toISOString() }).execute();
  app = createApp({
    bot: product.bot, logger, now: () => new Date(), title: 'Trợ lý', health: () => ({}),
    channels: product.channels, pipeline: product.pipeline, webchat: product.webchat, clientAddress: () => '192.0.2.1',
  });
});

after(async () => {
  await product.settled();
  await database.db.destroy();
});

const inboxCount = async (): Promise<number> => Number((await database.db.selectFrom('inbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

// --- values that break naive code -------------------------------------------------------------------------

/** A number written into the JSON text as is: JSON.stringify cannot write 1e400 or a 30-digit integer exactly. */
class RawNumber {
  constructor(readonly text: string) {}
}

const RAW_MARK = '\u0000raw:';
function toJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof RawNumber ? RAW_MARK + v.text : v));
  return text.replace(/"\\u0000raw:([^"]*)"/g, '$1');
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const nastyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: fc.oneof(loneSurrogate, fc.constantFrom('\u0000', '\u202e', '\ufeff', 'đ', 'ệ', 'e\u0301', '"', '\\', '😀')), maxLength: 40 }),
  fc.constantFrom('', ' ', 'STOP', 'HUY', 'START', 'HELP', '#c:', '#c:report:den-duong', '1', '99999999999999999999', 'làm căn cước ở đâu'),
);
const hugeNumber = fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '9007199254740993', '-0', '1e-400', '8.64e15', '8640000000001', '0.5');
const nastyNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e21, 8.64e12, 8.64e15, 253402300800, -253402300800),
  hugeNumber.map((text) => new RawNumber(text)),
);
const anything: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyNumber },
  { weight: 3, arbitrary: nastyText },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);
/** Usually a value of the expected kind, sometimes anything, sometimes absent. */
const field = <T>(typical: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 6, arbitrary: typical }, { weight: 3, arbitrary: anything }, { weight: 1, arbitrary: fc.constant(undefined) });
const deepNesting = fc.integer({ min: 1, max: 5000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth));
/** Bodies that are not the platform's shape at all. */
const garbageBody = fc.oneof(
  fc.string(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  deepNesting,
  fc.integer({ min: 0, max: 100_000 }).map((n) => `{"timestamp":"1",${' '.repeat(n)}"x":1234567890123456789}`),
);

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

// --- one arbitrary per platform ----------------------------------------------------------------------------

const telegramChat = fc.record({ id: field(fc.integer({ min: 1, max: 2 ** 40 })), type: field(fc.constantFrom('private', 'group', 'channel')) }, { requiredKeys: [] });
const telegramMessage = fc.record(
  {
    message_id: field(fc.nat()),
    date: field(fc.integer({ min: 0, max: 4_000_000_000 })),
    chat: field(telegramChat),
    text: field(nastyText),
    caption: field(nastyText),
    location: field(fc.record({ latitude: nastyNumber, longitude: nastyNumber })),
    photo: field(fc.array(fc.record({ file_id: field(nastyText), width: field(fc.nat()), height: field(fc.nat()) }), { maxLength: 4 })),
  },
  { requiredKeys: [] },
);
const telegramUpdate = fc
  .record(
    {
      update_id: field(fc.nat()),
      message: field(telegramMessage),
      callback_query: field(fc.record({ id: field(nastyText), from: field(fc.record({ id: field(fc.nat()) })), data: field(nastyText), message: field(telegramMessage) }, { requiredKeys: [] })),
      my_chat_member: field(fc.record({ chat: field(telegramChat), date: nastyNumber, new_chat_member: fc.record({ status: field(fc.constantFrom('kicked', 'member', 'left')) }) }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  )
  .map(toJson);

const zaloEvent = fc
  .record(
    {
      app_id: fc.oneof({ weight: 8, arbitrary: fc.constant(ZALO.appId) }, { weight: 1, arbitrary: fc.constant(new RawNumber(ZALO.appId)) }, { weight: 1, arbitrary: anything }),
      event_name: field(fc.constantFrom('user_send_text', 'user_send_image', 'user_send_location', 'follow', 'unfollow', 'user_click_button', 'anonymous_send_text', 'oa_send_text', 'user_seen_message')),
      timestamp: fc.oneof({ weight: 8, arbitrary: fc.constant('now') }, { weight: 2, arbitrary: anything }),
      sender: field(fc.record({ id: field(fc.oneof(fc.constant('6142494823000000001'), nastyText, hugeNumber.map((t) => new RawNumber(t)))) }, { requiredKeys: [] })),
      follower: field(fc.record({ id: field(nastyText) }, { requiredKeys: [] })),
      message: field(
        fc.record(
          {
            msg_id: field(nastyText),
            text: field(nastyText),
            attachments: field(
              fc.array(
                fc.record({ type: field(fc.constantFrom('image', 'location', 'file')), payload: field(fc.record({ url: field(nastyText), coordinates: field(fc.record({ latitude: field(fc.oneof(nastyNumber, nastyText)), longitude: field(fc.oneof(nastyNumber, nastyText)) }, { requiredKeys: [] })) }, { requiredKeys: [] })) }, { requiredKeys: [] }),
                { maxLength: 3 },
              ),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: ['app_id', 'timestamp'] },
  )
  .map((event) => toJson(event.timestamp === 'now' ? { ...event, timestamp: String(Date.now()) } : event));

const twilioParams = fc
  .record(
    {
      MessageSid: field(fc.stringMatching(/^SM[0-9a-f]{32}$/)),
      From: field(fc.oneof(fc.constantFrom('+84912345678', '0912345678', '+15005550006', '84 912 345 678', 'Viettel'), fc.string())),
      Body: field(fc.oneof(nastyText.filter((s) => !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))), fc.string({ unit: 'grapheme' }))),
      MessageStatus: field(fc.constantFrom('delivered', 'failed')),
      NumMedia: field(fc.string()),
    },
    { requiredKeys: [] },
  )
  .map((params) => Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string')));

const gatewayEvent = fc
  .record(
    {
      id: field(nastyText),
      event: field(fc.constantFrom('sms:received', 'sms:sent', 'system:ping')),
      payload: field(
        fc.record(
          {
            message: field(nastyText),
            phoneNumber: field(fc.oneof(fc.constantFrom('+84912345678', '0912345678', 'Viettel', '191'), nastyText)),
            receivedAt: field(fc.oneof(fc.constantFrom('2026-01-01T00:00:00.000+07:00', '+275760-09-13T00:00:00.001Z', '+200000-01-01T00:00:00Z', '1980-01-01T00:00:00Z', 'not a date'), nastyText)),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  )
  .map(toJson);

const chatBody = fc
  .record(
    {
      userId: field(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{22,30}$/), nastyText)),
      text: field(nastyText),
      choice: field(fc.oneof(fc.constantFrom('report:den-duong', 'menu:hoi'), nastyText)),
      event: field(fc.constantFrom('open', 'close')),
      messageId: field(nastyText),
    },
    { requiredKeys: [] },
  )
  .map(toJson);

// --- signing as each platform does it (independently of the adapters) --------------------------------------

function zaloHeaders(body: string): Record<string, string> {
  let parsed: Record<string, unknown> = {};
  try {
    parsed = (JSON.parse(body) as Record<string, unknown> | null) ?? {};
  } catch {
    // Not JSON: signed over empty fields, which the server cannot reproduce either.
  }
  const part = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
  const mac = createHash('sha256').update(part(parsed.app_id) + body + part(parsed.timestamp) + ZALO.oaSecret).digest('hex');
  return { 'content-type': 'application/json', 'x-zevent-signature': `mac=${mac}` };
}

type Attempt = 'signed' | 'none' | 'wrong' | 'other-body';
const attempt = fc.constantFrom<Attempt>('signed', 'signed', 'none', 'wrong', 'other-body');

async function post(path: string, body: string, headers: Record<string, string>): Promise<Response> {
  return app.request(path, { method: 'POST', body, headers });
}

/** Runs one request; checks status, and that nothing is stored when the request was not signed. */
async function check(name: string, signed: boolean, send: () => Promise<Response>, allowedSigned: readonly number[]): Promise<void> {
  const stored = signed ? 0 : await inboxCount();
  const response = await send();
  await response.arrayBuffer();
  assert.ok(response.status < 500, `${name}: ${response.status}`);
  if (signed) {
    assert.ok(allowedSigned.includes(response.status), `${name} signed: ${response.status}`);
  } else {
    assert.ok(response.status === 401 || response.status === 403, `${name} unsigned: ${response.status}`);
    assert.equal(await inboxCount(), stored, `${name}: stored without a valid signature`);
  }
}

const params = { numRuns: RUNS };

test(`telegram webhook: ${RUNS} payloads, signed and unsigned`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof({ weight: 9, arbitrary: telegramUpdate }, { weight: 1, arbitrary: garbageBody }), attempt, async (body, how) => {
      const secret: Record<string, string> = how === 'signed' ? { 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET } : how === 'none' ? {} : { 'x-telegram-bot-api-secret-token': `${TELEGRAM_SECRET}x` };
      await check('telegram', how === 'signed', () => post('/webhooks/telegram', body, { 'content-type': 'application/json', ...secret }), [200, 400]);
    }),
    params,
  );
});

test(`zalo webhook: ${RUNS} payloads, signed and unsigned`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof({ weight: 9, arbitrary: zaloEvent }, { weight: 1, arbitrary: garbageBody }), attempt, async (body, how) => {
      const signedHeaders = zaloHeaders(how === 'other-body' ? `${body} ` : body);
      const headers = how === 'none' ? { 'content-type': 'application/json' } : how === 'wrong' ? { ...signedHeaders, 'x-zevent-signature': `mac=${'0'.repeat(64)}` } : signedHeaders;
      // A signed body whose own app_id or timestamp is not ours or not now is refused (403) like an unsigned one.
      await check('zalo', how === 'signed', () => post('/webhooks/zalo', body, headers), [200, 400, 403]);
    }),
    params,
  );
});

test(`twilio webhook: ${RUNS} payloads, signed and unsigned`, async () => {
  await fc.assert(
    fc.asyncProperty(twilioParams, attempt, async (fields, how) => {
      const body = new URLSearchParams(fields).toString();
      const signature = twilio.getExpectedTwilioSignature(TWILIO_TOKEN, `${PUBLIC_BASE}/webhooks/sms/twilio`, how === 'other-body' ? { ...fields, Extra: '1' } : fields);
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      if (how !== 'none') headers['x-twilio-signature'] = how === 'wrong' ? `${signature}A` : signature;
      await check('twilio', how === 'signed', () => post('/webhooks/sms/twilio', body, headers), [200, 400]);
    }),
    params,
  );
});

test(`sms gateway webhook: ${RUNS} payloads, signed and unsigned`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof({ weight: 9, arbitrary: gatewayEvent }, { weight: 1, arbitrary: garbageBody }), attempt, async (body, how) => {
      const timestamp = String(nowSeconds());
      const signature = createHmac('sha256', GATEWAY_KEY).update((how === 'other-body' ? `${body} ` : body) + timestamp).digest('hex');
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (how !== 'none') Object.assign(headers, { 'x-timestamp': timestamp, 'x-signature': how === 'wrong' ? signature.replace(/^./, (c) => (c === '0' ? '1' : '0')) : signature });
      await check('gateway', how === 'signed', () => post('/webhooks/sms/gateway', body, headers), [200, 400]);
    }),
    params,
  );
});

test(`/api/chat: ${RUNS} payloads`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof({ weight: 9, arbitrary: chatBody }, { weight: 1, arbitrary: garbageBody }), fc.constantFrom('application/json', 'text/plain'), async (body, type) => {
      const response = await post('/api/chat', body, { 'content-type': type });
      await response.arrayBuffer();
      assert.ok(response.status < 500, `chat: ${response.status}`);
    }),
    params,
  );
});

test('nothing failed in the background (handling, outbox) while the fuzzers ran', async () => {
  await product.settled();
  assert.deepEqual(failures, []);
  assert.ok((await inboxCount()) > 0, 'signed payloads were stored: the fuzzers reached the inbox');
});
