import type { IncomingMessage } from './types.ts';

/** What accepting one message of a webhook request found. */
export interface Accepted {
  readonly message: IncomingMessage;
  /** False for a platform's repeat of a message already stored: acknowledged, not handled again. */
  readonly fresh: boolean;
  readonly conversationId: string;
}

/** An accepted message that the caller now holds for one lease. */
export interface Claimed {
  readonly message: IncomingMessage;
  readonly provider: string;
  readonly conversationId: string;
  /** How often handling has been started, this claim included. */
  readonly attempts: number;
}

/** A message given up after failing every attempt, as staff see it (no content). */
export interface FailedInbound {
  readonly channel: string;
  readonly messageId: string;
  readonly provider: string | null;
  readonly conversationId: string;
  /** Times its handling was started and did not finish. */
  readonly attempts: number;
  readonly receivedAt: string;
  readonly failedAt: string;
}

/**
 * Every accepted message, unique on (channel, message id): a platform's retry of the same delivery is
 * acknowledged but not handled twice. The message is kept until it is handled, so one accepted before a crash
 * is handled afterwards.
 *
 * Who handles a message is decided by a lease (`claimed_until`): accepting a message claims it for the
 * process that answers the webhook; if that process dies before the message is handled, the lease runs out
 * and the next recovery pass (every few seconds, in any process) claims and handles it. A claim is one
 * conditional UPDATE, so two passes or two instances never both win it. Each claim counts an attempt; a message
 * whose handler fails every time is given up after a set number of them (webhook-pipeline.ts).
 * Implemented on Kysely in adapters/storage/inbox-store.ts.
 */
export interface Inbox {
  /**
   * Accepts the messages of one webhook request as one durable step (shared with the requests that arrive with
   * it): for each, the conversation (created on first contact), the inbox row (claimed by the caller for one
   * lease) and when and through which provider the resident last wrote (the newest message's). On disk before it
   * resolves, so a 200 sent after it is never a promise a power cut can take back (each database's way to make it
   * so: adapters/storage/durable-step.ts).
   */
  acceptAll(messages: readonly IncomingMessage[], provider: string): Promise<Accepted[]>;
  /** True when the message is new (and now stored, claimed by the caller for one lease); false for a repeat. */
  accept(message: IncomingMessage, provider: string, conversationId: string): Promise<boolean>;
  markHandled(message: IncomingMessage): Promise<void>;
  /**
   * Claims up to `limit` accepted-but-unhandled messages whose lease is free or has run out (whatever their
   * age), oldest first; the caller must handle them (or give them up) within the lease.
   */
  claimUnhandled(limit: number): Promise<Claimed[]>;
  /** How many accepted messages wait to be handled (health, tests, benchmarks). */
  backlog(): Promise<number>;
  /** Messages given up after failing every attempt, newest first (staff API). */
  failed(limit?: number): Promise<FailedInbound[]>;
}

/** Where a message is in the inbox table: what markHandled's statement needs. */
export interface InboxKey {
  readonly channel: string;
  readonly messageId: string;
}

/** How long a claim on an accepted message holds before another process may take it over. */
export const DEFAULT_INBOX_LEASE_MS = 30_000;
