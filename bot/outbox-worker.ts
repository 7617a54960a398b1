import type { ChannelAdapter, SendResult } from './ports/channel.ts';
import type { Logger } from './ports/logger.ts';
import { DEFAULT_DELIVERY, lanePolicy, outsideReplyWindow, type DeliveryPolicy } from './delivery-policy.ts';
import { createLane, type Lane } from './outbox-lane.ts';
import { HELD_FOR_RESIDENT, type Outbox, type OutboxItem } from './outbox.ts';
import { inProcessPaces, type SendPaceFactory } from './send-pace.ts';

export interface OutboxWorkerDeps {
  readonly outbox: Outbox;
  /** Provider name (zalo, telegram, twilio, gateway, webchat) → its adapter. */
  readonly adapters: ReadonlyMap<string, ChannelAdapter>;
  readonly lastInbound: (conversationId: string) => Promise<{ at: Date | null } | undefined>;
  /** Providers that only allow replies for a while after the resident last wrote (Zalo: 48 hours). */
  readonly replyWindowsMs: ReadonlyMap<string, number>;
  /** Providers whose access token can be refreshed when refused; resolves true when a new token is in place. */
  readonly refreshAuth: ReadonlyMap<string, () => Promise<boolean>>;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly policy?: Partial<DeliveryPolicy>;
  /**
   * Each provider's pace (send-pace.ts): a bucket of this process's own unless given; the runtime gives one kept in
   * the database when several instances send for the same bots.
   */
  readonly paceFor?: SendPaceFactory;
}

export interface RunSummary {
  sent: number;
  retried: number;
  dead: number;
}

export interface OutboxWorker {
  /** Starts what is due in every lane and resolves when all of it (and what it led to) has finished. */
  runOnce(): Promise<RunSummary>;
  /**
   * Asks every lane (or only `provider`'s, when only its replies were queued) to look for due messages now (after
   * replies were queued; by the runtime's timer).
   */
  kick(provider?: string): void;
  /** Resolves when no lane has anything running (tests and shutdown). */
  idle(): Promise<void>;
  /** Stops starting new sends (shutdown); sends in progress finish. */
  stop(): void;
}

/**
 * Sends what the outbox holds: stored first, then sent by one lane per provider (see outbox-lane.ts), retried
 * with capped exponential backoff and jitter on network errors, timeouts, 5xx and rate limits for as long as
 * the platform still takes the reply (the provider's deadline, Zalo's reply window), dead-lettered with the
 * reason on a permanent refusal or past the deadline. A later reply of a conversation never goes before an
 * earlier one that is still being retried. A report update to a resident outside the channel's reply window
 * (Zalo) is held until they write again (Outbox.resume), then sent before the reply to what they wrote.
 *
 * What happens to the send in flight when the process dies (its outcome is unknown): its lease runs out and
 * it is sent again, at least once. Per platform (README "Channels"):
 * - SMS gateway: the outbox id goes as the message id; the phone refuses an id it already has, so the resend
 *   is harmless (a 409 counts as sent).
 * - Telegram, Zalo, Twilio REST: no idempotency key in their send APIs, so the resident may, rarely, get that
 *   one message twice; never none.
 * - Web chat: the mailbox write and the "sent" mark are both ours; a resend after a crash between them shows
 *   the message twice.
 * The same holds after a request timeout; a platform that is merely slow is awaited (slowSendMs only frees
 * the lane slot), so slowness alone causes no duplicates.
 */
export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const policy: DeliveryPolicy = { ...DEFAULT_DELIVERY, ...deps.policy };
  const totals: RunSummary = { sent: 0, retried: 0, dead: 0 };

  function backoff(attempts: number, retryAfterMs: number | undefined): number {
    const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempts - 1, 30));
    const jittered = Math.min(policy.maxDelayMs, exponential * (0.5 + random()));
    return Math.max(jittered, retryAfterMs ?? 0);
  }

  async function sendWithRefresh(adapter: ChannelAdapter, item: OutboxItem): Promise<SendResult> {
    const target = { userId: item.userId, idempotencyKey: item.id, ...(item.replyTo ? { replyToMessageId: item.replyTo } : {}) };
    const first = await adapter.send(target, item.payload);
    if (first.ok || !first.authExpired) return first;
    const refresh = deps.refreshAuth.get(item.provider);
    if (refresh === undefined || !(await refresh())) return { ok: false, retryable: false, reason: `access token refused and could not be refreshed: ${first.reason}` };
    const second = await adapter.send(target, item.payload);
    return second.ok || !second.authExpired ? second : { ok: false, retryable: false, reason: `access token refused after a refresh: ${second.reason}` };
  }

  /**
   * A message nobody asked for (a report update), on a channel that lets the bot write only within a window after
   * the resident's last message: outside it, the message waits for the resident instead of being given up.
   */
  const waitsForResident = (item: OutboxItem) => item.replyTo === null && deps.replyWindowsMs.has(item.provider);
  const deadlineOf = (item: OutboxItem) => {
    const laneDeadline = lanePolicy(policy, item.provider).deadlineMs;
    return Date.parse(item.createdAt) + (waitsForResident(item) ? Math.max(laneDeadline, policy.holdForResidentMs) : laneDeadline);
  };

  /** Why an item must not be sent now: given up (`dead`), or held until the resident writes (`hold`). */
  async function refusal(item: OutboxItem): Promise<{ dead: string } | { hold: string } | undefined> {
    if (!deps.adapters.has(item.provider)) return { dead: `channel ${item.provider} is not configured` };
    if (now().getTime() > deadlineOf(item)) return { dead: `past the ${hours(deadlineOf(item) - Date.parse(item.createdAt))}-hour delivery deadline after ${item.attempts} attempts: ${item.lastError ?? 'not sent'}` };
    const window = deps.replyWindowsMs.get(item.provider);
    if (window === undefined) return undefined;
    const last = (await deps.lastInbound(item.conversationId))?.at;
    if (outsideReplyWindow(last, window, now())) {
      const reason = `outside the ${hours(window)}-hour reply window: the resident has not written since ${last?.toISOString() ?? 'ever'}`;
      return waitsForResident(item) ? { hold: reason } : { dead: reason };
    }
    return undefined;
  }

  /**
   * Keeps a message for when the resident next writes (the pipeline then makes it due at once, before the reply
   * to what they wrote); looked at again every holdRecheckMs meanwhile, and given up at its deadline.
   */
  async function hold(item: OutboxItem, attempts: number, reason: string): Promise<void> {
    const next = Math.min(now().getTime() + policy.holdRecheckMs, deadlineOf(item) + 1_000);
    await deps.outbox.retryLater(item.id, attempts, new Date(next), `${HELD_FOR_RESIDENT}: ${reason}`);
    deps.logger.info('outbox.held', { provider: item.provider });
  }

  async function dead(item: OutboxItem, attempts: number, reason: string): Promise<void> {
    await deps.outbox.markDead(item.id, attempts, reason);
    totals.dead++;
    deps.logger.info('outbox.dead', { provider: item.provider, attempts, reason: reason.split(':')[0] });
  }

  /** `open`: the item is still unfinished afterwards (retried later, or the database failed around the send). */
  async function deliver(item: OutboxItem): Promise<{ pauseMs?: number; open?: boolean }> {
    try {
      const refused = await refusal(item);
      if (refused !== undefined) {
        if ('hold' in refused) await hold(item, item.attempts, refused.hold);
        else await dead(item, item.attempts, refused.dead);
        return 'hold' in refused ? { open: true } : {};
      }
      const result = await sendWithRefresh(deps.adapters.get(item.provider) as ChannelAdapter, item);
      const attempts = item.attempts + 1;
      if (result.ok) {
        await deps.outbox.markSent(item.id, result.providerMessageId);
        totals.sent++;
        return {};
      }
      if (result.needsResident === true && waitsForResident(item)) {
        await hold(item, attempts, result.reason);
        return { open: true };
      }
      if (!result.retryable) {
        await dead(item, attempts, result.reason);
        return {};
      }
      const waitMs = Math.max(backoff(attempts, result.retryAfterMs), (result.notBefore?.getTime() ?? 0) - now().getTime());
      const next = new Date(now().getTime() + waitMs);
      if (next.getTime() > deadlineOf(item) || (policy.maxAttempts !== undefined && attempts >= policy.maxAttempts)) {
        await dead(item, attempts, `gave up after ${attempts} attempts: ${result.reason}`);
        return {};
      }
      await deps.outbox.retryLater(item.id, attempts, next, result.reason);
      totals.retried++;
      return result.retryAfterMs === undefined ? { open: true } : { pauseMs: result.retryAfterMs, open: true };
    } catch (error) {
      // The database failed around the send: the lease runs out and the message is tried again.
      deps.logger.error('outbox.deliver-failed', { provider: item.provider, error: error instanceof Error ? error.name : 'unknown' });
      return { open: true };
    }
  }

  const lanes = new Map<string, Lane>();
  for (const provider of deps.adapters.keys()) {
    lanes.set(provider, createLane({
      provider,
      policy: lanePolicy(policy, provider),
      slowSendMs: policy.slowSendMs,
      leaseMs: policy.leaseMs,
      outbox: deps.outbox,
      paceFor: deps.paceFor ?? inProcessPaces,
      deliver,
      logger: deps.logger,
      now,
    }));
  }

  const kick = (provider?: string) => {
    const only = provider === undefined ? undefined : lanes.get(provider);
    if (only !== undefined) void only.pump();
    else for (const lane of lanes.values()) void lane.pump();
  };
  const idle = async () => {
    for (const lane of lanes.values()) await lane.settled();
  };

  return {
    async runOnce() {
      const before = { ...totals };
      await Promise.all([...lanes.values()].map((lane) => lane.pump()));
      await idle();
      return { sent: totals.sent - before.sent, retried: totals.retried - before.retried, dead: totals.dead - before.dead };
    },
    kick,
    idle,
    stop() {
      for (const lane of lanes.values()) lane.stop();
    },
  };
}

const hours = (ms: number) => Math.round(ms / 3_600_000);
