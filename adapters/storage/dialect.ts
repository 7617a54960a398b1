import { PostgresAdapter, type Kysely } from 'kysely';
import { D1Adapter } from './d1-dialect.ts';

/**
 * Which SQL the database speaks, for the few places that cannot be written portably (migrations that widen a
 * column). Read from the Kysely instance's adapter, so it works inside a migration's transaction without a
 * probing query (a failed probe would abort a PostgreSQL transaction).
 */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * True when other processes work on this database too: PostgreSQL (several Node instances may share it) and D1
 * (every Worker isolate does). False for embedded SQLite, which one process owns. Read from the adapter, like
 * isPostgres, so nothing here loads the SQLite driver (the Worker bundle must not).
 */
export function isSharedDatabase(db: Kysely<any>): boolean {
  return isPostgres(db) || db.getExecutor().adapter instanceof D1Adapter;
}
