import type { Kysely } from 'kysely';
import type { Database } from '../adapters/storage/schema.ts';
import type { IncomingMessage } from './types.ts';

/**
 * Every accepted message, unique on (channel, message id): a platform's retry of the same delivery is
 * acknowledged but not handled twice. The message is kept until it is handled, so one accepted before a crash
 * is handled after the restart.
 */
export interface Inbox {
  /** True when the message is new (and now stored); false for a repeat delivery. */
  accept(message: IncomingMessage, provider: string, conversationId: string): Promise<boolean>;
  markHandled(message: IncomingMessage): Promise<void>;
  /** Messages accepted but not handled before `before` (a previous process stopped midway). */
  unhandled(before: Date, limit?: number): Promise<Array<{ message: IncomingMessage; provider: string }>>;
}

type StoredMessage = Omit<IncomingMessage, 'receivedAt'> & { receivedAt: string };

export function createInbox(db: Kysely<Database>, now: () => Date = () => new Date()): Inbox {
  return {
    async accept(message, provider, conversationId) {
      const result = await db
        .insertInto('inbox')
        .values({
          channel: message.channel,
          message_id: message.messageId,
          conversation_id: conversationId,
          received_at: now().toISOString(),
          payload_json: JSON.stringify({ ...message, receivedAt: message.receivedAt.toISOString() }),
          provider,
          handled_at: null,
        })
        .onConflict((oc) => oc.columns(['channel', 'message_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async markHandled(message) {
      await db
        .updateTable('inbox')
        .set({ handled_at: now().toISOString() })
        .where('channel', '=', message.channel)
        .where('message_id', '=', message.messageId)
        .execute();
    },
    async unhandled(before, limit = 100) {
      const rows = await db
        .selectFrom('inbox')
        .select(['payload_json', 'provider'])
        .where('handled_at', 'is', null)
        .where('payload_json', 'is not', null)
        .where('received_at', '<', before.toISOString())
        .orderBy('received_at')
        .limit(limit)
        .execute();
      return rows.map((row) => {
        const stored = JSON.parse(row.payload_json as string) as StoredMessage;
        return { message: { ...stored, receivedAt: new Date(stored.receivedAt) } as IncomingMessage, provider: row.provider ?? stored.channel };
      });
    },
  };
}
