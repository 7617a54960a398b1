import type { Kysely } from 'kysely';
import type { MailboxItem, WebChatMailbox } from '../channels/webchat/mailbox.ts';
import type { Reply } from '../../bot/types.ts';
import type { Database } from './schema.ts';

const MAX_FETCH = 100;

export function createWebChatMailbox(db: Kysely<Database>, now: () => Date = () => new Date()): WebChatMailbox {
  const toItem = (row: { seq: number; reply_json: string; created_at: string }): MailboxItem => ({
    seq: Number(row.seq),
    reply: JSON.parse(row.reply_json) as Reply,
    at: row.created_at,
  });

  // Fetched marks only record delivery; the cursor, not the mark, decides what a page sees next.
  async function markFetched(userId: string, items: readonly MailboxItem[]): Promise<void> {
    const last = items.at(-1);
    if (last === undefined) return;
    await db
      .updateTable('webchat_mailbox')
      .set({ fetched_at: now().toISOString() })
      .where('user_id', '=', userId)
      .where('seq', '<=', last.seq)
      .where('fetched_at', 'is', null)
      .execute();
  }

  return {
    async put(userId, reply) {
      const row = await db
        .insertInto('webchat_mailbox')
        .values({ user_id: userId, reply_json: JSON.stringify(reply), created_at: now().toISOString(), fetched_at: null })
        .returning('seq')
        .executeTakeFirstOrThrow();
      return Number(row.seq);
    },
    async fetchAfter(userId, seq, limit = MAX_FETCH) {
      const rows = await db
        .selectFrom('webchat_mailbox')
        .select(['seq', 'reply_json', 'created_at'])
        .where('user_id', '=', userId)
        .where('seq', '>', seq)
        .orderBy('seq')
        .limit(Math.min(limit, MAX_FETCH))
        .execute();
      const items = rows.map(toItem);
      await markFetched(userId, items);
      return items;
    },
    async latest(userId, limit = 50) {
      const rows = await db
        .selectFrom('webchat_mailbox')
        .select(['seq', 'reply_json', 'created_at'])
        .where('user_id', '=', userId)
        .orderBy('seq', 'desc')
        .limit(Math.min(limit, MAX_FETCH))
        .execute();
      const items = rows.reverse().map(toItem);
      await markFetched(userId, items);
      return items;
    },
  };
}
