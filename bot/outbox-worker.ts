import type { ChannelAdapter, SendResult } from '../adapters/channels/types.ts';
import type { Logger } from '../adapters/http/logger.ts';
import type { Outbox, OutboxItem } from './outbox.ts';

export interface OutboxWorkerDeps {
  readonly outbox: Outbox;
  /** Provider name (zalo, telegram, twilio, gateway) → its adapter. */
  readonly adapters: ReadonlyMap<string, ChannelAdapter>;
  readonly lastInbound: (conversationId: string) => Promise<{ at: Date | null } | undefined>;
  /** Providers that only allow replies for a while after the resident last wrote (Zalo: 48 hours). */
  readonly replyWindowsMs: ReadonlyMap<string, number>;
  /** Providers whose access token can be refreshed when refused; resolves true when a new token is in place. */
  readonly refreshAuth: ReadonlyMap<string, () => Promise<boolean>>;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
}

export interface RunSummary {
  sent: number;
  retried: number;
  dead: number;
}

export interface OutboxWorker {
  /** One pass over pending messages; never runs twice at once in this process. */
  runOnce(): Promise<RunSummary>;
  /** Asks for a pass soon (after a webhook enqueued replies). */
  kick(): void;
  /** Resolves when no pass is running or asked for (tests and shutdown). */
  idle(): Promise<void>;
}

const BATCH = 200;

/**
 * Sends what the outbox holds: stored first, then sent, retried with exponential backoff and jitter on network
 * errors, 5xx and rate limits, dead-lettered after the last attempt or on a permanent refusal. One resident's
 * messages go out in order: a message waiting for a retry holds back the later ones to the same person.
 */
export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const maxAttempts = deps.maxAttempts ?? 6;
  const baseDelayMs = deps.baseDelayMs ?? 2000;
  const maxDelayMs = deps.maxDelayMs ?? 15 * 60 * 1000;
  let running: Promise<RunSummary> | undefined;
  let again = false;

  function backoff(attempts: number, retryAfterMs: number | undefined): number {
    const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1));
    const jittered = exponential * (0.5 + random());
    return Math.max(jittered, retryAfterMs ?? 0);
  }

  async function sendWithRefresh(adapter: ChannelAdapter, item: OutboxItem): Promise<SendResult> {
    const target = { userId: item.userId, ...(item.replyTo ? { replyToMessageId: item.replyTo } : {}) };
    const first = await adapter.send(target, item.payload);
    if (first.ok || !first.authExpired) return first;
    const refresh = deps.refreshAuth.get(item.provider);
    if (refresh === undefined || !(await refresh())) return { ok: false, retryable: false, reason: `access token refused and could not be refreshed: ${first.reason}` };
    const second = await adapter.send(target, item.payload);
    return second.ok || !second.authExpired ? second : { ok: false, retryable: false, reason: `access token refused after a refresh: ${second.reason}` };
  }

  /** Why an item must not be sent at all, or undefined when it may go. */
  async function refusal(item: OutboxItem): Promise<string | undefined> {
    if (!deps.adapters.has(item.provider)) return `channel ${item.provider} is not configured`;
    const window = deps.replyWindowsMs.get(item.provider);
    if (window === undefined) return undefined;
    const last = (await deps.lastInbound(item.conversationId))?.at;
    if (last === null || last === undefined || now().getTime() - last.getTime() > window) {
      return `outside the ${Math.round(window / 3600000)}-hour reply window: the resident has not written since ${last?.toISOString() ?? 'ever'}`;
    }
    return undefined;
  }

  async function pass(): Promise<RunSummary> {
    const summary: RunSummary = { sent: 0, retried: 0, dead: 0 };
    const heldBack = new Set<string>();
    for (const item of await deps.outbox.pending(BATCH)) {
      const recipient = `${item.provider}:${item.userId}`;
      if (heldBack.has(recipient)) continue;
      if (Date.parse(item.nextAttemptAt) > now().getTime()) {
        heldBack.add(recipient);
        continue;
      }
      const refused = await refusal(item);
      if (refused !== undefined) {
        await deps.outbox.markDead(item.id, item.attempts, refused);
        summary.dead++;
        deps.logger.info('outbox.dead', { provider: item.provider, reason: refused.split(':')[0] });
        continue;
      }
      if (!(await deps.outbox.claim(item.id))) continue;
      const adapter = deps.adapters.get(item.provider) as ChannelAdapter;
      const result = await sendWithRefresh(adapter, item);
      const attempts = item.attempts + 1;
      if (result.ok) {
        await deps.outbox.markSent(item.id, result.providerMessageId);
        summary.sent++;
      } else if (result.retryable && attempts < maxAttempts) {
        await deps.outbox.retryLater(item.id, attempts, new Date(now().getTime() + backoff(attempts, result.retryAfterMs)), result.reason);
        heldBack.add(recipient);
        summary.retried++;
      } else {
        const reason = result.retryable ? `gave up after ${attempts} attempts: ${result.reason}` : result.reason;
        await deps.outbox.markDead(item.id, attempts, reason);
        summary.dead++;
        deps.logger.info('outbox.dead', { provider: item.provider, attempts });
      }
    }
    return summary;
  }

  async function loop(): Promise<RunSummary> {
    const total: RunSummary = { sent: 0, retried: 0, dead: 0 };
    do {
      again = false;
      const summary = await pass();
      total.sent += summary.sent;
      total.retried += summary.retried;
      total.dead += summary.dead;
    } while (again);
    return total;
  }

  function runOnce(): Promise<RunSummary> {
    if (running) {
      again = true;
      return running;
    }
    running = loop()
      .catch((error: unknown) => {
        deps.logger.error('outbox.pass-failed', { error: error instanceof Error ? error.name : 'unknown' });
        return { sent: 0, retried: 0, dead: 0 };
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return {
    runOnce,
    kick: () => void runOnce(),
    idle: async () => {
      while (running) await running;
    },
  };
}
