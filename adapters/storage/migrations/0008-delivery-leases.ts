import type { Kysely, Migration } from 'kysely';

/**
 * Leases for delivery work. `claimed_until` on an inbox row says who may handle the message until when; on an
 * outbox row, who may send it. A process that stops midway leaves a lease that simply runs out, after which
 * any process (this one restarted, or another instance) takes the work over: nothing waits for a restart and
 * nothing is handled or sent by two processes at once.
 */
export const deliveryLeases: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('inbox').addColumn('claimed_until', 'text').execute();
    await db.schema.alterTable('outbox').addColumn('claimed_until', 'text').execute();
    // Each lane looks for the oldest unfinished message of each conversation of its provider.
    await db.schema.createIndex('outbox_lane').on('outbox').columns(['provider', 'status', 'created_at']).execute();
    // "Is anything older still unfinished in this conversation?" is asked for every candidate.
    await db.schema.createIndex('outbox_conversation_order').on('outbox').columns(['conversation_id', 'status', 'created_at']).execute();
    // Twilio repeats look up the replies stored for the inbound message they repeat.
    await db.schema.createIndex('outbox_reply_to').on('outbox').columns(['provider', 'reply_to']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const index of ['outbox_reply_to', 'outbox_conversation_order', 'outbox_lane']) await db.schema.dropIndex(index).execute();
    await db.schema.alterTable('outbox').dropColumn('claimed_until').execute();
    await db.schema.alterTable('inbox').dropColumn('claimed_until').execute();
  },
};
