/**
 * How the outbox treats each provider: how many sends at once, how fast, and for how long a reply is still
 * worth retrying. Defaults follow what each platform allows (CHANNELS.md); the runtime may override them.
 */
export interface LanePolicy {
  /** Sends in progress at once for this provider (each conversation still one at a time, in order). */
  readonly concurrency: number;
  /** Sends started per second at most (0: no limit), spaced evenly: no one-second window holds more. */
  readonly perSecond: number;
  /** How long after it was queued a reply is still retried; past this it is dead-lettered with the reason. */
  readonly deadlineMs: number;
}

const HOUR = 3_600_000;

/**
 * - Telegram: about 30 messages a second per bot overall, 1 a second per chat in bursts; no reply window.
 * - Zalo OA: no published limit (10 a second is the safe figure in use); replies only within 48 hours of the
 *   resident's last message, which the worker also checks against the conversation itself.
 * - Twilio: Twilio queues what we send; a long code sends about 1 segment a second, so a handful at once.
 * - SMS gateway: one phone behind it, which queues and sends a few SMS a second at best.
 * - Web chat: a row in our own database.
 */
export const DEFAULT_LANES: Readonly<Record<string, LanePolicy>> = {
  telegram: { concurrency: 8, perSecond: 25, deadlineMs: 24 * HOUR },
  zalo: { concurrency: 4, perSecond: 10, deadlineMs: 48 * HOUR },
  twilio: { concurrency: 4, perSecond: 10, deadlineMs: 12 * HOUR },
  gateway: { concurrency: 2, perSecond: 5, deadlineMs: 12 * HOUR },
  webchat: { concurrency: 8, perSecond: 0, deadlineMs: 24 * HOUR },
};

export const FALLBACK_LANE: LanePolicy = { concurrency: 2, perSecond: 5, deadlineMs: 12 * HOUR };

export interface DeliveryPolicy {
  readonly lanes: Readonly<Record<string, LanePolicy>>;
  /**
   * After this long a send stops occupying a lane slot (the lane goes on with other conversations) but is
   * still awaited: a platform that answers late is not sent the message twice.
   */
  readonly slowSendMs: number;
  /**
   * How long a claimed send belongs to its process: longer than the channel's request timeout, so it only
   * runs out when that process is gone; then another pass sends the message again (at least once).
   */
  readonly leaseMs: number;
  readonly baseDelayMs: number;
  /** Backoff cap: during a long outage each waiting conversation is retried this often. */
  readonly maxDelayMs: number;
  /** Optional cap on attempts besides the deadline (tests of the dead-letter path). */
  readonly maxAttempts?: number;
  /**
   * A message nobody asked for (a report update) to a resident outside the platform's reply window (Zalo: the
   * resident must write first) is held, not dropped: it goes out as soon as they write again, for this long
   * after it was queued (OUTBOX_HOLD_DAYS, 30); past that it is dead-lettered with the reason.
   */
  readonly holdForResidentMs: number;
  /** How often a held message is looked at again, in case the resident wrote without the hold being lifted. */
  readonly holdRecheckMs: number;
}

export const DEFAULT_SEND_TIMEOUT_MS = 30_000;

export const DEFAULT_DELIVERY: DeliveryPolicy = {
  lanes: DEFAULT_LANES,
  slowSendMs: 10_000,
  leaseMs: DEFAULT_SEND_TIMEOUT_MS + 15_000,
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  holdForResidentMs: 30 * 24 * HOUR,
  holdRecheckMs: HOUR,
};

/**
 * Whether a resident who last wrote at `lastInboundAt` (never: null or undefined) is past a channel's reply window
 * at `now`: the one test the outbox worker, the report service and the hand-off desk share.
 */
export function outsideReplyWindow(lastInboundAt: Date | null | undefined, windowMs: number, now: Date): boolean {
  return lastInboundAt === null || lastInboundAt === undefined || now.getTime() - lastInboundAt.getTime() > windowMs;
}

export function lanePolicy(policy: DeliveryPolicy, provider: string): LanePolicy {
  return policy.lanes[provider] ?? DEFAULT_LANES[provider] ?? FALLBACK_LANE;
}
