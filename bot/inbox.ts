import type { Kysely } from 'kysely';
import type { Database } from '../adapters/storage/schema.ts';
import type { IncomingMessage } from './types.ts';

/**
 * Every accepted message, unique on (channel, message id): a platform's retry of the same delivery is
 * acknowledged but not handled twice. The message is kept until it is handled, so one accepted before a crash
 * is handled afterwards.
 *
 * Who handles a message is decided by a lease (`claimed_until`): accepting a message claims it for the
 * process that answers the webhook; if that process dies before the message is handled, the lease runs out
 * and the next recovery pass (every few seconds, in any process) claims and handles it. A claim is one
 * conditional UPDATE, so two passes or two instances never both win it.
 */
export interface Inbox {
  /** True when the message is new (and now stored, claimed by the caller for one lease); false for a repeat. */
  accept(message: IncomingMessage, provider: string, conversationId: string): Promise<boolean>;
  markHandled(message: IncomingMessage): Promise<void>;
  /**
   * Claims up to `limit` accepted-but-unhandled messages whose lease is free or has run out (whatever their
   * age), oldest first; the caller must handle them within the lease.
   */
  claimUnhandled(limit: number): Promise<Array<{ message: IncomingMessage; provider: string }>>;
  /** How many accepted messages wait to be handled (health, tests, benchmarks). */
  backlog(): Promise<number>;
}

/** Where a message is in the inbox table: what markHandled's statement needs. */
export interface InboxKey {
  readonly channel: string;
  readonly messageId: string;
}

type StoredMessage = Omit<IncomingMessage, 'receivedAt'> & { receivedAt: string };

export const DEFAULT_INBOX_LEASE_MS = 30_000;

/** The statement that marks a message handled; outbox.enqueue runs it in the same batch as the replies. */
export function markHandledStatement(db: Kysely<Database>, key: InboxKey, at: Date) {
  return db
    .updateTable('inbox')
    .set({ handled_at: at.toISOString(), claimed_until: null })
    .where('channel', '=', key.channel)
    .where('message_id', '=', key.messageId);
}

export function createInbox(db: Kysely<Database>, now: () => Date = () => new Date(), leaseMs = DEFAULT_INBOX_LEASE_MS): Inbox {
  const leaseEnd = () => new Date(now().getTime() + leaseMs).toISOString();
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
          claimed_until: leaseEnd(),
        })
        .onConflict((oc) => oc.columns(['channel', 'message_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async markHandled(message) {
      await markHandledStatement(db, message, now()).execute();
    },
    async claimUnhandled(limit) {
      const at = now().toISOString();
      const candidates = await db
        .selectFrom('inbox')
        .select(['channel', 'message_id', 'payload_json', 'provider', 'claimed_until'])
        .where('handled_at', 'is', null)
        .where('payload_json', 'is not', null)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', at)]))
        .orderBy('received_at')
        .limit(limit)
        .execute();
      const claimed: Array<{ message: IncomingMessage; provider: string }> = [];
      for (const row of candidates) {
        // Compare-and-set on the lease we saw: whoever changes it first owns the message.
        const won = await db
          .updateTable('inbox')
          .set({ claimed_until: leaseEnd() })
          .where('channel', '=', row.channel)
          .where('message_id', '=', row.message_id)
          .where('handled_at', 'is', null)
          .where((eb) => (row.claimed_until === null ? eb('claimed_until', 'is', null) : eb('claimed_until', '=', row.claimed_until)))
          .executeTakeFirst();
        if (Number(won.numUpdatedRows) === 0) continue;
        const stored = JSON.parse(row.payload_json as string) as StoredMessage;
        claimed.push({ message: { ...stored, receivedAt: new Date(stored.receivedAt) } as IncomingMessage, provider: row.provider ?? stored.channel });
      }
      return claimed;
    },
    async backlog() {
      const row = await db.selectFrom('inbox').select((eb) => eb.fn.countAll<number>().as('n')).where('handled_at', 'is', null).where('payload_json', 'is not', null).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
