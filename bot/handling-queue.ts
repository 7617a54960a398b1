import { yieldToIo } from './after-pending-io.ts';

/**
 * Accepted messages waiting to be handled in this process, oldest first, at most `concurrency` at a time, each
 * started once pending I/O had its turn and `ready` says so (accept-first.ts: receiving webhooks goes first).
 *
 * The queue is bounded. A flood acknowledged faster than it can be handled would otherwise pile up in memory (a
 * waiting task per message: tens of megabytes for a ten-second burst, and a heap that stays grown); past
 * `capacity`, a message is only in the inbox, where it is durable already, and the recovery pass handles it once
 * the accepting lease runs out. Nothing is lost; only the overflow of a flood waits for that pass.
 */
export interface HandlingQueue<J> {
  /** Queues a job; false when the queue is full (the job is then left to the recovery pass). */
  offer(job: J): boolean;
  /** Jobs queued or running. */
  size(): number;
}

export function handlingQueue<J>(options: {
  readonly concurrency: number;
  readonly capacity: number;
  readonly ready: () => Promise<void>;
  /** Handles one job; a failure is the caller's to report (it is caught, so the queue goes on). */
  readonly run: (job: J) => Promise<void>;
}): HandlingQueue<J> {
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  let waiting: J[] = [];
  let next = 0;
  let running = 0;

  function take(): J | undefined {
    if (next >= waiting.length) return undefined;
    const job = waiting[next++] as J;
    // Drop the taken part now and then, so a long-lived queue does not keep every job it ever held.
    if (next >= 1024 && next * 2 >= waiting.length) {
      waiting = waiting.slice(next);
      next = 0;
    }
    return job;
  }

  async function work(): Promise<void> {
    try {
      for (let job = take(); job !== undefined; job = take()) {
        await yieldToIo();
        await options.ready();
        await options.run(job).catch(() => undefined);
      }
    } finally {
      running--;
    }
  }

  return {
    offer(job) {
      if (waiting.length - next + running >= options.capacity) return false;
      waiting.push(job);
      if (running < concurrency) {
        running++;
        void work();
      }
      return true;
    },
    size: () => waiting.length - next + running,
  };
}
