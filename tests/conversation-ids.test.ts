import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { Migrator } from 'kysely';
import { migrationProvider } from '../adapters/storage/migrations/index.ts';
import { migrateToLatest } from '../adapters/storage/migrate.ts';
import { createConversationStore } from '../adapters/storage/conversation-store.ts';
import { temporaryDatabase } from './helpers.ts';

const databases: Array<{ cleanup: () => Promise<void> }> = [];
after(async () => {
  for (const d of databases) await d.cleanup();
});

test('a conversation id is opaque, stable for the same resident and distinct between residents', async () => {
  const database = temporaryDatabase();
  databases.push(database);
  await migrateToLatest(database.db);
  const conversations = createConversationStore(database.db);
  // Concurrent first messages of one resident land on one conversation.
  const ids = await Promise.all([1, 2, 3, 4].map(() => conversations.idFor('sms', '+84909111222')));
  assert.equal(new Set(ids).size, 1);
  const [id] = ids as [string];
  assert.match(id, /^c_[0-9a-f]{24}$/);
  assert.doesNotMatch(id, /909111222/);
  assert.equal((await conversations.load('sms', '+84909111222')).id, id);
  assert.notEqual(await conversations.idFor('sms', '+84909111333'), id);
  assert.notEqual(await conversations.idFor('zalo', '+84909111222'), id, 'ids are scoped by channel');
});

test('upgrading a database whose ids carried phone numbers gives every conversation an opaque id, consistently in every table', async () => {
  const database = temporaryDatabase();
  databases.push(database);
  const migrator = new Migrator({ db: database.db, provider: migrationProvider });
  const partial = await migrator.migrateTo('0003-reports');
  assert.equal(partial.error, undefined);
  const old = 'sms:+84909111222';
  const at = new Date().toISOString();
  await database.db.insertInto('conversations').values({ id: old, channel: 'sms', user_id: '+84909111222', state_json: '{}', last_label: null, needs_staff: 1, provider: 'gateway', last_inbound_at: at, created_at: at, updated_at: at }).execute();
  await database.db.insertInto('message_log').values({ id: 'm1', conversation_id: old, direction: 'in', kind: 'text', text: 'xin chao', label: null, score: null, created_at: at }).execute();
  await database.db.insertInto('outbox').values({ id: 'o1', idempotency_key: 'k1', conversation_id: old, provider: 'gateway', user_id: '+84909111222', reply_to: null, payload_json: '{}', status: 'dead', attempts: 6, next_attempt_at: at, last_error: 'x', provider_message_id: null, created_at: at, updated_at: at }).execute();
  await database.db.insertInto('report_subscribers').values({ report_code: 'PA1234', conversation_id: old, channel: 'sms', user_id: '+84909111222', created_at: at }).execute();
  // A row naming a conversation that has no conversations row (written by an older build) is converted too.
  await database.db.insertInto('unanswered').values({ id: 'u1', conversation_id: 'telegram:5001', channel: 'telegram', text: 'abc', reason: 'not-understood', best_label: null, best_score: null, status: 'open', created_at: at }).execute();

  assert.deepEqual(await migrateToLatest(database.db).then((names) => names.includes('0004-opaque-conversations')), true);

  const conversation = await database.db.selectFrom('conversations').selectAll().executeTakeFirstOrThrow();
  assert.match(conversation.id, /^c_[0-9a-f]{24}$/);
  assert.equal(conversation.needs_staff, 1, 'the rest of the row is kept');
  for (const table of ['message_log', 'outbox', 'report_subscribers'] as const) {
    const row = await database.db.selectFrom(table).select('conversation_id').executeTakeFirstOrThrow();
    assert.equal(row.conversation_id, conversation.id, table);
  }
  const orphan = await database.db.selectFrom('unanswered').select('conversation_id').executeTakeFirstOrThrow();
  assert.match(orphan.conversation_id, /^c_/);
  // The resident keeps their conversation after the upgrade.
  assert.equal(await createConversationStore(database.db).idFor('sms', '+84909111222'), conversation.id);
});
