import { getHeapStatistics } from 'node:v8';
import type { Logger } from '../../bot/ports/logger.ts';
import { every, type Periodic } from './background.ts';
import { collectGarbage } from './collect-garbage.ts';

/**
 * After a busy spell (a flood of webhooks, a platform's backlog after an outage), V8 keeps the heap it grew to until
 * some later collection, often tens of megabytes reserved and unused, so the server's resident memory read by an
 * operator depends on where V8 happens to be between its own collections (in the webhook benchmark 146-148 MB at
 * some quiet readings, 212-216 MB at others, same load). Once the process has gone quiet after being busy, and the
 * heap holds at least `minSlackBytes` more than it uses, this collects fully once (collect-garbage.ts: a pause of a
 * few tens of milliseconds, taken when nobody is waiting), so a quiet server gives that memory back.
 *
 * Quiet is judged by the process's own CPU time, not by requests: handling and sending after a flood are work too,
 * and collecting while they run would pause them. One collection per quiet period: the next needs busy time first.
 */
export interface IdleCollectorOptions {
  /** How often the CPU share and the heap are read. */
  readonly checkMs?: number;
  /** Consecutive quiet checks before collecting (with checkMs 1000 and 3: three quiet seconds). */
  readonly quietChecks?: number;
  /** A check counts as quiet below this share of one core, and busy at or above it. */
  readonly busyShare?: number;
  /**
   * Reserved but unused heap below this is left to V8; so is a heap that has not grown by this much since the last
   * collection (or since start), however much of it is unused.
   */
  readonly minSlackBytes?: number;
}

export interface IdleCollectorProbe {
  /** CPU time the process has used so far, microseconds (user + system). */
  readonly cpuMicros: () => number;
  /** The heap V8 has reserved and the part of it in use, bytes. */
  readonly heap: () => { readonly reserved: number; readonly used: number };
  readonly collect: () => void;
  readonly now: () => number;
}

const nodeProbe: IdleCollectorProbe = {
  cpuMicros: () => {
    const usage = process.cpuUsage();
    return usage.user + usage.system;
  },
  heap: () => {
    const stats = getHeapStatistics();
    return { reserved: stats.total_heap_size, used: stats.used_heap_size };
  },
  collect: collectGarbage,
  now: () => performance.now(),
};

export interface IdleCollector extends Periodic {
  /** Collections made so far (tests, metrics). */
  readonly collections: () => number;
}

/** The decision alone, one check at a time: testable without timers or a real heap. */
export function idleCollection(options: IdleCollectorOptions = {}, probe: IdleCollectorProbe = nodeProbe) {
  const quietChecks = options.quietChecks ?? 3;
  const busyShare = options.busyShare ?? 0.05;
  const minSlackBytes = options.minSlackBytes ?? 16 * 1024 * 1024;
  let lastCpu = probe.cpuMicros();
  let lastAt = probe.now();
  // Start-up already collected after the index builds (node.ts): nothing to do until some work has been done.
  let busySinceCollection = false;
  let quietInARow = 0;
  let collections = 0;
  // What a full collection leaves reserved is V8's floor for now (young-generation space it keeps, fragmented pages):
  // collecting again while the heap has not grown past it gives nothing back, and would only pause the next request.
  // Without this, every lone webhook on a quiet server armed one more full collection.
  let reservedAfterCollection = probe.heap().reserved;
  return {
    collections: () => collections,
    /** Reads the CPU share since the last check; collects when the conditions hold. True when it collected. */
    check(): boolean {
      const cpu = probe.cpuMicros();
      const at = probe.now();
      const share = (cpu - lastCpu) / 1000 / Math.max(1, at - lastAt);
      lastCpu = cpu;
      lastAt = at;
      if (share >= busyShare) {
        busySinceCollection = true;
        quietInARow = 0;
        return false;
      }
      quietInARow++;
      if (!busySinceCollection || quietInARow < quietChecks) return false;
      const heap = probe.heap();
      if (heap.reserved - heap.used < minSlackBytes || heap.reserved - reservedAfterCollection < minSlackBytes) return false;
      probe.collect();
      collections++;
      busySinceCollection = false;
      reservedAfterCollection = probe.heap().reserved;
      // The collection's own CPU time must not count as the next busy spell.
      lastCpu = probe.cpuMicros();
      lastAt = probe.now();
      return true;
    },
  };
}

/** Checks every `checkMs` (default 1 s) in the background; the timer does not keep the process alive. */
export function startIdleCollector(logger: Logger, options: IdleCollectorOptions = {}, probe: IdleCollectorProbe = nodeProbe): IdleCollector {
  const decision = idleCollection(options, probe);
  const periodic = every(options.checkMs ?? 1000, 'idle-collect', async () => {
    decision.check();
  }, logger);
  return { ...periodic, collections: decision.collections };
}
