import type { Logger } from '../adapters/http/logger.ts';
import type { LanePolicy } from './delivery-policy.ts';
import type { Outbox, OutboxItem } from './outbox.ts';
import { createSendPace } from './send-pace.ts';

export interface LaneDeps {
  readonly provider: string;
  readonly policy: LanePolicy;
  readonly slowSendMs: number;
  readonly leaseMs: number;
  readonly outbox: Outbox;
  /** Sends one claimed item and records the outcome; never throws. Returns how long the platform asked us to wait. */
  readonly deliver: (item: OutboxItem) => Promise<{ readonly pauseMs?: number }>;
  readonly logger: Logger;
  readonly now: () => Date;
}

export interface Lane {
  /** Starts what may start now; a call while a pump runs makes it look again when it is done. */
  pump(): Promise<void>;
  /** Resolves when nothing runs in this lane: no pump, no send (slow ones included). */
  settled(): Promise<void>;
  /** Sends in progress (tests, health). */
  inFlight(): number;
  stop(): void;
}

// How many slow sends (past slowSendMs, still awaited) a lane keeps beside its slots, per slot.
const SLOW_PER_SLOT = 4;
// A waiting retry is looked for again at least this often even when no one kicks the worker.
const MAX_WAKE_MS = 60_000;
const MIN_WAKE_MS = 25;

/**
 * One provider's sending: up to `concurrency` sends at once, paced to the platform's rate, one message per
 * conversation at a time and oldest first (the outbox's claim refuses a message while an older one of its
 * conversation is unfinished, in this process or another). A send slower than `slowSendMs` gives its slot
 * back but is still awaited, so a platform that answers late gets no duplicate; a hanging platform fills only
 * its own lane. Lanes share nothing, so one channel's trouble never delays another's replies.
 */
export function createLane(deps: LaneDeps): Lane {
  const concurrency = Math.max(1, Math.floor(deps.policy.concurrency));
  const maxInFlight = concurrency * (1 + SLOW_PER_SLOT);
  const pace = createSendPace(deps.policy.perSecond);
  const busy = new Set<string>();
  const tasks = new Set<Promise<void>>();
  let slots = 0;
  let pumping: Promise<void> | undefined;
  let again = false;
  let wake: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function start(item: OutboxItem): void {
    slots++;
    busy.add(item.conversationId);
    let holdsSlot = true;
    const giveBackSlot = () => {
      if (!holdsSlot) return;
      holdsSlot = false;
      slots--;
    };
    const task = (async () => {
      let slow: ReturnType<typeof setTimeout> | undefined;
      try {
        await pace.take();
        slow = setTimeout(() => {
          giveBackSlot();
          deps.logger.info('outbox.slow-send', { provider: deps.provider, afterMs: deps.slowSendMs });
          void pump();
        }, deps.slowSendMs);
        const { pauseMs } = await deps.deliver(item);
        if (pauseMs !== undefined && pauseMs > 0) pace.pauseFor(pauseMs);
      } finally {
        clearTimeout(slow);
        giveBackSlot();
        busy.delete(item.conversationId);
      }
    })();
    tasks.add(task);
    void task.finally(() => {
      tasks.delete(task);
      void pump();
    });
  }

  async function fill(): Promise<void> {
    while (!stopped && slots < concurrency && tasks.size < maxInFlight) {
      const heads = await deps.outbox.dueHeads(deps.provider, (concurrency - slots) * 2);
      let started = 0;
      for (const head of heads) {
        if (slots >= concurrency || tasks.size >= maxInFlight) break;
        if (busy.has(head.conversationId)) continue;
        const leaseUntil = new Date(deps.now().getTime() + deps.leaseMs);
        if (!(await deps.outbox.claim(head.id, leaseUntil))) continue;
        if (head.status === 'sending') deps.logger.info('outbox.resend-unknown-outcome', { provider: deps.provider });
        start(head);
        started++;
      }
      if (started === 0) break;
    }
    if (tasks.size === 0) await scheduleWake();
  }

  /** Nothing runs: look again when the next retry falls due (a kick may come earlier). */
  async function scheduleWake(): Promise<void> {
    if (stopped) return;
    const next = await deps.outbox.nextDue(deps.provider);
    if (wake !== undefined) clearTimeout(wake);
    wake = undefined;
    if (next === undefined) return;
    // A time already past means another process holds what is due: look again shortly, not in a tight loop.
    const delay = Math.min(MAX_WAKE_MS, Math.max(MIN_WAKE_MS, next.getTime() - deps.now().getTime()));
    wake = setTimeout(() => void pump(), delay);
    wake.unref?.();
  }

  function pump(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (pumping) {
      again = true;
      return pumping;
    }
    pumping = (async () => {
      do {
        again = false;
        await fill();
      } while (again && !stopped);
    })()
      .catch((error: unknown) => deps.logger.error('outbox.lane-failed', { provider: deps.provider, error: error instanceof Error ? error.name : 'unknown' }))
      .finally(() => {
        pumping = undefined;
      });
    return pumping;
  }

  return {
    pump,
    async settled() {
      while (pumping || tasks.size > 0) {
        if (pumping) await pumping;
        if (tasks.size > 0) await Promise.all([...tasks]);
      }
    },
    inFlight: () => tasks.size,
    stop() {
      stopped = true;
      if (wake !== undefined) clearTimeout(wake);
    },
  };
}
