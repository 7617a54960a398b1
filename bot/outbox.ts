import type { Kysely } from 'kysely';
import type { OutboundPayload } from '../adapters/channels/types.ts';
import type { Database, OutboxTable } from '../adapters/storage/schema.ts';

/** One rendered message waiting to go out (or gone, or given up on). */
export interface OutboxItem {
  readonly id: string;
  readonly key: string;
  readonly conversationId: string;
  readonly provider: string;
  readonly userId: string;
  readonly replyTo: string | null;
  readonly payload: OutboundPayload;
  readonly status: 'pending' | 'sending' | 'sent' | 'dead';
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly createdAt: string;
}

export interface NewOutboxItem {
  /** Idempotency key: the same turn's same message is stored (and so sent) once, however often it is enqueued. */
  readonly key: string;
  readonly conversationId: string;
  readonly provider: string;
  readonly userId: string;
  readonly replyTo?: string;
  readonly payload: OutboundPayload;
}

export interface Outbox {
  enqueue(items: readonly NewOutboxItem[], status?: 'pending' | 'sent'): Promise<number>;
  /** Pending items in creation order, oldest first (due or not: the worker keeps each resident's order). */
  pending(limit: number): Promise<OutboxItem[]>;
  /** Moves one pending item to 'sending'; false when another worker took it first. */
  claim(id: string): Promise<boolean>;
  markSent(id: string, providerMessageId: string | undefined): Promise<void>;
  retryLater(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void>;
  markDead(id: string, attempts: number, error: string): Promise<void>;
  /** Items left 'sending' by a stopped process: their outcome is unknown, so they are not sent again blindly. */
  abandonInFlight(reason: string): Promise<number>;
  list(status: OutboxItem['status'], limit?: number): Promise<OutboxItem[]>;
}

function fromRow(row: OutboxTable): OutboxItem {
  return {
    id: row.id,
    key: row.idempotency_key,
    conversationId: row.conversation_id,
    provider: row.provider,
    userId: row.user_id,
    replyTo: row.reply_to,
    payload: JSON.parse(row.payload_json) as OutboundPayload,
    status: row.status as OutboxItem['status'],
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}

export function createOutbox(db: Kysely<Database>, now: () => Date = () => new Date()): Outbox {
  return {
    async enqueue(items, status = 'pending') {
      let inserted = 0;
      for (const [index, item] of items.entries()) {
        // Creation times a millisecond apart keep the parts of one answer in order.
        const at = new Date(now().getTime() + index).toISOString();
        const result = await db
          .insertInto('outbox')
          .values({
            id: crypto.randomUUID(),
            idempotency_key: item.key,
            conversation_id: item.conversationId,
            provider: item.provider,
            user_id: item.userId,
            reply_to: item.replyTo ?? null,
            payload_json: JSON.stringify(item.payload),
            status,
            attempts: status === 'sent' ? 1 : 0,
            next_attempt_at: at,
            last_error: null,
            provider_message_id: null,
            created_at: at,
            updated_at: at,
          })
          .onConflict((oc) => oc.column('idempotency_key').doNothing())
          .executeTakeFirst();
        inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return inserted;
    },
    async pending(limit) {
      const rows = await db.selectFrom('outbox').selectAll().where('status', '=', 'pending').orderBy('created_at').limit(limit).execute();
      return rows.map(fromRow);
    },
    async claim(id) {
      const result = await db
        .updateTable('outbox')
        .set({ status: 'sending', updated_at: now().toISOString() })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async markSent(id, providerMessageId) {
      await db
        .updateTable('outbox')
        .set((eb) => ({ status: 'sent', attempts: eb('attempts', '+', 1), provider_message_id: providerMessageId ?? null, last_error: null, updated_at: now().toISOString() }))
        .where('id', '=', id)
        .execute();
    },
    async retryLater(id, attempts, nextAttemptAt, error) {
      await db
        .updateTable('outbox')
        .set({ status: 'pending', attempts, next_attempt_at: nextAttemptAt.toISOString(), last_error: error, updated_at: now().toISOString() })
        .where('id', '=', id)
        .execute();
    },
    async markDead(id, attempts, error) {
      await db.updateTable('outbox').set({ status: 'dead', attempts, last_error: error, updated_at: now().toISOString() }).where('id', '=', id).execute();
    },
    async abandonInFlight(reason) {
      const result = await db
        .updateTable('outbox')
        .set({ status: 'dead', last_error: reason, updated_at: now().toISOString() })
        .where('status', '=', 'sending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async list(status, limit = 100) {
      const rows = await db.selectFrom('outbox').selectAll().where('status', '=', status).orderBy('created_at', 'desc').limit(limit).execute();
      return rows.map(fromRow);
    },
  };
}
