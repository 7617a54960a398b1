import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { durableStepFor } from '../adapters/storage/durable-step-node.ts';
import { migrateToLatest } from '../adapters/storage/migrate.ts';
import { openSqlite, sqliteGroupCommit, sqliteOptionsFrom } from '../adapters/storage/sqlite.ts';
import { createGroupCommit } from '../adapters/storage/sqlite-group-commit.ts';
import { createInbox } from '../adapters/storage/inbox-store.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../adapters/storage/schema.ts';
import type { IncomingMessage } from '../bot/types.ts';

/**
 * What a webhook's 200 promises is on disk: the accept step is group-committed with PRAGMA synchronous=FULL
 * (the WAL is fsynced before COMMIT returns; or, opted in, by an fdatasync of the WAL on the thread pool before
 * any caller resolves) while every other commit runs at NORMAL. A power cut cannot be
 * staged in a test; these check the parts it rests on: the level each commit runs at, that concurrent accepts
 * share one commit, that a failing step is rolled back alone, and that a process killed right after the accept
 * leaves the rows in the file for the next one to open.
 */

const folder = mkdtempSync(join(tmpdir(), 'durability-'));
after(() => rmSync(folder, { recursive: true, force: true }));

// Every COMMIT run on any better-sqlite3 connection, with the connection's synchronous level at that moment.
const commits: number[] = [];
const proto = SQLite.prototype as unknown as { prepare: (this: SQLite.Database, sql: string) => SQLite.Statement };
const originalPrepare = proto.prepare;
before(() => {
  proto.prepare = function spied(this: SQLite.Database, sql: string) {
    const statement = originalPrepare.call(this, sql);
    if (sql.trim().toLowerCase() === 'commit') {
      const run = statement.run.bind(statement);
      const connection = this;
      (statement as { run: (...args: unknown[]) => SQLite.RunResult }).run = (...args: unknown[]) => {
        commits.push(connection.pragma('synchronous', { simple: true }) as number);
        return run(...(args as []));
      };
    }
    return statement;
  };
});
after(() => {
  proto.prepare = originalPrepare;
});

const FULL = 2;
const NORMAL = 1;

const message = (id: number, user = `u${id}`): IncomingMessage => ({ kind: 'text', channel: 'telegram', userId: user, messageId: String(id), receivedAt: new Date(), text: 'xin chào' });

/** A migrated database file in the test folder, closed after `work` whatever happens. */
async function withMigrated(file: string, options: Parameters<typeof openSqlite>[1], work: (db: Kysely<Database>) => Promise<void>): Promise<void> {
  const db = openSqlite(join(folder, file), options);
  try {
    await migrateToLatest(db);
    await work(db);
  } finally {
    await db.destroy();
  }
}

test('concurrent accepts share one commit, synced at FULL; other commits stay at NORMAL', async () => {
  await withMigrated('group.db', {}, async (db) => {
    const step = sqliteGroupCommit(db);
    const inbox = createInbox(db, () => new Date(), { durable: step });
    commits.length = 0;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => inbox.acceptAll([message(i)], 'telegram')));
    assert.equal(results.flat().filter((a) => a.fresh).length, 20);
    assert.equal(step.groups(), 1, 'twenty webhooks arriving together: one group');
    assert.deepEqual(commits, [FULL], 'one commit, at FULL');
    assert.equal(await db.selectFrom('inbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)), 20);
    // Twenty rows are written eight at a time: every message still names its own resident's conversation.
    const stored = await db.selectFrom('conversations').select(['id', 'user_id']).execute();
    const idOf = new Map(stored.map((row) => [row.user_id, row.id]));
    assert.equal(idOf.size, 20);
    results.forEach((result, i) => assert.equal(result[0]?.conversationId, idOf.get(`u${i}`), `message ${i} names u${i}'s conversation`));
    const inboxRows = await db.selectFrom('inbox').select(['message_id', 'conversation_id']).execute();
    for (const row of inboxRows) assert.equal(row.conversation_id, idOf.get(`u${row.message_id}`));

    // The connection is back at NORMAL for everything else (a transaction of the outbox, say).
    commits.length = 0;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('inbox').set({ handled_at: new Date().toISOString() }).where('message_id', '=', '0').execute();
    });
    assert.deepEqual(commits, [NORMAL]);

    const repeat = await inbox.acceptAll([message(3)], 'telegram');
    assert.equal(repeat[0]?.fresh, false, 'a repeat is acknowledged, not stored again');
    assert.equal(repeat[0]?.conversationId, results[3]?.[0]?.conversationId, 'and names the same conversation');
  });
});

test('with the sync on the thread pool (SQLITE_ACCEPT_SYNC=thread): one commit at NORMAL, then one fdatasync of the WAL for the group', async () => {
  assert.equal(sqliteOptionsFrom({}).acceptSyncOnThreadPool, undefined, 'inside the commit unless asked');
  assert.equal(sqliteOptionsFrom({ SQLITE_ACCEPT_SYNC: 'inline' }).acceptSyncOnThreadPool, undefined);
  await withMigrated('thread-sync.db', sqliteOptionsFrom({ SQLITE_ACCEPT_SYNC: 'thread' }), async (db) => {
    const step = sqliteGroupCommit(db);
    const inbox = createInbox(db, () => new Date(), { durable: step });
    commits.length = 0;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => inbox.acceptAll([message(i)], 'telegram')));
    assert.equal(results.flat().filter((a) => a.fresh).length, 20);
    assert.equal(step.groups(), 1);
    assert.deepEqual(commits, [NORMAL]);
    assert.equal(step.syncs(), 1);
  });
});

test('no accept resolves before the WAL sync that covers it has returned; groups committed meanwhile share the next sync', async () => {
  await withMigrated('held-sync.db', {}, async (db) => {
    // The sync is held open by the test: as if the disk took its time.
    const held: Array<() => void> = [];
    const step = createGroupCommit(db, { normal: 'NORMAL', durable: 'FULL', syncWal: () => new Promise<void>((resolve) => held.push(resolve)) });
    const inbox = createInbox(db, () => new Date(), { durable: step });
    const settled = new Set<number>();
    const accept = (i: number) => inbox.acceptAll([message(100 + i)], 'telegram').then(() => void settled.add(i));
    const first = accept(0);
    while (held.length === 0) await new Promise((resolve) => setImmediate(resolve));
    // The first group is committed and its sync is running. Two more groups commit meanwhile, one after the other.
    const second = accept(1);
    while (step.groups() < 2) await new Promise((resolve) => setImmediate(resolve));
    const third = accept(2);
    while (step.groups() < 3) await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(settled.size, 0, 'committed, but nobody answered before the sync');
    assert.equal(held.length, 1, 'one sync at a time');
    held.shift()?.();
    await first;
    while ((held.length as number) === 0) await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual([...settled], [0], 'the groups that committed during the first sync wait for the next');
    held.shift()?.();
    await Promise.all([second, third]);
    assert.equal(step.syncs(), 2, 'the second and third groups shared one sync');
  });
});

test('a failed WAL sync fails the accept (no 200 is promised for it)', async () => {
  await withMigrated('failed-sync.db', {}, async (db) => {
    const step = createGroupCommit(db, { normal: 'NORMAL', durable: 'FULL', syncWal: async () => { throw new Error('EIO'); } });
    const inbox = createInbox(db, () => new Date(), { durable: step });
    await assert.rejects(inbox.acceptAll([message(200)], 'telegram'), /EIO/);
  });
});

test('a step that fails is rolled back alone; the rest of its group commits', async () => {
  await withMigrated('savepoints.db', {}, async (db) => {
    const step = sqliteGroupCommit(db);
    const insert = (id: string) => (q: typeof db) => q.insertInto('sms_opt_outs').values({ phone: id, opted_out_at: new Date().toISOString() }).execute();
    const outcomes = await Promise.allSettled([
      step(insert('+84900000001')),
      step(async (q) => {
        await insert('+84900000002')(q);
        throw new Error('this step fails after writing');
      }),
      step(insert('+84900000003')),
    ]);
    assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'rejected', 'fulfilled']);
    assert.equal(step.groups(), 1);
    const phones = (await db.selectFrom('sms_opt_outs').select('phone').orderBy('phone').execute()).map((r) => r.phone);
    assert.deepEqual(phones, ['+84900000001', '+84900000003']);
  });
});

test('accepted messages are in the file when the process is killed right after the accept resolves', async () => {
  const path = join(folder, 'killed.db');
  const setup = openSqlite(path);
  await migrateToLatest(setup);
  await setup.destroy();
  // A child process accepts 50 messages, as webhooks would, and kills itself (SIGKILL) at once: no close, no checkpoint.
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
    const { openSqlite } = await import(${JSON.stringify(new URL('../adapters/storage/sqlite.ts', import.meta.url).href)});
    const { durableStepFor } = await import(${JSON.stringify(new URL('../adapters/storage/durable-step-node.ts', import.meta.url).href)});
    const { createInbox } = await import(${JSON.stringify(new URL('../adapters/storage/inbox-store.ts', import.meta.url).href)});
    const db = openSqlite(${JSON.stringify(path)});
    const inbox = createInbox(db, () => new Date(), { durable: durableStepFor(db) });
    await Promise.all(Array.from({ length: 50 }, (_, i) => inbox.acceptAll([{ kind: 'text', channel: 'telegram', userId: 'k' + i, messageId: 'k' + i, receivedAt: new Date(), text: 'x' }], 'telegram')));
    process.kill(process.pid, 'SIGKILL');
  `], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(child.signal, 'SIGKILL', child.stderr);
  const reopened = openSqlite(path);
  try {
    const rows = await reopened.selectFrom('inbox').select(['message_id', 'handled_at', 'attempts']).where('message_id', 'like', 'k%').execute();
    assert.equal(rows.length, 50, 'every acknowledged message survived');
    assert.ok(rows.every((r) => r.handled_at === null && Number(r.attempts) === 1), 'waiting to be handled by the next process');
  } finally {
    await reopened.destroy();
  }
});

test('PostgreSQL and D1 keep their own commit semantics behind the same port', async () => {
  // Only SQLite gets the group commit; the others are chosen by the instance (no SQLite facts plugin).
  const db = openSqlite(':memory:');
  try {
    assert.equal(typeof durableStepFor(db), 'function');
    assert.equal(typeof (durableStepFor(db) as unknown as { groups?: unknown }).groups, 'function', 'SQLite: group commit');
    assert.equal((durableStepFor(db.withoutPlugins()) as unknown as { groups?: unknown }).groups, undefined, 'no SQLite facts: statement by statement');
  } finally {
    await db.destroy();
  }
});
