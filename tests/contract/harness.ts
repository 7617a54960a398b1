import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
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
  readonly dialect: 'sqlite' | 'postgres';
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
