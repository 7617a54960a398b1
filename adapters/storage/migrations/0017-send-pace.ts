import type { Kysely, Migration } from 'kysely';

/**
 * Each provider's send pace, shared by every instance on the database (adapters/storage/send-pace-store.ts): one
 * row per provider, made on its first send, holding the earliest time the next send may start. Milliseconds since
 * 1970 pass 2^31, so the column is bigint: 8 bytes on PostgreSQL (its `integer` is 4), an INTEGER (up to 8 bytes)
 * on SQLite and D1, where the type name only sets the affinity. It holds nothing about residents, so retention
 * leaves it alone.
 */
export const sendPace: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('send_pace')
      .addColumn('provider', 'text', (c) => c.primaryKey())
      .addColumn('next_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('send_pace').execute();
  },
};
