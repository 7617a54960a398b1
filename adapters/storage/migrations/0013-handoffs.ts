import type { Kysely, Migration } from 'kysely';

/**
 * The hand-off queue (bot/handoffs.ts): residents who asked for a person, who took them, when staff first
 * replied (the dashboard charts the wait), and when the conversation went back to the bot. Plus the unanswered
 * questions staff dismissed, by folded key, so the same question coming again stays dismissed.
 */
export const handoffs: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('handoffs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      // The conversation id while the hand-off is open, NULL once closed: a unique index on it keeps one open
      // hand-off per conversation with a single idempotent INSERT (NULLs never collide, on every dialect).
      .addColumn('open_key', 'text', (c) => c.unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('out_of_hours', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('taken_at', 'text')
      .addColumn('taken_by', 'text')
      .addColumn('first_reply_at', 'text')
      .addColumn('first_reply_seconds', 'integer')
      .addColumn('replies', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('notice_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('handoffs_status').on('handoffs').columns(['status', 'requested_at']).execute();
    await db.schema.createIndex('handoffs_conversation').on('handoffs').columns(['conversation_id', 'requested_at']).execute();
    await db.schema
      .createTable('unanswered_dismissals')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('example', 'text', (c) => c.notNull())
      .addColumn('dismissed_by', 'text', (c) => c.notNull())
      .addColumn('dismissed_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('unanswered_dismissals').execute();
    await db.schema.dropTable('handoffs').execute();
  },
};
