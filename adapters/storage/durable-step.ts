import type { Kysely } from 'kysely';
import { statementByStatement, type DurableStep } from '../../bot/durable-step.ts';
import { isPostgres } from './dialect.ts';
import type { Database } from './schema.ts';
import { sqliteFactsOf, sqliteGroupCommit } from './sqlite.ts';

/**
 * Each database's way to make a step durable before a webhook is answered (bot/durable-step.ts):
 * - embedded SQLite: group commit, one transaction and one WAL sync for all concurrent steps;
 * - PostgreSQL: a transaction (synchronous_commit makes its COMMIT durable; the server groups flushes itself);
 * - D1: statement by statement (no interactive transactions; each D1 write is durable when it returns).
 */
export function durableStepFor(db: Kysely<Database>): DurableStep {
  if (sqliteFactsOf(db) !== undefined) return sqliteGroupCommit(db);
  if (isPostgres(db)) return (work) => db.transaction().execute(work);
  return statementByStatement(db);
}
