import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createRetention, DEFAULT_RETENTION } from '../bot/retention.ts';
import { migrateToLatest } from '../adapters/storage/migrate.ts';
import { createRetentionStore } from '../adapters/storage/retention-store.ts';
import { temporaryDatabase } from './helpers.ts';

const NOW = new Date('2026-06-01T00:00:00.000Z');
const DAY = 86_400_000;
const ago = (days: number): string => new Date(NOW.getTime() - days * DAY).toISOString();
const database = temporaryDatabase();
const db = database.db;

before(async () => {
  await migrateToLatest(db);
});
after(() => database.cleanup());

async function clear(): Promise<void> {
  for (const table of ['inbox', 'outbox', 'message_log', 'rate_windows'] as const) await db.deleteFrom(table).execute();
}

async function inbox(id: string, receivedDaysAgo: number, handledDaysAgo: number | null): Promise<void> {
  await db
    .insertInto('inbox')
    .values({
      channel: 'telegram', message_id: id, conversation_id: 'c1', received_at: ago(receivedDaysAgo), provider: 'telegram',
      payload_json: JSON.stringify({ text: 'xin chào' }), handled_at: handledDaysAgo === null ? null : ago(handledDaysAgo),
    })
    .execute();
}

async function outbox(id: string, status: string, updatedDaysAgo: number): Promise<void> {
  const at = ago(updatedDaysAgo);
  await db
    .insertInto('outbox')
    .values({ id, idempotency_key: id, conversation_id: 'c1', provider: 'telegram', user_id: 'u1', reply_to: null, payload_json: '{}', status, attempts: 1, next_attempt_at: at, last_error: null, provider_message_id: null, created_at: at, updated_at: at })
    .execute();
}

async function log(id: string, daysAgo: number): Promise<void> {
  await db.insertInto('message_log').values({ id, conversation_id: 'c1', direction: 'in', kind: 'text', text: 'xin chào', label: null, score: null, created_at: ago(daysAgo) }).execute();
}

async function rateWindow(sender: string, daysAgo: number): Promise<void> {
  await db.insertInto('rate_windows').values({ sender, window_start: ago(daysAgo), count: 3, noticed: 0 }).execute();
}

const ids = async (table: 'outbox' | 'message_log'): Promise<string[]> => (await db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);

test('retention removes rows older than each period and keeps newer ones, unhandled messages and unsent replies', async () => {
  await clear();
  // Inbox: payload dropped after 7 days handled, row deleted after 30; never while unhandled, however old.
  await inbox('fresh', 1, 1);
  await inbox('week-old', 9, 8);
  await inbox('month-old', 40, 31);
  await inbox('unhandled-old', 400, null);
  await outbox('sent-new', 'sent', 29);
  await outbox('sent-old', 'sent', 31);
  await outbox('dead-new', 'dead', 89);
  await outbox('dead-old', 'dead', 91);
  await outbox('pending-old', 'pending', 400);
  await outbox('sending-old', 'sending', 400);
  await log('log-new', 179);
  await log('log-old', 181);
  await rateWindow('recent', 0.5);
  await rateWindow('stale', 2);

  const retention = createRetention({ store: createRetentionStore(db), now: () => NOW });
  const report = await retention.run();
  assert.deepEqual(report, { complete: true, inboxPayloads: 1, inbox: 1, outboxSent: 1, outboxDead: 1, messageLog: 1, rateWindows: 1 });

  const inboxRows = await db.selectFrom('inbox').select(['message_id', 'payload_json']).orderBy('message_id').execute();
  assert.deepEqual(
    inboxRows.map((r) => [r.message_id, r.payload_json !== null]),
    [['fresh', true], ['unhandled-old', true], ['week-old', false]],
  );
  assert.deepEqual(await ids('outbox'), ['dead-new', 'pending-old', 'sending-old', 'sent-new']);
  assert.deepEqual(await ids('message_log'), ['log-new']);
  assert.deepEqual((await db.selectFrom('rate_windows').select('sender').execute()).map((r) => r.sender), ['recent']);

  // A second run finds nothing more to do.
  assert.deepEqual(await retention.run(), { complete: true, inboxPayloads: 0, inbox: 0, outboxSent: 0, outboxDead: 0, messageLog: 0, rateWindows: 0 });
});

test('retention works in bounded batches: a run stops after maxBatches and the next one goes on', async () => {
  await clear();
  for (let i = 0; i < 25; i++) await log(`old-${String(i).padStart(2, '0')}`, 200 + i);
  await log('new', 1);
  const retention = createRetention({ store: createRetentionStore(db), now: () => NOW, batchSize: 4, maxBatches: 3 });

  const first = await retention.run();
  assert.equal(first.messageLog, 12, 'three batches of four');
  assert.equal(first.complete, false);
  // Oldest first: the rows left are the youngest of the old ones.
  assert.equal((await ids('message_log')).length, 14);
  assert.ok(!(await ids('message_log')).includes('old-24'));

  const second = await retention.run();
  assert.equal(second.messageLog, 12);
  const third = await retention.run();
  assert.equal(third.messageLog, 1);
  assert.equal(third.complete, true);
  assert.deepEqual(await ids('message_log'), ['new']);
});

test('periods come from the policy', async () => {
  await clear();
  await log('two-days', 2);
  await log('half-day', 0.5);
  await createRetention({ store: createRetentionStore(db), now: () => NOW, policy: { ...DEFAULT_RETENTION, messageLogDays: 1 } }).run();
  assert.deepEqual(await ids('message_log'), ['half-day']);
});
