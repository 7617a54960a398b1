import type { Kysely, Migration } from 'kysely';

/**
 * A version number on each conversation: a turn saves its state only if the row still has the version it
 * loaded, so two messages handled at once (two instances, or two workers) cannot silently overwrite each
 * other's update (bot/conversation-store.ts). Existing rows start at 0.
 */
export const conversationVersion: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('conversations').addColumn('version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('conversations').dropColumn('version').execute();
  },
};
