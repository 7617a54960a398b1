import type { Kysely } from 'kysely';
import { silentLogger } from '../http/logger.ts';
import type { Logger } from '../../bot/ports/logger.ts';
import { isPostgresUrl, openPostgres } from './postgres.ts';
import type { Database } from './schema.ts';
import { openSqlite, sqliteOptionsFrom } from './sqlite.ts';
import { stripNul } from './strip-nul.ts';

export interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: 'postgres' | 'sqlite';
  /** Where it is, safe to log: the SQLite path, or the PostgreSQL host, port and database without credentials. */
  readonly where: string;
}

/** A PostgreSQL URL with its user name and password left out. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    return `postgres://${parsed.host}${parsed.pathname}`;
  } catch {
    return 'postgres://(unreadable DATABASE_URL)';
  }
}

/**
 * DATABASE_URL=postgres://... selects PostgreSQL (several instances can share it); otherwise the embedded
 * SQLite file at DATABASE_PATH. Both strip NUL characters from stored text, so a message behaves the same on
 * either.
 */
export function openDatabase(env: Readonly<Record<string, string | undefined>>, logger: Logger = silentLogger): OpenedDatabase {
  const url = env.DATABASE_URL?.trim() ?? '';
  if (isPostgresUrl(url)) {
    const max = Number(env.DATABASE_POOL_SIZE);
    const db = openPostgres(url, {
      ...(Number.isInteger(max) && max > 0 ? { maxConnections: max } : {}),
      // The code only (SQLSTATE or errno): a server message can quote stored values.
      onConnectionError: (error) => logger.error('database.connection-lost', { code: error.code ?? 'unknown' }),
    });
    return { db, dialect: 'postgres', where: describePostgresUrl(url) };
  }
  if (url !== '') throw new Error('DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for SQLite)');
  const path = env.DATABASE_PATH ?? './data/app.db';
  const db = openSqlite(path, sqliteOptionsFrom(env)).withPlugin(stripNul);
  return { db, dialect: 'sqlite', where: path };
}
