import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';

/** How hard each commit is pushed to the disk (https://sqlite.org/pragma.html#pragma_synchronous). */
export type SqliteSynchronous = 'FULL' | 'NORMAL' | 'OFF';

export interface SqliteOptions {
  /**
   * FULL (the default) syncs the write-ahead log on every commit, so a message acknowledged with a 200 and a
   * reply marked sent survive a power cut: the platforms do not resend what we acknowledged. NORMAL syncs only
   * at checkpoints (faster; the last commits can roll back on power loss, never on a process crash). The cost
   * of FULL on this machine is printed by bench/delivery.bench.ts.
   */
  readonly synchronous?: SqliteSynchronous;
}

/** Reads SQLITE_SYNCHRONOUS; anything but NORMAL or OFF means FULL. */
export function synchronousFrom(value: string | undefined): SqliteSynchronous {
  const upper = value?.trim().toUpperCase();
  return upper === 'NORMAL' || upper === 'OFF' ? upper : 'FULL';
}

/** Opens (creating if needed) the embedded SQLite database file. WAL lets readers go on while one writes. */
export function openSqlite(path: string, options: SqliteOptions = {}): Kysely<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const connection = new SQLite(path);
  connection.pragma('journal_mode = WAL');
  connection.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  connection.pragma('busy_timeout = 5000');
  connection.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
}
