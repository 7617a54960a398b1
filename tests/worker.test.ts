/**
 * The Worker in workerd itself (Miniflare, offline), built exactly as `wrangler deploy` would upload it: no
 * Node-only module in the bundle, migrations applied to a local D1, Telegram and SMS-gateway webhooks answered
 * end to end through a loopback stub, the outbox drained by the scheduled handler, a report filed and looked up,
 * the staff log-in page and a log-in (scrypt) working, and the figures: bundle size, CPU per webhook.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Miniflare } from 'miniflare';
import { startStubPlatform, type StubPlatform } from './stub-platform.ts';
import { buildWorker, cpuSeconds, workerdChildren, type WorkerBuild } from './worker-build.ts';

const MiB = 1024 * 1024;
const FREE_PLAN_GZIP = 3 * MiB;
const PAID_PLAN_GZIP = 10 * MiB;
const TELEGRAM_SECRET = 'tg-secret_42';
const GATEWAY = { user: 'sms', password: 'gateway-pass', key: 'gateway-signing-key' };
const OPEN311_KEY = 'open311-test-key';
const ADMIN_PASSWORD = 'Mat-khau-dau-tien-2026';
const METRICS_TOKEN = 'metrics-token-for-the-worker-test';

const FORBIDDEN = [/^node:/, /node_modules\/(better-sqlite3|telegraf|twilio|pg|pg-pool|pg-protocol|@hono\/node-server|dotenv)\//, /seed-files\.ts$/, /gazetteer-file\.ts$/, /site-from-env\.ts$/, /storage\/sqlite\.ts$/];

let out: string;
let build: WorkerBuild;
let stub: StubPlatform;
let mf: Miniflare;
let firstRequestMs = 0;
let firstRequestCpuMs = 0;

before(async () => {
  out = mkdtempSync(join(tmpdir(), 'worker-build-'));
  build = await buildWorker(out);
  stub = await startStubPlatform({
    '/sendMessage': (call) => ({ body: { ok: true, result: { message_id: stub.callsTo('/sendMessage').length, chat: { id: JSON.parse(call.body).chat_id } } } }),
    '/message': () => ({ status: 202, body: { id: 'gw-' + stub.callsTo('/message').length, state: 'Pending' } }),
  });
  mf = new Miniflare({
    scriptPath: join(out, 'worker.js'),
    modulesRoot: out,
    modules: true,
    modulesRules: [{ type: 'Data', include: ['**/*.bin'] }],
    compatibilityDate: '2026-04-20',
    d1Databases: ['DB'],
    bindings: {
      TELEGRAM_BOT_TOKEN: '123456:TEST-token',
      TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      TELEGRAM_API_BASE: stub.base,
      SMS_GATEWAY_URL: stub.base,
      SMS_GATEWAY_USER: GATEWAY.user,
      SMS_GATEWAY_PASSWORD: GATEWAY.password,
      SMS_GATEWAY_SIGNING_KEY: GATEWAY.key,
      OPEN311_API_KEY: OPEN311_KEY,
      ADMIN_PASSWORD,
      METRICS_TOKEN,
      RATE_LIMIT_PER_MINUTE: '500',
      // A deferred send is due again a second later (the platform's retry_after), so the cron test need not wait long.
      OUTBOX_MAX_DELAY_MS: '1000',
    },
  });
  await mf.ready;
  const [pid] = workerdChildren();
  const cpuBefore = pid === undefined ? 0 : cpuSeconds(pid);
  const started = Date.now();
  const health = await mf.dispatchFetch('http://localhost/healthz');
  firstRequestMs = Date.now() - started;
  firstRequestCpuMs = pid === undefined ? NaN : (cpuSeconds(pid) - cpuBefore) * 1000;
  assert.equal(health.status, 200, await health.clone().text());
});

after(async () => {
  await mf?.dispose();
  await stub?.close();
  rmSync(out, { recursive: true, force: true });
});

let telegramSeq = 900_000;
function telegramText(chatId: number, text: string) {
  const id = ++telegramSeq;
  return { update_id: id, message: { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private', first_name: 'An' }, from: { id: chatId, is_bot: false, first_name: 'An' }, text } };
}

const postTelegram = (update: unknown) =>
  mf.dispatchFetch('http://localhost/webhooks/telegram', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET },
    body: JSON.stringify(update),
  });

/** Waits for the stub to have received `count` calls on a path: sends happen after the webhook's 200. */
async function callsOn(path: string, count: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (stub.callsTo(path).length < count) {
    if (Date.now() > deadline) assert.fail(`expected ${count} calls to ${path}, got ${stub.callsTo(path).length}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return stub.callsTo(path);
}

test('the bundle holds no Node-only module and fits the Workers size limits', () => {
  const forbidden = [...build.inputs, ...build.externals].filter((input) => FORBIDDEN.some((pattern) => pattern.test(input)));
  assert.deepEqual(forbidden, []);
  assert.ok(build.inputs.some((i) => i.endsWith('adapters/runtime/worker.ts')));
  const raw = build.modules.reduce((sum, m) => sum + m.raw, 0);
  const gzip = build.modules.reduce((sum, m) => sum + m.gzip, 0);
  assert.ok(gzip < PAID_PLAN_GZIP, `bundle ${gzip} bytes gzip is over the paid plan's 10 MiB`);
  for (const m of build.modules) console.log(`# ${m.name}: ${(m.raw / MiB).toFixed(2)} MiB raw, ${(m.gzip / MiB).toFixed(2)} MiB gzip`);
  console.log(`# bundle: ${(raw / MiB).toFixed(2)} MiB raw, ${(gzip / MiB).toFixed(2)} MiB gzip (free plan ${gzip < FREE_PLAN_GZIP ? 'fits' : 'too big'}: 3 MiB; paid: 10 MiB); built in ${build.ms} ms`);
  console.log(`# first request of a fresh isolate (migrate, seed 41 entries and 2,642 catalogue rows, matcher from trained weights, scope index): ${firstRequestMs} ms wall, ${firstRequestCpuMs.toFixed(0)} ms workerd CPU`);
});

test('a Telegram webhook is acknowledged and answered through the outbox (waitUntil)', async () => {
  const response = await postTelegram(telegramText(4242, 'Cho hỏi làm giấy khai sinh cho con ở đâu ạ?'));
  assert.equal(response.status, 200);
  const [sent] = await callsOn('/sendMessage', 1);
  const body = JSON.parse(sent?.body ?? '{}') as { chat_id: number; text: string };
  assert.equal(String(body.chat_id), '4242');
  assert.match(body.text, /khai sinh/i);
});

test('an SMS gateway webhook is answered by SMS', async () => {
  const body = JSON.stringify({
    deviceId: 'ffffffffceb0b1db0000018e937c815b', event: 'sms:received', id: 'evt-worker-1', webhookId: 'wh_worker',
    payload: { messageId: 'sms-worker-1', message: 'cho hoi lam can cuoc cong dan o dau', phoneNumber: '+84912345678', simNumber: 1, receivedAt: new Date().toISOString() },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', GATEWAY.key).update(body + timestamp).digest('hex');
  const response = await mf.dispatchFetch('http://localhost/webhooks/sms/gateway', { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signature, 'x-timestamp': timestamp }, body });
  assert.equal(response.status, 200, await response.clone().text());
  const [sent] = await callsOn('/message', 1);
  const payload = JSON.parse(sent?.body ?? '{}') as { phoneNumbers?: string[]; textMessage?: { text: string }; message?: string };
  assert.deepEqual(payload.phoneNumbers, ['+84912345678']);
  assert.match(JSON.stringify(payload), /can cuoc/i);
});

test('a send the platform defers is delivered by the scheduled handler', async () => {
  const before = stub.callsTo('/sendMessage').length;
  stub.script('/sendMessage', { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } });
  assert.equal((await postTelegram(telegramText(5151, 'đăng ký kết hôn cần giấy tờ gì'))).status, 200);
  await callsOn('/sendMessage', before + 1);
  // The webhook's invocation is over: nothing else sends it until the cron runs.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(stub.callsTo('/sendMessage').length, before + 1);
  // Miniflare's typings leave out the Fetcher's scheduled(); workerd has it.
  const worker = (await mf.getWorker()) as unknown as { scheduled(options: { cron: string }): Promise<unknown> };
  await worker.scheduled({ cron: '* * * * *' });
  const calls = await callsOn('/sendMessage', before + 2);
  const last = JSON.parse(calls.at(-1)?.body ?? '{}') as { chat_id: number; text: string };
  assert.equal(String(last.chat_id), '5151');
  assert.match(last.text, /kết hôn/i);
});

test('a report is filed (Open311) and looked up, also among 300 ids in one query', async () => {
  const filed = await mf.dispatchFetch('http://localhost/open311/v2/requests.json', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ api_key: OPEN311_KEY, service_code: 'chieu-sang', lat: '9.78', long: '105.47', description: 'Đèn đường hẻm 5 tắt cả tuần nay' }).toString(),
  });
  assert.ok(filed.status === 200 || filed.status === 201, await filed.clone().text());
  const [{ service_request_id: code }] = (await filed.json()) as [{ service_request_id: string }];
  assert.match(code, /^PA\d{4,6}$/);
  const many = [...Array.from({ length: 299 }, (_, i) => `PA${9000 + i}`), code].join(',');
  const found = await mf.dispatchFetch(`http://localhost/open311/v2/requests.json?service_request_id=${many}`);
  assert.equal(found.status, 200, await found.clone().text());
  const list = (await found.json()) as Array<{ service_request_id: string; description: string }>;
  assert.ok(list.some((r) => r.service_request_id === code && /hẻm 5/.test(r.description)));
  const before = stub.callsTo('/sendMessage').length;
  assert.equal((await postTelegram(telegramText(6161, `tra cứu ${code}`))).status, 200);
  const calls = await callsOn('/sendMessage', before + 1);
  assert.match(JSON.parse(calls.at(-1)?.body ?? '{}').text as string, new RegExp(code));
});

test('the staff log-in page answers and the first admin logs in (scrypt in workerd)', async () => {
  const page = await mf.dispatchFetch('http://localhost/admin/login');
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<form/);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(csrf, 'the form carries a CSRF token');
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const form = new URLSearchParams({ username: 'admin', password: ADMIN_PASSWORD, _csrf: csrf, next: '/admin' });
  const login = await mf.dispatchFetch('http://localhost/admin/login', {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', cookie },
    body: form.toString(),
  });
  assert.equal(login.status, 303, await login.clone().text());
  assert.match(login.headers.get('location') ?? '', /\/admin/);
});

test('operations: /healthz checks D1 and the migrations, /metrics needs its token, every response carries a request id', async () => {
  const health = await mf.dispatchFetch('http://localhost/healthz');
  const body = (await health.json()) as { ok: boolean; checks: Record<string, string> };
  assert.equal(health.status, 200);
  assert.equal(body.ok, true);
  assert.equal(body.checks.database, 'ok');
  assert.equal(body.checks.matcher, 'loaded');
  assert.match(health.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  assert.equal(health.headers.get('x-request-id') === (await mf.dispatchFetch('http://localhost/healthz')).headers.get('x-request-id'), false);

  assert.equal((await mf.dispatchFetch('http://localhost/metrics')).status, 401);
  assert.equal((await mf.dispatchFetch('http://localhost/metrics', { headers: { authorization: 'Bearer wrong' } })).status, 401);
  const metrics = await mf.dispatchFetch('http://localhost/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  assert.equal(metrics.status, 200);
  const text = await metrics.text();
  // Gauges from D1 (the same for every isolate) and this isolate's counters (the webhooks of the tests above).
  assert.match(text, /^# TYPE assistant_outbox_depth gauge$/m);
  assert.match(text, /^assistant_outbox_oldest_pending_age_seconds \d/m);
  assert.match(text, /^assistant_webhook_duration_seconds_count\{provider="telegram"\} [1-9]/m);
});

test('figures: CPU time of one webhook inside workerd', async () => {
  const [pid] = workerdChildren();
  assert.ok(pid !== undefined, 'no workerd child process found');
  const n = 20;
  const before = stub.callsTo('/sendMessage').length;
  const questions = ['thủ tục cấp căn cước', 'đăng ký thường trú cần gì', 'xin giấy khai sinh', 'trợ cấp người cao tuổi', 'cấp sổ đỏ lần đầu'];
  const cpuBefore = cpuSeconds(pid);
  const started = Date.now();
  for (let i = 0; i < n; i++) assert.equal((await postTelegram(telegramText(7000 + i, questions[i % questions.length] as string))).status, 200);
  await callsOn('/sendMessage', before + n);
  const cpuMs = ((cpuSeconds(pid) - cpuBefore) * 1000) / n;
  console.log(`# workerd CPU per Telegram webhook (accept, handle, match, D1 writes, send): ${cpuMs.toFixed(1)} ms; wall ${((Date.now() - started) / n).toFixed(0)} ms`);
});
