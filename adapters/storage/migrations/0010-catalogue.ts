import type { Kysely, Migration } from 'kysely';

/**
 * The procedure catalogue: official procedures (code, name, level, field, agency, record link) that the bot can
 * point to when no vetted knowledge-base entry covers a question. Seeded from the shipped file on first start;
 * staff import and export it as CSV or JSON.
 */
export const catalogue: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('catalogue_procedures')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('agency', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('catalogue_procedures').execute();
  },
};
