import type { Kysely, Migration } from 'kysely';
import { isPostgres } from '../dialect.ts';

/**
 * The web chat's mailbox: the page cannot be pushed to, so messages the bot sends on its own (report status
 * changes, later staff replies) wait here until the page polls. `seq` is the page's cursor: it only grows, so a
 * poll "after 41" never skips or repeats a message. SQLite and D1 number rows with AUTOINCREMENT; PostgreSQL
 * has no such keyword and gets an identity column (the SQLite form is unchanged, so databases already migrated
 * are not affected).
 */
export const webchat: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('webchat_mailbox')
      .addColumn('seq', 'integer', (c) => (isPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('reply_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('fetched_at', 'text')
      .execute();
    await db.schema.createIndex('webchat_mailbox_user').on('webchat_mailbox').columns(['user_id', 'seq']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('webchat_mailbox').execute();
  },
};
