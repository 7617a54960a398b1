/**
 * Acknowledging webhooks comes before handling them. A platform waits for our 200 (Telegram holds a connection per
 * update and slows its deliveries down when they are slow; a burst is what it sends after an outage), while a
 * message once stored loses nothing by waiting: handling it is a couple of milliseconds of CPU on the same event
 * loop, and under a flood, handling each message as it came cut the rate of acknowledgements by five.
 *
 * So handling waits for a quiet moment: no webhook being received and none for `quietMs`. It never waits more than
 * `longestWaitMs` at a time, so a flood that never pauses still has messages handled, at a rate bounded below
 * (one per slot and wait); under a steady load, replies wait for a pause in it, the longest wait at most.
 * A request refused (a bad signature, an unreadable body) ends no quiet period: a stream of forged requests must
 * not hold every resident's answer back.
 */
/** How long receiving must have been quiet before a message is handled, and the longest wait for that. */
export const DEFAULT_HANDLE_QUIET_MS = 2;
export const DEFAULT_HANDLE_LONGEST_WAIT_MS = 50;

export interface AcceptFirst {
  /** Marks a webhook as being received (until `done`). */
  receiving(): void;
  /** The webhook is answered; `accepted` false for one refused, which does not restart the quiet period. */
  done(accepted: boolean): void;
  /** Resolves once receiving has been quiet for a moment, or after the longest wait. */
  quiet(): Promise<void>;
}

export interface AcceptFirstOptions {
  readonly quietMs: number;
  readonly longestWaitMs: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function acceptFirst(options: AcceptFirstOptions): AcceptFirst {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? sleepFor;
  let receiving = 0;
  let lastDone = -Infinity;
  const isQuiet = (): boolean => receiving === 0 && now() - lastDone >= options.quietMs;
  return {
    receiving() {
      receiving++;
    },
    done(accepted) {
      receiving = Math.max(0, receiving - 1);
      if (accepted) lastDone = now();
    },
    async quiet() {
      const started = now();
      while (!isQuiet()) {
        const waited = now() - started;
        if (waited >= options.longestWaitMs) return;
        // Sleep until the quiet period could have passed (at least a timer's tick), never past the longest wait.
        const untilQuiet = receiving > 0 ? options.quietMs : options.quietMs - (now() - lastDone);
        await sleep(Math.max(1, Math.min(untilQuiet, options.longestWaitMs - waited)));
      }
    },
  };
}
