import { getHeapStatistics } from 'node:v8';
import type { Logger } from '../../bot/ports/logger.ts';
import { every, type Periodic } from './background.ts';
import { collectGarbage } from './collect-garbage.ts';

/**
 * After a busy spell (a flood of webhooks, a platform's backlog after an outage), V8 keeps the heap it grew to until
 * some later collection, often tens of megabytes reserved and unused, so the server's resident memory read by an
 * operator depends on where V8 happens to be between its own collections (in the webhook benchmark 146-148 MB at
 * some quiet readings, 212-216 MB at others, same load). Once the process has gone quiet after being busy, and the
 * heap has grown by at least `minGrowthBytes` since the last full collection, in use or reserved, this collects
 * fully once (collect-garbage.ts: a pause of a few tens of milliseconds, taken when nobody is waiting), so a quiet
 * server gives that memory back.
 *
 * Both sizes count, each against what the last full collection (or start-up's) left: V8's "used" size counts garbage
 * not yet collected (high readings in the benchmark had 57-71 MB used of 70-80 reserved, against 45-47 used after a
 * full collection), and at other high readings the heap held 53-61 MB used of 83-101 reserved. Growth, not unused
 * space: what a full collection leaves is the floor for now (V8 keeps some reserved space after it), and a quiet
 * server that handles a lone message now and then is not collected again for it.
 *
 * Quiet is judged by the process's own CPU time, not by requests: handling and sending after a flood are work too,
 * and collecting while they run would pause them. One collection per quiet period (and one try more when it left
 * `minGrowthBytes` or more reserved and unused): the next needs busy time first.
 */
export interface IdleCollectorOptions {
  /** How often the CPU share and the heap are read. */
  readonly checkMs?: number;
  /** Consecutive quiet checks before collecting (with checkMs 1000 and 3: three quiet seconds). */
  readonly quietChecks?: number;
  /** A check counts as quiet below this share of one core, and busy at or above it. */
  readonly busyShare?: number;
  /** A heap grown less than this since the last full collection (or start-up's), in use and reserved, is left to V8. */
  readonly minGrowthBytes?: number;
}

export interface Heap {
  readonly reserved: number;
  readonly used: number;
}

export interface IdleCollectorProbe {
  /** CPU time the process has used so far, microseconds (user + system). */
  readonly cpuMicros: () => number;
  /** The heap V8 has reserved and the part of it in use (live objects and garbage not yet collected), bytes. */
  readonly heap: () => Heap;
  readonly collect: () => void;
  readonly now: () => number;
}

export const nodeProbe: IdleCollectorProbe = {
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
  const minGrowthBytes = options.minGrowthBytes ?? 16 * 1024 * 1024;
  let lastCpu = probe.cpuMicros();
  let lastAt = probe.now();
  // Start-up already collected after the index builds (node.ts): nothing to do until some work has been done.
  let busySinceCollection = false;
  let quietInARow = 0;
  let retry = false;
  let collections = 0;
  // What the last full collection left (start-up's, before this was made).
  let afterCollection = probe.heap();
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
      if (quietInARow < quietChecks) return false;
      if (!busySinceCollection && !retry) return false;
      const heap = probe.heap();
      const grown = heap.used - afterCollection.used >= minGrowthBytes || heap.reserved - afterCollection.reserved >= minGrowthBytes;
      if (!grown && !retry) return false;
      const wasRetry = retry;
      probe.collect();
      collections++;
      afterCollection = probe.heap();
      // Once in a while V8 keeps tens of megabytes reserved and unused after the collection (the webhook bench: 166 ->
      // 78 MB reserved with 48 in use, where other quiet points read 50-52): one more try at the next quiet check, never
      // a second; what that leaves is the floor for now.
      retry = !wasRetry && afterCollection.reserved - afterCollection.used >= minGrowthBytes;
      busySinceCollection = false;
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
