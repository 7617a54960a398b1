import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from '../dialect.ts';

/**
 * The columns earlier migrations declared `real`, widened to double precision on PostgreSQL. There `real` is a
 * 4-byte float: a longitude of 105.470123 comes back as 105.47012 (about a metre off) and scores lose digits.
 * SQLite's and D1's REAL is already an 8-byte double, so on them this migration does nothing.
 */
const COLUMNS: ReadonlyArray<readonly [table: string, column: string]> = [
  ['reports', 'latitude'],
  ['reports', 'longitude'],
  ['message_log', 'score'],
  ['unanswered', 'best_score'],
];

export const postgresDoubles: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    if (!isPostgres(db)) return;
    for (const [table, column] of COLUMNS) {
      await db.schema.alterTable(table).alterColumn(column, (c) => c.setDataType(sql`double precision`)).execute();
    }
  },
  async down(db: Kysely<unknown>): Promise<void> {
    if (!isPostgres(db)) return;
    for (const [table, column] of COLUMNS) await db.schema.alterTable(table).alterColumn(column, (c) => c.setDataType('real')).execute();
  },
};
