import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Indexes shaped for the delivery path's hot queries, plus the inbox's attempt count.
 *
 * - Partial indexes over unfinished work only. The outbox keeps sent replies for a month and the inbox its
 *   handled messages, so indexes over whole tables grow with history while the queries only ever look at the
 *   few rows still waiting. Each lane's "next reply per conversation" (adapters/storage/outbox-store.ts
 *   dueHeads/nextDue/claim) walks `outbox_open_lane` in send order and asks `outbox_open_conversation` whether
 *   an older reply of the same conversation is unfinished. The queries repeat the index's condition literally (status in ('pending',
 *   'sending')) so SQLite's planner may use them (it proves a partial index usable only from a term it can
 *   see). Inbox recovery needs nothing new: inbox_unhandled (handled_at, received_at) already yields the
 *   unhandled rows oldest first without a sort (EXPLAIN QUERY PLAN: SEARCH inbox USING INDEX inbox_unhandled).
 * - They replace outbox_lane and outbox_conversation_order (same columns plus status, over every row ever
 *   queued), which each insert and each status change had to maintain too.
 * - inbox.attempts counts how often handling of a message was started (the accepting process is the first);
 *   failed_at marks one given up after INBOX_MAX_ATTEMPTS (a message that crashes its handler every time).
 */
export const hotIndexes: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create index outbox_open_lane on outbox (provider, created_at, id) where status in ('pending', 'sending')`.execute(db);
    await sql`create index outbox_open_conversation on outbox (conversation_id, created_at, id) where status in ('pending', 'sending')`.execute(db);
    await db.schema.dropIndex('outbox_lane').execute();
    await db.schema.dropIndex('outbox_conversation_order').execute();
    await db.schema.alterTable('inbox').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('inbox').addColumn('failed_at', 'text').execute();
    await sql`create index inbox_failed on inbox (failed_at) where failed_at is not null`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('inbox_failed').execute();
    await db.schema.alterTable('inbox').dropColumn('failed_at').execute();
    await db.schema.alterTable('inbox').dropColumn('attempts').execute();
    await db.schema.createIndex('outbox_conversation_order').on('outbox').columns(['conversation_id', 'status', 'created_at']).execute();
    await db.schema.createIndex('outbox_lane').on('outbox').columns(['provider', 'status', 'created_at']).execute();
    for (const index of ['outbox_open_conversation', 'outbox_open_lane']) await db.schema.dropIndex(index).execute();
  },
};
