import type { Kysely, Migration } from 'kysely';

/**
 * Frozen once released: later changes get a new migration. Only portable types (text, integer, real) and
 * plain indexes, so the same list runs on SQLite, PostgreSQL and D1.
 */
export const initial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('knowledge_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('group_id', 'text', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('short_answer', 'text', (c) => c.notNull())
      .addColumn('examples_json', 'text', (c) => c.notNull())
      .addColumn('keywords_json', 'text', (c) => c.notNull())
      .addColumn('source_json', 'text', (c) => c.notNull())
      .addColumn('reviewed_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('label_definitions')
      .addColumn('label', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('examples_json', 'text', (c) => c.notNull())
      .addColumn('keywords_json', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('conversations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('state_json', 'text', (c) => c.notNull())
      .addColumn('last_label', 'text')
      .addColumn('needs_staff', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('inbox')
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('inbox_pk', ['channel', 'message_id'])
      .execute();
    await db.schema
      .createTable('message_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('label', 'text')
      .addColumn('score', 'real')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('message_log_conversation').on('message_log').columns(['conversation_id', 'created_at']).execute();
    await db.schema
      .createTable('unanswered')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('best_label', 'text')
      .addColumn('best_score', 'real')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('unanswered_status').on('unanswered').columns(['status', 'created_at']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['unanswered', 'message_log', 'inbox', 'conversations', 'label_definitions', 'knowledge_entries']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
