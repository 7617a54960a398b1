import type { Kysely, Migration } from 'kysely';

/**
 * Channels: the inbox keeps each accepted message until it is handled (nothing accepted is lost), the outbox
 * keeps each reply until it is sent, plus SMS opt-outs, per-sender rate windows and the Zalo token pair.
 */
export const delivery: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('inbox').addColumn('payload_json', 'text').execute();
    await db.schema.alterTable('inbox').addColumn('provider', 'text').execute();
    await db.schema.alterTable('inbox').addColumn('handled_at', 'text').execute();
    await db.schema.createIndex('inbox_unhandled').on('inbox').columns(['handled_at', 'received_at']).execute();
    await db.schema.alterTable('conversations').addColumn('provider', 'text').execute();
    await db.schema.alterTable('conversations').addColumn('last_inbound_at', 'text').execute();
    await db.schema
      .createTable('outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('reply_to', 'text')
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('provider_message_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
    await db.schema
      .createTable('sms_opt_outs')
      .addColumn('phone', 'text', (c) => c.primaryKey())
      .addColumn('opted_out_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('rate_windows')
      .addColumn('sender', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('noticed', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('channel_tokens')
      .addColumn('channel', 'text', (c) => c.primaryKey())
      .addColumn('access_token', 'text', (c) => c.notNull())
      .addColumn('refresh_token', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('refreshing_until', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['channel_tokens', 'rate_windows', 'sms_opt_outs', 'outbox']) await db.schema.dropTable(table).execute();
    await db.schema.dropIndex('inbox_unhandled').execute();
    for (const column of ['payload_json', 'provider', 'handled_at']) await db.schema.alterTable('inbox').dropColumn(column).execute();
    for (const column of ['provider', 'last_inbound_at']) await db.schema.alterTable('conversations').dropColumn(column).execute();
  },
};
