import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The web chat page polls "after N". With one database-wide counter (`seq`), two instances writing to the same
 * mailbox at once could commit out of order on PostgreSQL (seq 11 visible before seq 10), and a page that saw 11
 * would never ask for 10. `user_seq` numbers each resident's mailbox on its own: a row takes the resident's
 * highest number plus one, and a unique index on (user_id, user_seq) makes a racing writer fail and take the next
 * number after the first one committed. A number is therefore only ever visible after every smaller one.
 * Existing rows keep their `seq` as `user_seq`, so the cursors open pages hold stay valid.
 */
export const webchatOrder: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('webchat_mailbox').addColumn('user_seq', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await sql`update webchat_mailbox set user_seq = seq`.execute(db);
    await db.schema.createIndex('webchat_mailbox_user_seq').on('webchat_mailbox').columns(['user_id', 'user_seq']).unique().execute();
    await db.schema.dropIndex('webchat_mailbox_user').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.createIndex('webchat_mailbox_user').on('webchat_mailbox').columns(['user_id', 'seq']).execute();
    await db.schema.dropIndex('webchat_mailbox_user_seq').execute();
    await db.schema.alterTable('webchat_mailbox').dropColumn('user_seq').execute();
  },
};
