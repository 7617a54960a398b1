import { sql, type Kysely } from 'kysely';
import { MIGRATIONS } from '../storage/migrations/index.ts';
import type { Database } from '../storage/schema.ts';
import type { HealthChecks } from './health.ts';

/** Health checks over the database: `SELECT 1`, and the executed migrations against the code's list. */
export function databaseHealth(db: Kysely<Database>, matcherLoaded: () => boolean): HealthChecks {
  return {
    async database() {
      await sql`select 1`.execute(db);
    },
    async pendingMigrations() {
      // Kysely's Migrator keeps its record in kysely_migration (the default name, as adapters/storage/migrate.ts uses it).
      const executed = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
      const done = new Set(executed.rows.map((r) => r.name));
      return Object.keys(MIGRATIONS).filter((name) => !done.has(name));
    },
    matcherLoaded,
  };
}
