import type { Kysely, Migration } from 'kysely';

/**
 * Indexes for retention (bot/retention.ts): each clean-up finds its oldest rows by time without scanning the
 * table. The inbox already has (handled_at, received_at) from 0002.
 */
export const retention: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.createIndex('outbox_finished').on('outbox').columns(['status', 'updated_at']).execute();
    await db.schema.createIndex('message_log_created').on('message_log').column('created_at').execute();
    await db.schema.createIndex('rate_windows_start').on('rate_windows').column('window_start').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const index of ['rate_windows_start', 'message_log_created', 'outbox_finished']) await db.schema.dropIndex(index).execute();
  },
};
