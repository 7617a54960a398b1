/**
 * npm run bench (delivery part): what durability costs. For SQLite synchronous=OFF (nothing synced, not even the
 * accept: the floor), NORMAL (the default: ordinary commits unsynced, the accept step group-committed and synced
 * before the 200) and FULL (every commit synced) on a file in the system's temporary folder, prints:
 * - one committed single-row insert (the inbox accept): ms each;
 * - the answer step (replies queued + message marked handled) as one batch vs. separate commits;
 * - the whole path in process: signed Telegram webhooks through the pipeline (accept → 200) with 8 at once,
 *   then until every reply has reached a loopback stub: messages a second and the 200's median and p99.
 * Run: npx tsx bench/delivery.bench.ts  (BENCH_DELIVERY_MESSAGES to change the 400 messages)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../adapters/http/logger.ts';
import { assemble } from '../adapters/runtime/assemble.ts';
import { migrateToLatest } from '../adapters/storage/migrate.ts';
import { openSqlite, type SqliteSynchronous } from '../adapters/storage/sqlite.ts';
import { createOutbox } from '../adapters/storage/outbox-store.ts';
import { createInbox } from '../adapters/storage/inbox-store.ts';
import { durableStepFor } from '../adapters/storage/durable-step-node.ts';
import { startStubPlatform } from '../tests/stub-platform.ts';

const MESSAGES = Number(process.env.BENCH_DELIVERY_MESSAGES ?? 400);
const SECRET = 'bench-secret';
const QUESTIONS = ['lam lai can cuoc o dau', 'dang ky khai sinh can gi', 'gio lam viec mot cua', 'xin chao'];

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

async function commits(mode: SqliteSynchronous) {
  const folder = mkdtempSync(join(tmpdir(), 'bench-delivery-'));
  const db = openSqlite(join(folder, 'app.db'), { synchronous: mode });
  try {
    await migrateToLatest(db);
    const n = 200;
    let started = performance.now();
    for (let i = 0; i < n; i++) {
      await db.insertInto('inbox').values({ channel: 'telegram', message_id: `b${i}`, conversation_id: 'c', received_at: new Date().toISOString(), payload_json: '{}', provider: 'telegram', handled_at: null, claimed_until: null }).execute();
    }
    const insertMs = (performance.now() - started) / n;

    const outbox = createOutbox(db);
    const reply = (i: number, part: number) => ({ key: `k${i}:${part}`, conversationId: `c${i}`, provider: 'telegram', userId: '1', payload: { body: { text: 'x'.repeat(300) } } });
    started = performance.now();
    for (let i = 0; i < n; i++) await outbox.enqueue([reply(i, 0), reply(i, 1)], 'pending', { channel: 'telegram', messageId: `b${i}` });
    const batchMs = (performance.now() - started) / n;
    started = performance.now();
    for (let i = n; i < 2 * n; i++) {
      await outbox.enqueue([reply(i, 0)]);
      await outbox.enqueue([reply(i, 1)]);
      await db.updateTable('inbox').set({ handled_at: new Date().toISOString() }).where('message_id', '=', `b${i - n}`).execute();
    }
    const separateMs = (performance.now() - started) / n;
    // The accept step as the webhook runs it: one message per call, 8 at once (group-committed on SQLite).
    const inbox = createInbox(db, () => new Date(), { durable: durableStepFor(db) });
    let next = 0;
    started = performance.now();
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < n) {
        const i = next++;
        await inbox.acceptAll([{ kind: 'text', channel: 'telegram', userId: `a${i % 50}`, messageId: `a${i}`, receivedAt: new Date(), text: 'x' }], 'telegram');
      }
    }));
    const acceptMs = (performance.now() - started) / n;
    return { insertMs, batchMs, separateMs, acceptMs };
  } finally {
    await db.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function endToEnd(mode: SqliteSynchronous) {
  const stub = await startStubPlatform({ '/sendMessage': () => ({ body: { ok: true, result: { message_id: 1 } } }) });
  const folder = mkdtempSync(join(tmpdir(), 'bench-delivery-'));
  const db = openSqlite(join(folder, 'app.db'), { synchronous: mode });
  try {
    const product = await assemble(db, { provinceName: 'thành phố Cần Thơ', assistantName: 'Trợ lý', nationalPortalUrl: 'https://dichvucong.gov.vn' }, {
      logger: silentLogger,
      env: { TELEGRAM_BOT_TOKEN: '1:bench', TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_BASE: stub.base, RATE_LIMIT_PER_MINUTE: '100000', OUTBOX_RATE_PER_SECOND: 'telegram=100000' },
      // As node.ts runs it: the accept step group-committed and synced (SQLite) before the 200.
      durableStep: durableStepFor,
    });
    const adapter = product.channels.get('telegram');
    if (adapter === undefined) throw new Error('telegram not configured');
    const ackMs: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < MESSAGES) {
        const i = next++;
        const update = { update_id: 1_000_000 + i, message: { message_id: i + 1, date: Math.floor(Date.now() / 1000), chat: { id: 50_000 + (i % 500), type: 'private', first_name: 'A' }, from: { id: 50_000 + (i % 500), is_bot: false, first_name: 'A' }, text: QUESTIONS[i % QUESTIONS.length] } };
        const t = performance.now();
        const outcome = await product.pipeline.receive('telegram', adapter, { method: 'POST', url: '/webhooks/telegram', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(update) });
        if (outcome.status !== 200) throw new Error(`webhook answered ${outcome.status}`);
        ackMs.push(performance.now() - t);
      }
    }));
    const acceptedIn = performance.now() - started;
    await product.settled();
    while ((await product.outbox.pending(1)).length > 0) await product.worker.runOnce();
    const doneIn = performance.now() - started;
    product.worker.stop();
    return { acceptPerSecond: (MESSAGES / acceptedIn) * 1000, answeredPerSecond: (MESSAGES / doneIn) * 1000, ackMedian: percentile(ackMs, 0.5), ackP99: percentile(ackMs, 0.99), sends: stub.callsTo('/sendMessage').length };
  } finally {
    await db.destroy();
    await stub.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

console.log(`delivery bench: ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, Node ${process.version}, SQLite file in ${tmpdir()}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const rows: string[] = [];
const meaning = { OFF: 'nothing synced (floor)', NORMAL: 'default: accept synced', FULL: 'every commit synced' } as const;
for (const mode of ['OFF', 'NORMAL', 'FULL'] as const) {
  const c = await commits(mode);
  const e = await endToEnd(mode);
  rows.push(`${mode.padEnd(6)} ${meaning[mode].padEnd(23)} | insert ${c.insertMs.toFixed(3)} ms | accept step, 8 at once ${c.acceptMs.toFixed(3)} ms each | answer step: batch ${c.batchMs.toFixed(3)} ms, separate ${c.separateMs.toFixed(3)} ms | ${MESSAGES} webhooks: ${e.acceptPerSecond.toFixed(0)}/s accepted, ${e.answeredPerSecond.toFixed(0)}/s answered, 200 after median ${e.ackMedian.toFixed(1)} ms p99 ${e.ackP99.toFixed(1)} ms (${e.sends} sends)`);
}
for (const row of rows) console.log(row);
console.log(`load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
