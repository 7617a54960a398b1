import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { Database } from './schema.ts';
import { createGroupCommit, type SqliteSynchronous } from './sqlite-group-commit.ts';
import { cachedStatements } from './sqlite-statement-cache.ts';

export type { SqliteSynchronous } from './sqlite-group-commit.ts';

export interface SqliteOptions {
  /**
   * How hard every ordinary commit is pushed to the disk (https://sqlite.org/pragma.html#pragma_synchronous).
   * NORMAL (the default) syncs the write-ahead log only at checkpoints: a power cut can roll back the last
   * commits, a process crash cannot. What a webhook's 200 promises (the accepted inbox row) does not depend on
   * it: that step is group-committed with a sync of its own (sqlite-group-commit.ts). FULL
   * syncs every commit (inside COMMIT, blocking the event loop meanwhile); OFF syncs nothing, not even the
   * accept step (throwaway databases only). bench/delivery.bench.ts prints the costs.
   */
  readonly synchronous?: SqliteSynchronous;
  /** The most memory SQLite's page cache may hold, KiB (DEFAULT_SQLITE_CACHE_KIB unless given). */
  readonly cacheKib?: number;
  /** Prepared statements kept per connection (LRU). */
  readonly statementCacheSize?: number;
  /**
   * Sync the accept group by an fdatasync of the WAL on libuv's thread pool after a NORMAL commit, instead of
   * SQLite's own sync inside a FULL commit (sqlite-group-commit.ts). Off by default: measured on this machine's
   * disk (a sync of ~0.3 ms) the inline sync answers webhooks about twice as fast, because the thread's answer
   * waits for the event loop again; worth it only on a disk whose sync takes milliseconds.
   */
  readonly acceptSyncOnThreadPool?: boolean;
}

/**
 * SQLite's page cache, KiB (https://sqlite.org/pragma.html#pragma_cache_size). better-sqlite3 builds SQLite with
 * 16,000 (SQLITE_DEFAULT_CACHE_SIZE=-16000): a growing database fills it within an hour of traffic and it stays
 * resident, a fifth of the server's memory budget. Pages the cache lets go are still in the operating system's file
 * cache, so a miss costs a read() of a few microseconds, not a disk access. SQLITE_CACHE_KIB sets another size.
 */
export const DEFAULT_SQLITE_CACHE_KIB = 4096;

/** Reads SQLITE_SYNCHRONOUS; anything but FULL, EXTRA or OFF means NORMAL. */
export function synchronousFrom(value: string | undefined): SqliteSynchronous {
  const upper = value?.trim().toUpperCase();
  return upper === 'FULL' || upper === 'EXTRA' || upper === 'OFF' ? upper : 'NORMAL';
}

/**
 * The SQLite settings the environment gives (SQLITE_SYNCHRONOUS, SQLITE_CACHE_KIB, SQLITE_ACCEPT_SYNC=thread for the
 * accept step's sync on libuv's thread pool), as the server opens its file.
 */
export function sqliteOptionsFrom(env: Readonly<Record<string, string | undefined>>): SqliteOptions {
  const cacheKib = Number(env.SQLITE_CACHE_KIB);
  return {
    synchronous: synchronousFrom(env.SQLITE_SYNCHRONOUS),
    ...(Number.isFinite(cacheKib) && cacheKib > 0 ? { cacheKib } : {}),
    ...(env.SQLITE_ACCEPT_SYNC?.trim().toLowerCase() === 'thread' ? { acceptSyncOnThreadPool: true } : {}),
  };
}

/**
 * Rides along in the Kysely instance's plugins (kept by `withPlugin`) so code holding only the Kysely
 * instance can tell an embedded SQLite connection and its sync levels: see durable-step-node.ts.
 */
export class SqliteConnectionFacts implements KyselyPlugin {
  /** `walPath`: the database's write-ahead log file; undefined for an in-memory database. */
  constructor(readonly normal: SqliteSynchronous, readonly durable: SqliteSynchronous, readonly walPath?: string) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** The SQLite facts of a Kysely instance opened by openSqlite, or undefined (PostgreSQL, D1). */
export function sqliteFactsOf(db: Kysely<Database>): SqliteConnectionFacts | undefined {
  return db.getExecutor().plugins.find((plugin): plugin is SqliteConnectionFacts => plugin instanceof SqliteConnectionFacts);
}

/** The group commit for this SQLite instance's accept steps (one per call: callers keep the one they make). */
export function sqliteGroupCommit(db: Kysely<Database>) {
  const facts = sqliteFactsOf(db);
  if (facts === undefined) throw new Error('not a database opened by openSqlite');
  return createGroupCommit(db, { normal: facts.normal, durable: facts.durable, ...(facts.walPath !== undefined ? { walPath: facts.walPath } : {}) });
}

/** Opens (creating if needed) the embedded SQLite database file. WAL lets readers go on while one writes. */
export function openSqlite(path: string, options: SqliteOptions = {}): Kysely<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const synchronous = options.synchronous ?? 'NORMAL';
  const connection = new SQLite(path);
  connection.pragma('journal_mode = WAL');
  connection.pragma(`synchronous = ${synchronous}`);
  connection.pragma('busy_timeout = 5000');
  connection.pragma('foreign_keys = ON');
  connection.pragma(`cache_size = -${Math.max(64, Math.floor(options.cacheKib ?? DEFAULT_SQLITE_CACHE_KIB))}`);
  const durable: SqliteSynchronous = synchronous === 'OFF' ? 'OFF' : synchronous === 'EXTRA' ? 'EXTRA' : 'FULL';
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: cachedStatements(connection, options.statementCacheSize) }) })
    .withPlugin(new SqliteConnectionFacts(synchronous, durable, connection.memory || path === '' || options.acceptSyncOnThreadPool !== true ? undefined : `${resolve(path)}-wal`));
}
