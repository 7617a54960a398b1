import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Knowledge-base editing (staff workspace): every save keeps a version (draft until published), a retired flag
 * hides an entry from the bot without deleting it, and one revision counter that publishing bumps, so every
 * instance sharing the database notices a publish by reading a single row.
 * Named 0013: 0012 was already taken by the conversation version when this was written.
 */
export const kbEditing: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('knowledge_entries').addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema
      .createTable('kb_versions')
      .addColumn('entry_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('entry_json', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addPrimaryKeyConstraint('kb_versions_pk', ['entry_id', 'version'])
      .execute();
    await db.schema.createIndex('kb_versions_status').on('kb_versions').columns(['status', 'entry_id']).execute();
    await db.schema
      .createTable('kb_revision')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addColumn('published_by', 'text')
      .execute();
    await sql`INSERT INTO kb_revision (id, revision) VALUES ('kb', 0)`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('kb_revision').execute();
    await db.schema.dropTable('kb_versions').execute();
    await db.schema.alterTable('knowledge_entries').dropColumn('retired').execute();
  },
};
