/**
 * A token bucket: at most `perSecond` sends start each second, in bursts of up to one second's worth. A
 * platform's own "slow down" (429 with retry-after) pauses the bucket for that long.
 */
export interface SendPace {
  /** Resolves when the next send may start. */
  take(): Promise<void>;
  pauseFor(ms: number): void;
}

export function createSendPace(perSecond: number, clock: () => number = Date.now): SendPace {
  const capacity = Math.max(1, perSecond);
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
    pauseFor(ms) {
      pausedUntil = Math.max(pausedUntil, clock() + ms);
    },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
