import type { Kysely, Migration } from 'kysely';

/**
 * Pages of a long SMS reply held until the resident replies THEM: one row per page, numbered from 0, replaced
 * whenever the conversation gets a new reply.
 */
export const smsMore: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('continuation_pages')
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('held_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('continuation_pages_pk', ['conversation_id', 'seq'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('continuation_pages').execute();
  },
};
