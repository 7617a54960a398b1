import type { Kysely } from 'kysely';
import { DEFAULT_INBOX_LEASE_MS, type Accepted, type Claimed, type Inbox, type InboxKey } from '../../bot/inbox.ts';
import type { IncomingMessage } from '../../bot/types.ts';
import { coalesceCalls } from './coalesce-calls.ts';
import { statementByStatement, type DurableStep } from './durable-step.ts';
import { affectedRows, fixedShape } from './fixed-shape-query.ts';
import { acceptRequests, acceptStatements, storedPayload, type AcceptRequest } from './inbox-accept.ts';
import type { Database } from './schema.ts';

type StoredMessage = Omit<IncomingMessage, 'receivedAt'> & { receivedAt: string };

/**
 * The statement that marks a message handled (or, with `failed`, given up); outbox.enqueue runs it in the same
 * batch as the replies.
 */
export function markHandledStatement(db: Kysely<Database>, key: InboxKey, at: Date, failed = false) {
  const stamp = at.toISOString();
  return db
    .updateTable('inbox')
    .set({ handled_at: stamp, claimed_until: null, ...(failed ? { failed_at: stamp } : {}) })
    .where('channel', '=', key.channel)
    .where('message_id', '=', key.messageId);
}

export interface InboxOptions {
  readonly leaseMs?: number;
  /** How the accept step reaches the disk; statement by statement unless the database has a better way. */
  readonly durable?: DurableStep;
}

export function createInbox(db: Kysely<Database>, now: () => Date = () => new Date(), leaseOrOptions: number | InboxOptions = {}): Inbox {
  const options: InboxOptions = typeof leaseOrOptions === 'number' ? { leaseMs: leaseOrOptions } : leaseOrOptions;
  const leaseMs = options.leaseMs ?? DEFAULT_INBOX_LEASE_MS;
  const durable = options.durable ?? statementByStatement(db);
  const leaseEnd = () => new Date(now().getTime() + leaseMs).toISOString();

  // The accept step's statements, built and compiled once (fixed-shape-query.ts): they run for every message.
  const insertQuery = fixedShape(['channel', 'messageId', 'conversationId', 'receivedAt', 'payload', 'provider', 'claimedUntil'], (v) =>
    db
      .insertInto('inbox')
      .values({
        channel: v.channel,
        message_id: v.messageId,
        conversation_id: v.conversationId,
        received_at: v.receivedAt,
        payload_json: v.payload,
        provider: v.provider,
        handled_at: null,
        claimed_until: v.claimedUntil,
        attempts: 1,
      })
      .onConflict((oc) => oc.columns(['channel', 'message_id']).doNothing()));

  /** One statement: the row, claimed by the caller, with its first attempt counted. */
  async function insert(q: Kysely<Database>, message: IncomingMessage, provider: string, conversationId: string): Promise<boolean> {
    const result = await insertQuery.execute(q, {
      channel: message.channel,
      messageId: message.messageId,
      conversationId,
      receivedAt: now().toISOString(),
      payload: storedPayload(message),
      provider,
      claimedUntil: leaseEnd(),
    });
    return affectedRows(result) > 0;
  }

  // The webhooks read in one turn of the event loop are accepted together: two statements and one durable step
  // for all of them (inbox-accept.ts). Each statement is idempotent, so where the step is not one transaction
  // (D1) a repeat completes it.
  const statements = acceptStatements(db);
  const acceptTogether = (requests: readonly AcceptRequest[]) => durable((q) => acceptRequests(q, statements, requests, { storedAt: now().toISOString(), claimedUntil: leaseEnd() }));
  const acceptRequest = coalesceCalls<AcceptRequest, Accepted[]>(acceptTogether, async (request) => (await acceptTogether([request]))[0] ?? []);

  return {
    async acceptAll(messages, provider) {
      if (messages.length === 0) return [];
      return acceptRequest({ messages, provider });
    },
    async accept(message, provider, conversationId) {
      return insert(db, message, provider, conversationId);
    },
    async markHandled(message) {
      await markHandledStatement(db, message, now()).execute();
    },
    async claimUnhandled(limit) {
      const at = now().toISOString();
      const candidates = await db
        .selectFrom('inbox')
        .select(['channel', 'message_id', 'conversation_id', 'payload_json', 'provider', 'claimed_until', 'attempts'])
        .where('handled_at', 'is', null)
        .where('payload_json', 'is not', null)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', at)]))
        .orderBy('received_at')
        .limit(limit)
        .execute();
      const claimed: Claimed[] = [];
      for (const row of candidates) {
        // Compare-and-set on the lease we saw: whoever changes it first owns the message (and counts the attempt).
        const won = await db
          .updateTable('inbox')
          .set((eb) => ({ claimed_until: leaseEnd(), attempts: eb('attempts', '+', 1) }))
          .where('channel', '=', row.channel)
          .where('message_id', '=', row.message_id)
          .where('handled_at', 'is', null)
          .where((eb) => (row.claimed_until === null ? eb('claimed_until', 'is', null) : eb('claimed_until', '=', row.claimed_until)))
          .executeTakeFirst();
        if (Number(won.numUpdatedRows) === 0) continue;
        const stored = JSON.parse(row.payload_json as string) as StoredMessage;
        claimed.push({
          message: { ...stored, receivedAt: new Date(stored.receivedAt) } as IncomingMessage,
          provider: row.provider ?? stored.channel,
          conversationId: row.conversation_id,
          attempts: Number(row.attempts) + 1,
        });
      }
      return claimed;
    },
    async backlog() {
      const row = await db.selectFrom('inbox').select((eb) => eb.fn.countAll<number>().as('n')).where('handled_at', 'is', null).where('payload_json', 'is not', null).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async failed(limit = 100) {
      const rows = await db
        .selectFrom('inbox')
        .select(['channel', 'message_id', 'provider', 'conversation_id', 'attempts', 'received_at', 'failed_at'])
        .where('failed_at', 'is not', null)
        .orderBy('failed_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        channel: r.channel,
        messageId: r.message_id,
        provider: r.provider,
        conversationId: r.conversation_id,
        // The claim that gave it up counted an attempt it did not make.
        attempts: Math.max(0, Number(r.attempts) - 1),
        receivedAt: r.received_at,
        failedAt: r.failed_at as string,
      }));
    },
  };
}
