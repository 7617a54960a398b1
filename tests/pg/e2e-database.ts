import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { isPostgresUrl, openPostgres } from '../../adapters/storage/postgres.ts';
import { openSqlite } from '../../adapters/storage/sqlite.ts';
import type { Database } from '../../adapters/storage/schema.ts';
import { PG_BIN } from './cluster.ts';
import { databaseUrl } from './fresh-database.ts';

/**
 * E2E_DATABASE_URL=postgres://... (a server where the URL's user may CREATE DATABASE) runs the suites built on
 * tests/helpers.ts temporaryDatabase() against PostgreSQL: each call creates a database of its own. Unset, they
 * use SQLite as always. Created with psql because temporaryDatabase is synchronous.
 */
export function e2eDatabaseUrl(): string | undefined {
  const url = process.env.E2E_DATABASE_URL?.trim();
  return url ? url : undefined;
}

export function temporaryPostgres(adminUrl: string): { path: string; db: Kysely<Database>; cleanup: () => Promise<void> } {
  const name = `e2e_${randomBytes(6).toString('hex')}`;
  const psql = (statement: string) => execFileSync(join(PG_BIN, 'psql'), [adminUrl, '-qAtc', statement], { stdio: ['ignore', 'ignore', 'inherit'] });
  psql(`create database ${name}`);
  const url = databaseUrl(adminUrl, name);
  const db = openPostgres(url);
  return {
    path: url,
    db,
    cleanup: async () => {
      await db.destroy();
      psql(`drop database if exists ${name} with (force)`);
    },
  };
}

/** A second connection to a database temporaryDatabase() made (another instance), whichever dialect it is. */
export function reopenDatabase(path: string): Kysely<Database> {
  return isPostgresUrl(path) ? openPostgres(path) : openSqlite(path);
}
