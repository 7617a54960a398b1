import type { Kysely, Migration } from 'kysely';
import { newConversationId } from '../../../bot/opaque-id.ts';

/**
 * Conversation ids were "channel:userId", so a phone number showed wherever a conversation was named (outbox,
 * staff views, logs). Each conversation gets an opaque id; the channel and user id stay in `conversations`
 * (and in the delivery rows that must address the resident), looked up through a unique index.
 */
const REFERRING_TABLES = ['message_log', 'inbox', 'outbox', 'unanswered', 'reports', 'report_subscribers'] as const;

export const opaqueConversations: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // Every id in use, also those only named by a referring row, so nothing keeps the old form.
    const known = new Set<string>();
    const rows = (await db.selectFrom('conversations' as never).select(['id' as never]).execute()) as Array<{ id: string }>;
    for (const row of rows) known.add(row.id);
    for (const table of REFERRING_TABLES) {
      const used = (await db
        .selectFrom(table as never)
        .select(['conversation_id' as never])
        .distinct()
        .execute()) as Array<{ conversation_id: string | null }>;
      for (const row of used) if (row.conversation_id !== null) known.add(row.conversation_id);
    }
    for (const old of known) {
      if (old.startsWith('c_')) continue;
      const fresh = newConversationId();
      await db.updateTable('conversations' as never).set({ id: fresh } as never).where('id' as never, '=', old as never).execute();
      for (const table of REFERRING_TABLES) {
        await db.updateTable(table as never).set({ conversation_id: fresh } as never).where('conversation_id' as never, '=', old as never).execute();
      }
    }
    await db.schema.createIndex('conversations_by_user').unique().on('conversations').columns(['channel', 'user_id']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('conversations_by_user').execute();
  },
};
