import { DEFAULT_DELIVERY, DEFAULT_LANES, DEFAULT_SEND_TIMEOUT_MS, FALLBACK_LANE, type DeliveryPolicy, type LanePolicy } from '../../bot/delivery-policy.ts';
import { DEFAULT_HANDLE_LONGEST_WAIT_MS, DEFAULT_HANDLE_QUIET_MS } from '../../bot/accept-first.ts';
import { DEFAULT_INBOX_LEASE_MS } from '../../bot/inbox.ts';
import { DEFAULT_HANDLE_QUEUE_LIMIT, DEFAULT_INBOX_MAX_ATTEMPTS } from '../../bot/webhook-pipeline.ts';

type Env = Readonly<Record<string, string | undefined>>;

export interface DeliverySettings {
  readonly policy: DeliveryPolicy;
  /** How long one channel API request may take before it is aborted (its outcome then unknown). */
  readonly sendTimeoutMs: number;
  /** How long an accepted message belongs to the process that accepted or claimed it. */
  readonly inboxLeaseMs: number;
  /** Attempts at handling one message before it is given up with an apology (INBOX_MAX_ATTEMPTS). */
  readonly inboxMaxAttempts: number;
  /** How often the runtime looks for unhandled messages and due sends. */
  readonly intervalMs: number;
  /** Handling waits for this much quiet in receiving webhooks, but never longer than the longest wait (accept-first.ts). */
  readonly handleQuietMs: number;
  readonly handleLongestWaitMs: number;
  /** Accepted messages waiting in memory to be handled; a flood's overflow is left to the recovery pass. */
  readonly handleQueueLimit: number;
  /**
   * OUTBOX_SHARED_PACE: true (1) paces each provider's sends in the database, shared by every instance; false (0)
   * in each process. Undefined (not set, or anything else): the runtime decides by the database (assemble.ts).
   */
  readonly sharedPace?: boolean;
}

function onOff(value: string | undefined): boolean | undefined {
  const v = value?.trim();
  return v === '1' ? true : v === '0' ? false : undefined;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value?.trim());
  return value !== undefined && value.trim() !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}

/** "8" (every provider) or "telegram=8,zalo=4" (those providers; the rest keep their defaults). */
function perProvider(value: string | undefined): { all?: number; by: Map<string, number> } {
  const by = new Map<string, number>();
  if (value === undefined || value.trim() === '') return { by };
  if (/^\s*[\d.]+\s*$/.test(value)) return { all: Number(value), by };
  for (const part of value.split(',')) {
    const [name, n] = part.split('=').map((s) => s.trim());
    if (name && n !== undefined && Number.isFinite(Number(n)) && Number(n) >= 0) by.set(name, Number(n));
  }
  return { by };
}

/**
 * Delivery settings from the environment (README "Channels"): OUTBOX_CONCURRENCY, OUTBOX_RATE_PER_SECOND,
 * OUTBOX_DEADLINE_HOURS (each a number or provider=number list), OUTBOX_SLOW_SEND_MS, SEND_TIMEOUT_MS,
 * OUTBOX_LEASE_MS, OUTBOX_MAX_DELAY_MS, OUTBOX_HOLD_DAYS, INBOX_LEASE_MS, INBOX_MAX_ATTEMPTS, OUTBOX_INTERVAL_MS, OUTBOX_SHARED_PACE,
 * HANDLE_QUIET_MS, HANDLE_LONGEST_WAIT_MS, HANDLE_QUEUE_LIMIT.
 */
export function deliveryFromEnv(env: Env): DeliverySettings {
  const concurrency = perProvider(env.OUTBOX_CONCURRENCY);
  const rate = perProvider(env.OUTBOX_RATE_PER_SECOND);
  const deadline = perProvider(env.OUTBOX_DEADLINE_HOURS);
  const providers = new Set([...Object.keys(DEFAULT_LANES), ...concurrency.by.keys(), ...rate.by.keys(), ...deadline.by.keys()]);
  const lanes: Record<string, LanePolicy> = {};
  for (const provider of providers) {
    const base = DEFAULT_LANES[provider] ?? FALLBACK_LANE;
    const c = concurrency.by.get(provider) ?? concurrency.all;
    const r = rate.by.get(provider) ?? rate.all;
    const d = deadline.by.get(provider) ?? deadline.all;
    lanes[provider] = {
      concurrency: c !== undefined && c >= 1 ? Math.floor(c) : base.concurrency,
      perSecond: r ?? base.perSecond,
      deadlineMs: d !== undefined && d > 0 ? d * 3_600_000 : base.deadlineMs,
    };
  }
  const sendTimeoutMs = positive(env.SEND_TIMEOUT_MS, DEFAULT_SEND_TIMEOUT_MS);
  // A send's lease must outlast its request, or a slow send would be taken over and sent twice.
  const leaseMs = Math.max(positive(env.OUTBOX_LEASE_MS, sendTimeoutMs + 15_000), sendTimeoutMs + 1_000);
  const sharedPace = onOff(env.OUTBOX_SHARED_PACE);
  return {
    policy: {
      ...DEFAULT_DELIVERY,
      lanes,
      slowSendMs: positive(env.OUTBOX_SLOW_SEND_MS, DEFAULT_DELIVERY.slowSendMs),
      leaseMs,
      maxDelayMs: positive(env.OUTBOX_MAX_DELAY_MS, DEFAULT_DELIVERY.maxDelayMs),
      holdForResidentMs: positive(env.OUTBOX_HOLD_DAYS, DEFAULT_DELIVERY.holdForResidentMs / 86_400_000) * 86_400_000,
    },
    sendTimeoutMs,
    inboxLeaseMs: positive(env.INBOX_LEASE_MS, DEFAULT_INBOX_LEASE_MS),
    inboxMaxAttempts: Math.floor(positive(env.INBOX_MAX_ATTEMPTS, DEFAULT_INBOX_MAX_ATTEMPTS)),
    intervalMs: positive(env.OUTBOX_INTERVAL_MS, 2_000),
    handleQuietMs: positive(env.HANDLE_QUIET_MS, DEFAULT_HANDLE_QUIET_MS),
    handleLongestWaitMs: positive(env.HANDLE_LONGEST_WAIT_MS, DEFAULT_HANDLE_LONGEST_WAIT_MS),
    handleQueueLimit: Math.floor(positive(env.HANDLE_QUEUE_LIMIT, DEFAULT_HANDLE_QUEUE_LIMIT)),
    ...(sharedPace !== undefined ? { sharedPace } : {}),
  };
}
