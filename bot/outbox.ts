import type { InboxKey } from './inbox.ts';
import type { OutboundPayload } from './ports/channel.ts';

/**
 * How the last error of a message held for its resident starts (outbox-worker.ts): a report update past Zalo's
 * window waits for the resident's next message. Staff see it in GET /api/staff/outbox and on the report's page.
 */
export const HELD_FOR_RESIDENT = 'waiting for the resident to write again';

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

/** A message that may be sent now, and whether its conversation has more unfinished after it. */
export type DueHead = OutboxItem & {
  /** Another message of the same conversation waits behind this one (it becomes the head once this one is done). */
  readonly hasLater: boolean;
};

export interface NewOutboxItem {
  /** Idempotency key: the same turn's same message is stored (and so sent) once, however often it is enqueued. */
  readonly key: string;
  readonly conversationId: string;
  readonly provider: string;
  readonly userId: string;
  readonly replyTo?: string;
  readonly payload: OutboundPayload;
}

/**
 * Replies waiting to be sent, kept in the database so that any instance sends them and a crash loses none: each
 * stored once per idempotency key, claimed for a lease before it is sent, and sent in order within its
 * conversation. Implemented on Kysely in adapters/storage/outbox-store.ts.
 */
export interface Outbox {
  /**
   * Stores replies (a repeat of a key is ignored). With `answering`, the same batch marks that inbox message
   * handled (or given up, with `failed`): the replies and the mark land together or not at all.
   */
  enqueue(items: readonly NewOutboxItem[], status?: 'pending' | 'sent', answering?: InboxKey & { readonly failed?: boolean }): Promise<number>;
  /** Unfinished items (waiting or being sent) in creation order, oldest first. */
  pending(limit: number): Promise<OutboxItem[]>;
  /**
   * The provider's items that may be sent now: each the oldest unfinished message of its conversation, due
   * (or left 'sending' by a process whose lease ran out), oldest first.
   */
  dueHeads(provider: string, limit: number): Promise<DueHead[]>;
  /**
   * When one of the provider's conversations may next move: its oldest unfinished message falls due, or the
   * lease of another process on it runs out. Undefined when nothing waits.
   */
  nextDue(provider: string): Promise<Date | undefined>;
  /**
   * Takes an item for sending until `leaseUntil`; false when another pass or instance has it, when it is not
   * due, or when an older message of its conversation is unfinished (so order holds across instances too).
   */
  claim(id: string, leaseUntil: Date): Promise<boolean>;
  markSent(id: string, providerMessageId: string | undefined): Promise<void>;
  retryLater(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void>;
  markDead(id: string, attempts: number, error: string): Promise<void>;
  /**
   * The resident of this conversation wrote: its messages waiting for a later attempt (held for the resident,
   * or backing off) fall due now, so they go out, in order, before the reply to what was written. Returns how many.
   */
  resume(conversationId: string): Promise<number>;
  /** What was stored as the answer to one inbound message, in order (a Twilio repeat gets the same TwiML). */
  forInbound(provider: string, messageId: string): Promise<OutboxItem[]>;
  list(status: OutboxItem['status'], limit?: number): Promise<OutboxItem[]>;
  /**
   * Messages whose idempotency key starts with `prefix` (letters, digits, ":", "." and "-"), oldest first: what one
   * report's updates became (keys `report:<code>:...`).
   */
  withKeyPrefix(prefix: string, limit?: number): Promise<OutboxItem[]>;
}
