import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { freePort, QUICK_DELIVERY, singleServerEnv, startInstance, waitForHealth, type Instance } from './multi-instance-rig.ts';
import { startStubPlatform, type StubPlatform } from './stub-platform.ts';

/**
 * The real server as a child process (`node --import tsx adapters/runtime/node.ts`), killed with SIGKILL in the
 * middle of a load of signed Telegram and SMS-gateway webhooks, then restarted on the same database file.
 * Counted at the stub platforms: every message acknowledged with a 200 is answered; none twice, except (on
 * Telegram only, which has no idempotency key) a reply whose send was in flight at the kill.
 */

const TELEGRAM_SECRET = 'crash-secret';
const GATEWAY_KEY = 'crash-signing-key';
const TELEGRAM_MESSAGES = 120;
const GATEWAY_MESSAGES = 80;

let stub: StubPlatform;
let folder: string;
const children = new Set<ChildProcess>();
const gatewaySeen = new Set<string>();
const gatewayDelivered: Array<{ phone: string; text: string }> = [];

before(async () => {
  stub = await startStubPlatform({
    // Answers take a little while, so sends are in flight when the process is killed.
    '/sendMessage': () => ({ body: { ok: true, result: { message_id: 1 } }, delayMs: 15 }),
    // The SMS gateway app refuses a message id it already has (the outbox sends its id with each message).
    '/message': (call) => {
      const body = JSON.parse(call.body) as { id?: string; textMessage: { text: string }; phoneNumbers: string[] };
      if (body.id !== undefined && gatewaySeen.has(body.id)) return { status: 409, body: { message: 'Message with the same ID already exists' } };
      if (body.id !== undefined) gatewaySeen.add(body.id);
      gatewayDelivered.push({ phone: body.phoneNumbers[0] as string, text: body.textMessage.text });
      return { status: 202, body: { id: body.id ?? 'x' }, delayMs: 15 };
    },
  });
  folder = mkdtempSync(join(tmpdir(), 'delivery-crash-'));
});

after(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await stub.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The real server on `databasePath`, its channels pointed at the stub (process handling: multi-instance-rig.ts). */
function startServer(name: string, port: number, databasePath: string): Instance {
  const instance = startInstance(name, port, {
    ...singleServerEnv('crash-test', databasePath, stub.base, { telegram: TELEGRAM_SECRET, gateway: GATEWAY_KEY }),
    ...QUICK_DELIVERY,
  });
  children.add(instance.child);
  return instance;
}

interface Sent {
  readonly kind: 'telegram' | 'gateway';
  readonly user: string;
  readonly request: () => RequestInit & { path: string };
}

function telegramUpdate(i: number): Sent {
  const chat = 880_000 + i;
  const update = { update_id: 990_000 + i, message: { message_id: i + 1, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: 'private', first_name: 'An' }, from: { id: chat, is_bot: false, first_name: 'An' }, text: i % 2 === 0 ? 'xin chao' : 'lam can cuoc o dau' } };
  return {
    kind: 'telegram',
    user: String(chat),
    request: () => ({ path: '/webhooks/telegram', method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET }, body: JSON.stringify(update) }),
  };
}

function gatewayEvent(i: number): Sent {
  const local = `0912${String(300_000 + i)}`;
  const event = { id: `evt-crash-${i}`, webhookId: 'wh', deviceId: 'dev', event: 'sms:received', payload: { messageId: `m${i}`, message: 'gio lam viec', phoneNumber: local, simNumber: 1, receivedAt: new Date().toISOString() } };
  return {
    kind: 'gateway',
    user: `+84${local.slice(1)}`,
    request: () => {
      const body = JSON.stringify(event);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = createHmac('sha256', GATEWAY_KEY).update(body + timestamp).digest('hex');
      return { path: '/webhooks/sms/gateway', method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signature, 'x-timestamp': timestamp }, body };
    },
  };
}

test('SIGKILL under load, restart on the same file: every acknowledged message answered, none twice', { timeout: 90_000 }, async (t) => {
  const databasePath = join(folder, 'app.db');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;

  const first = startServer('first', port, databasePath);
  await waitForHealth(first);

  const messages: Sent[] = [];
  for (let i = 0; i < Math.max(TELEGRAM_MESSAGES, GATEWAY_MESSAGES); i++) {
    if (i < TELEGRAM_MESSAGES) messages.push(telegramUpdate(i));
    if (i < GATEWAY_MESSAGES) messages.push(gatewayEvent(i));
  }
  const acknowledged: Sent[] = [];
  const killAt = Math.floor(messages.length / 2);
  let next = 0;
  let killed = false;
  const exited = new Promise<void>((resolve) => first.child.once('exit', () => resolve()));
  // Eight senders at once, as platforms do; the process dies when half the messages have been acknowledged.
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < messages.length && !killed) {
      const message = messages[next++] as Sent;
      const { path, ...init } = message.request();
      try {
        const response = await fetch(`${base}${path}`, init);
        await response.text();
        if (response.status === 200 && !killed) acknowledged.push(message);
      } catch {
        // the connection died with the process: not acknowledged, the platform would send it again
      }
      if (acknowledged.length >= killAt && !killed) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    }
  }));
  await exited;
  assert.ok(acknowledged.length >= killAt, 'the load reached the kill point');

  // What the dead process left: sends in flight (their outcome unknown) and work not finished.
  const peek = new SQLite(databasePath);
  const inFlight = peek.prepare("select provider, user_id, payload_json from outbox where status = 'sending'").all() as Array<{ provider: string; user_id: string; payload_json: string }>;
  const leftOver = (peek.prepare("select (select count(*) from outbox where status in ('pending', 'sending')) + (select count(*) from inbox where handled_at is null) as n").get() as { n: number }).n;
  peek.close();
  assert.ok(leftOver > 0, 'the kill left work behind (otherwise this test proves nothing)');

  const second = startServer('restarted', port, databasePath);
  try {
    await waitForHealth(second);
    const reader = new SQLite(databasePath, { readonly: true });
    try {
      const unfinished = () => (reader.prepare("select (select count(*) from outbox where status in ('pending', 'sending')) + (select count(*) from inbox where handled_at is null) as n").get() as { n: number }).n;
      const restartedAt = Date.now();
      const end = restartedAt + 20_000;
      while (unfinished() > 0) {
        if (Date.now() > end) throw new Error(`still unfinished after the restart: ${unfinished()}\n${second.output.join('').slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      t.diagnostic(`acknowledged ${acknowledged.length} of ${messages.length}; left at the kill: ${leftOver} unfinished, ${inFlight.length} sends in flight; all finished ${Date.now() - restartedAt} ms after the restart was up`);
      await new Promise((r) => setTimeout(r, 500)); // room for a stray duplicate to show up
      const dead = (reader.prepare("select count(*) as n from outbox where status = 'dead'").get() as { n: number }).n;
      assert.equal(dead, 0, 'nothing dead-lettered as "outcome unknown"');
    } finally {
      reader.close();
    }

    const telegramSends = stub.callsTo('/sendMessage').map((c) => JSON.parse(c.body) as { chat_id: string | number; text: string });
    for (const message of acknowledged) {
      const answered = message.kind === 'telegram' ? telegramSends.some((s) => String(s.chat_id) === message.user) : gatewayDelivered.some((d) => d.phone === message.user);
      assert.ok(answered, `acknowledged ${message.kind} message to ${message.user.slice(-4)} was never answered`);
    }
    const count = new Map<string, number>();
    for (const s of telegramSends) count.set(`${s.chat_id}|${s.text}`, (count.get(`${s.chat_id}|${s.text}`) ?? 0) + 1);
    const mayRepeat = new Set(inFlight.filter((r) => r.provider === 'telegram').map((r) => `${r.user_id}|${(JSON.parse(r.payload_json) as { body: { text: string } }).body.text}`));
    t.diagnostic(`Telegram replies sent twice (in flight at the kill, no idempotency key): ${[...count.values()].filter((n) => n > 1).length}`);
    for (const [key, n] of count) {
      if (n === 1) continue;
      assert.ok(mayRepeat.has(key) && n === 2, `a Telegram reply went out ${n} times though it was not in flight at the kill`);
    }
    const gatewayCount = new Map<string, number>();
    for (const d of gatewayDelivered) gatewayCount.set(`${d.phone}|${d.text}`, (gatewayCount.get(`${d.phone}|${d.text}`) ?? 0) + 1);
    assert.deepEqual([...gatewayCount.values()].filter((n) => n > 1), [], 'no SMS handed to the phone twice');
  } finally {
    const stopped = new Promise<void>((resolve) => second.child.once('exit', () => resolve()));
    second.child.kill('SIGTERM');
    await stopped;
  }
});
