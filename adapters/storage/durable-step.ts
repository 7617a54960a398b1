import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';
import type { Database } from './schema.ts';

/**
 * Runs one step's statements so that they are on disk, all of them, before it resolves: what a webhook's 200
 * promises (the inbox's accept step, inbox-store.ts). The work may read what it wrote (it is interactive), so
 * each database does it its own way: SQLite commits the steps of concurrent callers together in one transaction
 * with one sync to disk (group commit, sqlite-group-commit.ts, chosen by durable-step-node.ts); PostgreSQL runs a
 * transaction; D1, which has no interactive transactions, runs the statements one by one, so a work given to it
 * must be made of idempotent statements that are safe to stop between (a later repeat completes it).
 *
 * This file imports no SQLite code: the Worker bundle takes its step from here.
 */
export type DurableStep = <T>(work: (db: Kysely<Database>) => Promise<T>) => Promise<T>;

/** Statement by statement, each its own commit (D1, and anything without a better way). */
export const statementByStatement = (db: Kysely<Database>): DurableStep => (work) => work(db);

/**
 * The step that needs no Node-only module: a transaction on PostgreSQL (synchronous_commit makes its COMMIT
 * durable; the server groups flushes itself), else statement by statement (D1: each write is durable when it
 * returns).
 */
export function portableDurableStep(db: Kysely<Database>): DurableStep {
  if (isPostgres(db)) return (work) => db.transaction().execute(work);
  return statementByStatement(db);
}
