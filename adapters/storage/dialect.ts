import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Which SQL the database speaks, for the few places that cannot be written portably (migrations that widen a
 * column). Read from the Kysely instance's adapter, so it works inside a migration's transaction without a
 * probing query (a failed probe would abort a PostgreSQL transaction).
 */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
