/**
 * Opening PostgreSQL from the environment: DATABASE_URL selects it, the log names it without the password, and a
 * connection the server drops is logged and replaced instead of crashing the process.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { describePostgresUrl, openDatabase } from '../adapters/storage/open-database.ts';
import { createDatabase } from './pg/fresh-database.ts';
import { requirePostgres } from './pg/cluster.ts';

const postgres = await requirePostgres();
const skip = postgres.ok ? false : postgres.reason;

test('DATABASE_URL picks the dialect; anything but a postgres URL is refused; SQLite is the default', () => {
  assert.equal(describePostgresUrl('postgres://assistant:s3cret@db.internal:5432/assistant'), 'postgres://db.internal:5432/assistant');
  assert.throws(() => openDatabase({ DATABASE_URL: 'mysql://x@y/z' }), /postgres:\/\//);
});

let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
before(async () => {
  if (postgres.ok) database = await createDatabase(postgres.server.adminUrl, 'open_test');
});
after(async () => {
  await database?.drop();
  if (postgres.ok) await postgres.server.release();
});

test('a connection the server ends is logged by its code and the next query opens a new one', { skip }, async () => {
  const logged: Array<Record<string, unknown>> = [];
  const logger = { info: () => {}, error: (event: string, fields?: Record<string, unknown>) => logged.push({ event, ...fields }) };
  const opened = openDatabase({ DATABASE_URL: database!.url, DATABASE_POOL_SIZE: '1' }, logger);
  try {
    assert.equal(opened.dialect, 'postgres');
    assert.doesNotMatch(opened.where, /@/);
    const first = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(opened.db);
    const pid = first.rows[0]!.pid;
    const admin = openDatabase({ DATABASE_URL: postgres.ok ? postgres.server.adminUrl : '' });
    await sql`select pg_terminate_backend(${pid})`.execute(admin.db);
    await admin.db.destroy();
    for (let i = 0; i < 50 && logged.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(logged, [{ event: 'database.connection-lost', code: '57P01' }]);
    const again = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(opened.db);
    assert.notEqual(again.rows[0]!.pid, pid);
  } finally {
    await opened.db.destroy();
  }
});
