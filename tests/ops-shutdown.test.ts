import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { freePort, singleServerEnv, startInstance, waitForHealth } from './multi-instance-rig.ts';
import { startStubPlatform, type StubPlatform } from './stub-platform.ts';

/**
 * The real server as a child process, sent SIGTERM in the middle of a load of signed Telegram and SMS-gateway
 * webhooks (the platforms answer slowly, so sends are in flight): it exits 0 within its grace period, every
 * message it acknowledged with a 200 was handled (replies stored, handled_at set), and no reply is left
 * 'sending' (half-sent).
 */

const TELEGRAM_SECRET = 'shutdown-secret';
const GATEWAY_KEY = 'shutdown-signing-key';
const GRACE_MS = 8000;

let stub: StubPlatform;
let folder: string;
const children = new Set<ChildProcess>();

before(async () => {
  stub = await startStubPlatform({
    '/sendMessage': () => ({ body: { ok: true, result: { message_id: 1 } }, delayMs: 40 }),
    '/message': (call) => ({ status: 202, body: { id: (JSON.parse(call.body) as { id?: string }).id ?? 'x' }, delayMs: 40 }),
  });
  folder = mkdtempSync(join(tmpdir(), 'ops-shutdown-'));
});

after(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await stub.close();
  rmSync(folder, { recursive: true, force: true });
});

function request(i: number): { path: string; init: RequestInit; key: string } {
  if (i % 2 === 0) {
    const chat = 610_000 + i;
    const update = { update_id: 620_000 + i, message: { message_id: i + 1, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: 'private', first_name: 'An' }, from: { id: chat, is_bot: false, first_name: 'An' }, text: 'lam can cuoc o dau' } };
    return { key: `telegram:${update.update_id}`, path: '/webhooks/telegram', init: { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET }, body: JSON.stringify(update) } };
  }
  const event = { id: `evt-shutdown-${i}`, webhookId: 'wh', deviceId: 'dev', event: 'sms:received', payload: { messageId: `m${i}`, message: 'gio lam viec', phoneNumber: `0912${String(400_000 + i)}`, simNumber: 1, receivedAt: new Date().toISOString() } };
  const body = JSON.stringify(event);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', GATEWAY_KEY).update(body + timestamp).digest('hex');
  return { key: `sms:${event.id}`, path: '/webhooks/sms/gateway', init: { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signature, 'x-timestamp': timestamp }, body } };
}

test('SIGTERM under load: exits 0 within the grace, every acknowledged message handled, nothing left sending', { timeout: 90_000 }, async () => {
  const databasePath = join(folder, 'app.db');
  const port = await freePort();
  const server = startInstance('server', port, {
    ...singleServerEnv('shutdown-test', databasePath, stub.base, { telegram: TELEGRAM_SECRET, gateway: GATEWAY_KEY }),
    SHUTDOWN_GRACE_MS: String(GRACE_MS),
  });
  const { base, child, output } = server;
  children.add(child);
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })));
  await waitForHealth(server);

  const acknowledged: string[] = [];
  let next = 0;
  let termAt = 0;
  const TERM_AFTER = 60;
  // Eight senders at once until the server stops answering; SIGTERM once 60 messages are acknowledged.
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < 400) {
      const { key, path, init } = request(next++);
      try {
        const response = await fetch(`${base}${path}`, init);
        await response.text();
        if (response.status === 200) acknowledged.push(key);
      } catch {
        if (termAt > 0) return; // refused after the listener closed: the platform would send it again later
      }
      if (acknowledged.length >= TERM_AFTER && termAt === 0) {
        termAt = Date.now();
        child.kill('SIGTERM');
      }
    }
  }));
  const { code, at } = await exited;
  const log = output.join('');
  assert.equal(code, 0, log.slice(-3000));
  assert.ok(at - termAt < GRACE_MS, `exited ${at - termAt} ms after SIGTERM`);
  assert.match(log, /"event":"shutdown.done"/);

  const db = new SQLite(databasePath, { readonly: true });
  try {
    const handled = new Set(
      (db.prepare('select channel, message_id from inbox where handled_at is not null').all() as Array<{ channel: string; message_id: string }>).map((r) => `${r.channel}:${r.message_id}`),
    );
    const unhandled = acknowledged.filter((key) => !handled.has(key));
    assert.deepEqual(unhandled, [], 'every message acknowledged with 200 was handled');
    const sending = (db.prepare("select count(*) as n from outbox where status = 'sending'").get() as { n: number }).n;
    assert.equal(sending, 0, 'no reply left half-sent');
    // Stored replies not yet sent stay pending for the next process; none is lost.
    const stored = (db.prepare('select count(*) as n from outbox').get() as { n: number }).n;
    assert.ok(stored >= acknowledged.length, `replies stored: ${stored} for ${acknowledged.length} messages`);
  } finally {
    db.close();
  }
});
