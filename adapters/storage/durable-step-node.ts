import type { Kysely } from 'kysely';
import { portableDurableStep, type DurableStep } from './durable-step.ts';
import type { Database } from './schema.ts';
import { sqliteFactsOf, sqliteGroupCommit } from './sqlite.ts';

/**
 * The Node runtime's way to make a step durable before a webhook is answered (durable-step.ts): group commit on
 * embedded SQLite, one transaction and one WAL sync for all concurrent steps; otherwise the portable step
 * (PostgreSQL: a transaction). Node only: it brings in the SQLite driver, which the Worker bundle must not.
 */
export function durableStepFor(db: Kysely<Database>): DurableStep {
  if (sqliteFactsOf(db) !== undefined) return sqliteGroupCommit(db);
  return portableDurableStep(db);
}
