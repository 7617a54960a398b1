import { sql, type Kysely } from 'kysely';
import type { MailboxItem, WebChatMailbox } from '../channels/webchat/mailbox.ts';
import type { Reply } from '../../bot/types.ts';
import type { Database } from './schema.ts';

const MAX_FETCH = 100;
// Racing writers of one mailbox each lose at most once per winner; a handful of tries covers any real burst.
const MAX_ATTEMPTS = 8;

/** PostgreSQL 23505, SQLite/D1 "UNIQUE constraint failed": another writer took this number first. */
function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/i.test(String(message ?? ''));
}

/**
 * The web chat's mailbox, numbered per resident (`user_seq`, migration 0014-webchat-order) so the page's
 * "after N" cursor is safe with several instances: a row takes the resident's highest number plus one in a single
 * statement, and the unique index (user_id, user_seq) turns a race into a retry. On PostgreSQL the loser waits
 * for the winner's commit before failing, so number N+1 can only commit after N is visible, and a poll never
 * sees a number while a smaller one is still to come. SQLite and D1 write one statement at a time anyway.
 */
export function createWebChatMailbox(db: Kysely<Database>, now: () => Date = () => new Date()): WebChatMailbox {
  const toItem = (row: { user_seq: number; reply_json: string; created_at: string }): MailboxItem => ({
    seq: Number(row.user_seq),
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
      .where('user_seq', '<=', last.seq)
      .where('fetched_at', 'is', null)
      .execute();
  }

  const readAfter = (userId: string, seq: number, limit: number) =>
    db
      .selectFrom('webchat_mailbox')
      .select(['user_seq', 'reply_json', 'created_at'])
      .where('user_id', '=', userId)
      .where('user_seq', '>', seq)
      .orderBy('user_seq')
      .limit(Math.min(limit, MAX_FETCH))
      .execute();

  async function alreadyPut(deliveryKey: string): Promise<number | undefined> {
    const row = await db.selectFrom('webchat_mailbox').select('user_seq').where('delivery_key', '=', deliveryKey).executeTakeFirst();
    return row === undefined ? undefined : Number(row.user_seq);
  }

  async function insertNext(userId: string, replyJson: string, createdAt: string, deliveryKey: string | null): Promise<number> {
    // Casts: PostgreSQL cannot infer a parameter's type in a SELECT list; SQLite accepts them as they are.
    const row = await db
      .insertInto('webchat_mailbox')
      .columns(['user_id', 'user_seq', 'reply_json', 'created_at', 'delivery_key'])
      .expression(
        db
          .selectFrom('webchat_mailbox')
          .select([
            sql<string>`cast(${userId} as text)`.as('user_id'),
            sql<number>`coalesce(max(user_seq), 0) + 1`.as('user_seq'),
            sql<string>`cast(${replyJson} as text)`.as('reply_json'),
            sql<string>`cast(${createdAt} as text)`.as('created_at'),
            sql<string | null>`cast(${deliveryKey} as text)`.as('delivery_key'),
          ])
          .where('user_id', '=', userId),
      )
      .returning('user_seq')
      .executeTakeFirstOrThrow();
    return Number(row.user_seq);
  }

  return {
    async put(userId, reply, deliveryKey) {
      const replyJson = JSON.stringify(reply);
      const createdAt = now().toISOString();
      for (let attempt = 1; ; attempt++) {
        try {
          // Looked up on every attempt: a unique violation may be a racing resend of this same key that won.
          const earlier = deliveryKey === undefined ? undefined : await alreadyPut(deliveryKey);
          if (earlier !== undefined) return earlier;
          return await insertNext(userId, replyJson, createdAt, deliveryKey ?? null);
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS || !isUniqueViolation(error)) throw error;
        }
      }
    },
    async fetchAfter(userId, seq, limit = MAX_FETCH) {
      let rows = await readAfter(userId, seq, limit);
      if (rows.length === 0 && seq > 0) {
        // A cursor past the newest number: the resident's mailbox was erased (personal-data deletion) and numbering
        // started again. Give what is there from the start; the page takes the lower cursor it gets back.
        const top = await db.selectFrom('webchat_mailbox').select((eb) => eb.fn.max('user_seq').as('top')).where('user_id', '=', userId).executeTakeFirst();
        const highest = Number(top?.top ?? 0);
        if (highest > 0 && highest < seq) rows = await readAfter(userId, 0, limit);
      }
      const items = rows.map(toItem);
      await markFetched(userId, items);
      return items;
    },
    async latest(userId, limit = 50) {
      const rows = await db
        .selectFrom('webchat_mailbox')
        .select(['user_seq', 'reply_json', 'created_at'])
        .where('user_id', '=', userId)
        .orderBy('user_seq', 'desc')
        .limit(Math.min(limit, MAX_FETCH))
        .execute();
      const items = rows.reverse().map(toItem);
      await markFetched(userId, items);
      return items;
    },
  };
}
