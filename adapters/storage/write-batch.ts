import type { Compilable, Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Runs the writes of one step so that all or none of them land. The statements are built before anything
 * runs and none depends on another's result, so the same list maps onto D1's `batch()` (which has no
 * interactive transactions); on SQLite and PostgreSQL it is one transaction, one commit, one sync to disk.
 */
export async function writeBatch(db: Kysely<Database>, statements: readonly Compilable[]): Promise<void> {
  if (statements.length === 0) return;
  if (statements.length === 1) {
    await db.executeQuery((statements[0] as Compilable).compile());
    return;
  }
  await db.transaction().execute(async (trx) => {
    for (const statement of statements) await trx.executeQuery(statement.compile());
  });
}
