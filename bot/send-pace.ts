/**
 * How fast a provider's sends may start: one every 1/perSecond seconds, no bursts, so no one-second window ever
 * holds more than `perSecond` (a bucket that let a second's worth go at once after an idle spell let through
 * nearly twice the rate in the second that followed: 49 where Telegram allows about 30). A platform's own
 * "slow down" (429 with retry-after) pauses it for that long.
 *
 * The lane (outbox-lane.ts) gets one per provider from a SendPaceFactory. In-process (createSendPace) by default:
 * enough for one process on embedded SQLite, and free. Several processes or isolates sending for the same bot
 * share one pace in their database instead (adapters/storage/send-pace-store.ts), or together they would send
 * at N times the platform's limit.
 */
export interface SendPace {
  /** Resolves when the next send may start. Never rejects: a pace that cannot do better lets the send go. */
  take(): Promise<void>;
  /** Holds back every send this pace paces, for `ms` from now; resolves when that is recorded. Never rejects. */
  pauseFor(ms: number): Promise<void>;
}

/** The pace of one provider's lane; `perSecond` 0 means no limit (only a platform's pause holds sends back). */
export type SendPaceFactory = (provider: string, perSecond: number) => SendPace;

/** Sends spaced by this process's own clock (a token bucket holding one token). */
export function createSendPace(perSecond: number, clock: () => number = Date.now): SendPace {
  const capacity = 1;
  let tokens = capacity;
  let refilledAt = clock();
  let pausedUntil = 0;

  function refill(at: number): void {
    if (perSecond <= 0) return;
    tokens = Math.min(capacity, tokens + ((at - refilledAt) * perSecond) / 1000);
    refilledAt = at;
  }

  return {
    async take() {
      for (;;) {
        const at = clock();
        if (at < pausedUntil) {
          await sleep(pausedUntil - at);
          continue;
        }
        if (perSecond <= 0) return;
        refill(at);
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        await sleep(Math.ceil(((1 - tokens) * 1000) / perSecond));
      }
    },
    async pauseFor(ms) {
      pausedUntil = Math.max(pausedUntil, clock() + ms);
    },
  };
}

/** Every provider paced by a bucket of this process's own (one process on embedded SQLite, tests). */
export const inProcessPaces: SendPaceFactory = (_provider, perSecond) => createSendPace(perSecond);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
