import type { Kysely } from 'kysely';
import type { Database } from '../adapters/storage/schema.ts';

/**
 * Runs one step's statements so that they are on disk, all of them, before it resolves: what a webhook's 200
 * promises. The work may read what it wrote (it is interactive), so each database does it its own way
 * (adapters/storage/durable-step.ts): SQLite commits the steps of concurrent callers together in one
 * transaction with one sync to disk (group commit); PostgreSQL runs a transaction; D1, which has no interactive
 * transactions, runs the statements one by one, so a work given to it must be made of idempotent statements
 * that are safe to stop between (a later repeat completes it).
 */
export type DurableStep = <T>(work: (db: Kysely<Database>) => Promise<T>) => Promise<T>;

/** Statement by statement, each its own commit (D1, and anything without a better way). */
export const statementByStatement = (db: Kysely<Database>): DurableStep => (work) => work(db);
