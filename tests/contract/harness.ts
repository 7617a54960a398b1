import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Miniflare } from 'miniflare';
import { openD1 } from '../../adapters/storage/d1.ts';
import type { D1Database, D1PreparedStatement, D1Result } from '../../adapters/storage/d1-types.ts';
import { migrateToLatest } from '../../adapters/storage/migrate.ts';
import { openPostgres } from '../../adapters/storage/postgres.ts';
import type { Database } from '../../adapters/storage/schema.ts';
import { openSqlite } from '../../adapters/storage/sqlite.ts';
import { stripNul } from '../../adapters/storage/strip-nul.ts';
import { createDatabase } from '../pg/fresh-database.ts';

/** One freshly migrated database; `another` is a second connection to it, as a second instance would have. */
export interface FreshStore {
  readonly db: Kysely<Database>;
  another(): Kysely<Database>;
}

/** What a contract test needs from a dialect: a new database per test, everything closed by `close`. */
export interface StoreHarness {
  readonly dialect: 'sqlite' | 'postgres' | 'd1';
  fresh(): Promise<FreshStore>;
  close(): Promise<void>;
}

/** SQLite files in a temporary folder, opened as the runtime opens them (adapters/storage/open-database.ts). */
export function sqliteHarness(): StoreHarness {
  const folder = mkdtempSync(join(tmpdir(), 'store-contract-'));
  const opened: Array<Kysely<Database>> = [];
  let count = 0;
  const open = (path: string): Kysely<Database> => {
    const db = openSqlite(path).withPlugin(stripNul);
    opened.push(db);
    return db;
  };
  return {
    dialect: 'sqlite',
    async fresh() {
      const path = join(folder, `db-${++count}.sqlite`);
      const db = open(path);
      await migrateToLatest(db);
      return { db, another: () => open(path) };
    },
    async close() {
      for (const db of opened) await db.destroy();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A database per test on one PostgreSQL server: the migrations run once into a template database (which also
 * proves they run on PostgreSQL), and each test gets CREATE DATABASE ... TEMPLATE of it, a fresh copy in
 * milliseconds. Every database made here is dropped by `close`.
 */
export function postgresHarness(adminUrl: string): StoreHarness {
  const opened: Array<Kysely<Database>> = [];
  const drops: Array<() => Promise<void>> = [];
  let template: Promise<string> | undefined;
  const open = (url: string): Kysely<Database> => {
    const db = openPostgres(url, { maxConnections: 4 });
    opened.push(db);
    return db;
  };
  async function makeTemplate(): Promise<string> {
    const created = await createDatabase(adminUrl, 'contract_template');
    drops.push(created.drop);
    const db = openPostgres(created.url, { maxConnections: 1 });
    try {
      await migrateToLatest(db);
    } finally {
      // A template must have no open connection while it is copied.
      await db.destroy();
    }
    return created.name;
  }
  return {
    dialect: 'postgres',
    async fresh() {
      template ??= makeTemplate();
      const created = await createDatabase(adminUrl, 'contract', await template);
      drops.unshift(created.drop);
      return { db: open(created.url), another: () => open(created.url) };
    },
    async close() {
      for (const db of opened) await db.destroy();
      for (const drop of drops) await drop();
    },
  };
}

/** D1 databases per workerd process (tests share one: starting workerd takes about half a second). */
const D1_PER_WORKERD = 24;

/**
 * Inside workerd, each query the Node side sends: run on the named D1 binding as `all()` or as one `batch()`,
 * answered with D1's own results (or its error message, which the stores read: "UNIQUE constraint failed").
 */
const D1_RELAY = `export default {
  async fetch(request, env) {
    const { binding, statements, batch } = await request.json();
    const d1 = env[binding];
    try {
      const prepared = statements.map((s) => d1.prepare(s.sql).bind(...s.params));
      const results = batch ? await d1.batch(prepared) : [await prepared[0].all()];
      return Response.json(results.map((r) => ({ success: r.success, results: r.results, meta: { changes: r.meta.changes, last_row_id: r.meta.last_row_id } })));
    } catch (error) {
      return Response.json({ error: String(error && error.message), cause: error && error.cause ? String(error.cause.message ?? error.cause) : undefined }, { status: 500 });
    }
  },
};`;

/** A D1Database (d1-types.ts) whose statements run on a real local D1 binding inside workerd. */
function relayedD1(mf: Miniflare, binding: string): D1Database {
  const send = async (statements: ReadonlyArray<{ sql: string; params: unknown[] }>, batch: boolean): Promise<D1Result[]> => {
    const response = await mf.dispatchFetch('http://d1.local/', { method: 'POST', body: JSON.stringify({ binding, statements, batch }) });
    const body = (await response.json()) as D1Result[] | { error: string; cause?: string };
    if (!Array.isArray(body)) throw Object.assign(new Error(body.error), body.cause ? { cause: new Error(body.cause) } : {});
    return body;
  };
  const statement = (sql: string, params: unknown[]): D1PreparedStatement & { readonly sql: string; readonly params: unknown[] } => ({
    sql,
    params,
    bind: (...values: unknown[]) => statement(sql, values),
    all: async () => (await send([{ sql, params }], false))[0]!,
  });
  return {
    prepare: (sql) => statement(sql, []),
    batch: (statements) => send(statements.map((s) => s as ReturnType<typeof statement>).map(({ sql, params }) => ({ sql, params })), true),
  };
}

/**
 * A fresh local D1 database per test, from Node through Miniflare's API: wrangler's own local D1 (workerd and its
 * SQLite, in memory, offline), reached as a Worker reaches its binding (a relay Worker runs each statement on it),
 * opened through our D1 dialect as adapters/runtime/worker.ts opens it (adapters/storage/d1.ts) and migrated by
 * the same migrator. `another` is a second Kysely instance on the same database, as a second isolate would have.
 */
export function d1Harness(): StoreHarness {
  const workerds: Array<Promise<Miniflare>> = [];
  let count = 0;
  const startWorkerd = async (): Promise<Miniflare> => {
    Object.assign(process.env, { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_HIDE_BANNER: 'true' });
    const { Miniflare, Log, LogLevel } = await import('miniflare');
    const mf = new Miniflare({
      modules: true,
      script: D1_RELAY,
      compatibilityDate: '2026-04-20',
      d1Databases: Array.from({ length: D1_PER_WORKERD }, (_, i) => `DB_${i}`),
      d1Persist: false,
      log: new Log(LogLevel.WARN),
    });
    await mf.ready;
    return mf;
  };
  const database = async (n: number): Promise<D1Database> => {
    const index = Math.floor(n / D1_PER_WORKERD);
    workerds[index] ??= startWorkerd();
    return relayedD1(await workerds[index]!, `DB_${n % D1_PER_WORKERD}`);
  };
  return {
    dialect: 'd1',
    async fresh() {
      const binding = await database(count++);
      const db = openD1(binding);
      await migrateToLatest(db);
      return { db, another: () => openD1(binding) };
    },
    async close() {
      for (const mf of workerds) await (await mf).dispose();
    },
  };
}
