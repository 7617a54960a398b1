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
/**
 * Under a load that never pauses long enough, handling still keeps up: a message that has waited this long
 * (HANDLE_SHARE_AFTER_MS) may be handled while webhooks are being received, within a share of the time
 * (HANDLE_SHARE_WHILE_BUSY), as long as the messages waiting are few enough to catch up with (HANDLE_CATCH_UP_BELOW).
 * Measured (bench/webhook.bench.ts, a steady 200 webhooks a second over 20 connections): with the quiet moment and
 * the longest wait alone, the backlog grew to 163 and 387 in two runs of 20 s, replies falling further behind every
 * second, because requests overlapped and quiet moments grew rare. A flood far past what can be handled (thousands
 * waiting) is not given the share: there acknowledging stays first, and the backlog is handled once it passes.
 */
export const DEFAULT_HANDLE_SHARE_WHILE_BUSY = 0.4;
export const DEFAULT_HANDLE_SHARE_AFTER_MS = 100;
export const DEFAULT_HANDLE_CATCH_UP_BELOW = 200;
/** The most handling time the share saves up while nothing waits: one or two messages' worth, no long bursts. */
const SHARE_BURST_MS = 5;

/** What the message about to be handled tells the gate: how long it has waited, and how many wait with it. */
export interface Waiting {
  readonly waitedMs: number;
  readonly backlog: number;
}

/** A start of handling: `end` once the message is handled, so time taken within the share is counted. */
export interface HandlingStart {
  end(): void;
}

export interface AcceptFirst {
  /** Marks a webhook as being received (until `done`). */
  receiving(): void;
  /** The webhook is answered; `accepted` false for one refused, which does not restart the quiet period. */
  done(accepted: boolean): void;
  /**
   * Resolves once receiving has been quiet for a moment, or after the longest wait; or, for a message that says
   * how long it has waited, once it may be handled within the share (see DEFAULT_HANDLE_SHARE_WHILE_BUSY).
   */
  quiet(waiting?: Waiting): Promise<HandlingStart>;
}

export interface AcceptFirstOptions {
  readonly quietMs: number;
  readonly longestWaitMs: number;
  /** Share of the time handling may take while webhooks keep coming (0: none, handling waits as above). */
  readonly shareWhileBusy?: number;
  readonly shareAfterMs?: number;
  readonly catchUpBelow?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const NOTHING_TO_COUNT: HandlingStart = { end() {} };

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function acceptFirst(options: AcceptFirstOptions): AcceptFirst {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? sleepFor;
  const share = Math.min(1, Math.max(0, options.shareWhileBusy ?? 0));
  const shareAfterMs = options.shareAfterMs ?? DEFAULT_HANDLE_SHARE_AFTER_MS;
  const catchUpBelow = options.catchUpBelow ?? DEFAULT_HANDLE_CATCH_UP_BELOW;
  let receiving = 0;
  let lastDone = -Infinity;
  const isQuiet = (): boolean => receiving === 0 && now() - lastDone >= options.quietMs;
  // Handling time the share allows, ms: earned at `share` per ms, spent by handling started within it.
  let credit = SHARE_BURST_MS;
  let earnedAt = now();
  function earn(): void {
    const at = now();
    credit = Math.min(SHARE_BURST_MS, credit + (at - earnedAt) * share);
    earnedAt = at;
  }
  function withinShare(waiting: Waiting | undefined, waitedHere: number): boolean {
    if (share === 0 || waiting === undefined || waiting.backlog >= catchUpBelow || waiting.waitedMs + waitedHere < shareAfterMs) return false;
    earn();
    return credit > 0;
  }
  /** Handling started within the share: its time is taken from the credit when it ends. */
  function counted(): HandlingStart {
    const started = now();
    return {
      end() {
        earn();
        credit -= now() - started;
      },
    };
  }
  return {
    receiving() {
      receiving++;
    },
    done(accepted) {
      receiving = Math.max(0, receiving - 1);
      if (accepted) lastDone = now();
    },
    async quiet(waiting) {
      const started = now();
      while (!isQuiet()) {
        const waited = now() - started;
        if (withinShare(waiting, waited)) return counted();
        if (waited >= options.longestWaitMs) return NOTHING_TO_COUNT;
        // Sleep until the quiet period could have passed (at least a timer's tick), never past the longest wait.
        const untilQuiet = receiving > 0 ? options.quietMs : options.quietMs - (now() - lastDone);
        await sleep(Math.max(1, Math.min(untilQuiet, options.longestWaitMs - waited)));
      }
      return NOTHING_TO_COUNT;
    },
  };
}
