import type { Logger } from './ports/logger.ts';
import type { LanePolicy } from './delivery-policy.ts';
import type { DueHead, Outbox, OutboxItem } from './outbox.ts';
import type { SendPaceFactory } from './send-pace.ts';

export interface LaneDeps {
  readonly provider: string;
  readonly policy: LanePolicy;
  readonly slowSendMs: number;
  readonly leaseMs: number;
  readonly outbox: Outbox;
  /** Makes this lane's pace (asked once, for `provider` at `policy.perSecond`): in-process, or shared by every instance. */
  readonly paceFor: SendPaceFactory;
  /** Sends one claimed item and records the outcome; never throws. Returns how long the platform asked us to wait. */
  /** `open`: the item is still unfinished afterwards (to be retried, or its lease to run out). */
  readonly deliver: (item: OutboxItem) => Promise<{ readonly pauseMs?: number; readonly open?: boolean }>;
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
// Due heads read at once (at least; four per slot in a wide lane), and how long such a read is used.
const MIN_READ_AHEAD = 32;
const READ_AHEAD_MS = 500;

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
  const pace = deps.paceFor(deps.provider, deps.policy.perSecond);
  const busy = new Set<string>();
  const tasks = new Set<Promise<void>>();
  let slots = 0;
  let pumping: Promise<void> | undefined;
  let again = false;
  let wake: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function start(item: DueHead): void {
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
          void pump(false);
        }, deps.slowSendMs);
        const { pauseMs, open } = await deps.deliver(item);
        if (pauseMs !== undefined && pauseMs > 0) await pace.pauseFor(pauseMs);
        // Waiting for a retry: when the lane next falls idle, ask the outbox when to wake.
        if (open === true) wakeUnknown = true;
      } finally {
        clearTimeout(slow);
        giveBackSlot();
        busy.delete(item.conversationId);
      }
    })();
    tasks.add(task);
    void task.finally(() => {
      tasks.delete(task);
      // Its slot is free; a new head may exist only if its conversation has another message waiting.
      if (item.hasLater) stale = true;
      void pump(false);
    });
  }

  // Due heads read ahead of the free slots, oldest first: one query feeds many sends instead of one per send.
  // Each is still claimed on its own (due, head of its conversation, not taken: checked again by the claim), so
  // a stale one is only skipped; they are dropped after a short while so no one waits behind an old read.
  let ahead: DueHead[] = [];
  let readAt = Number.NEGATIVE_INFINITY;
  // False after a read that saw every due head, until something may have made a new one due: a kick (replies
  // queued, the runtime's timer, a wake), a finished send whose conversation has more, or READ_AHEAD_MS passing
  // (retries falling due, other instances' work). While false and nothing is read ahead, no query is made.
  let stale = true;
  // True until the outbox was asked when this lane should next wake, and again after news or an open send.
  let wakeUnknown = true;

  async function fill(): Promise<void> {
    while (!stopped && slots < concurrency && tasks.size < maxInFlight) {
      let fresh = false;
      const at = deps.now().getTime();
      if (ahead.length === 0 || at - readAt > READ_AHEAD_MS) {
        if (ahead.length === 0 && !stale && at - readAt <= READ_AHEAD_MS) break;
        const limit = Math.max(MIN_READ_AHEAD, concurrency * 4);
        stale = false;
        ahead = await deps.outbox.dueHeads(deps.provider, limit);
        readAt = at;
        fresh = true;
        // A full read may have left due heads unread.
        if (ahead.length >= limit) stale = true;
        if (ahead.length === 0) break;
      }
      let started = 0;
      while (ahead.length > 0 && slots < concurrency && tasks.size < maxInFlight && !stopped) {
        const head = ahead.shift() as DueHead;
        if (busy.has(head.conversationId)) continue;
        const leaseUntil = new Date(deps.now().getTime() + deps.leaseMs);
        if (!(await deps.outbox.claim(head.id, leaseUntil))) continue;
        if (head.status === 'sending') deps.logger.info('outbox.resend-unknown-outcome', { provider: deps.provider });
        start(head);
        started++;
      }
      // A fresh read that started nothing: nothing more may start now.
      if (started === 0 && fresh) break;
    }
    if (tasks.size === 0) {
      ahead = [];
      // Idle: when to look again. Unchanged since the last answer unless news came or a send was left open.
      if (wakeUnknown) await scheduleWake();
    }
  }

  /** Nothing runs: look again when the next retry falls due (a kick may come earlier). */
  async function scheduleWake(): Promise<void> {
    if (stopped) return;
    wakeUnknown = false;
    const next = await deps.outbox.nextDue(deps.provider);
    if (wake !== undefined) clearTimeout(wake);
    wake = undefined;
    if (next === undefined) return;
    // A time already past means another process holds what is due: look again shortly, not in a tight loop.
    const delay = Math.min(MAX_WAKE_MS, Math.max(MIN_WAKE_MS, next.getTime() - deps.now().getTime()));
    wake = setTimeout(() => void pump(), delay);
    wake.unref?.();
  }

  /** `news`: something outside the lane may have made messages due (the default); false for the lane's own events. */
  function pump(news = true): Promise<void> {
    if (stopped) return Promise.resolve();
    if (news) {
      stale = true;
      wakeUnknown = true;
    }
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
