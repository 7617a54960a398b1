import type { Logger } from '../../bot/ports/logger.ts';

/**
 * Work that runs after the webhook has been answered (Node). Promises are tracked so shutdown and tests can
 * wait for them; a failure is logged, never thrown into the server.
 */
export function createBackgroundTasks(logger: Logger) {
  const running = new Set<Promise<void>>();
  return {
    defer(task: () => Promise<void>): void {
      const promise = Promise.resolve()
        .then(task)
        .catch((error: unknown) => logger.error('background.failed', { error: error instanceof Error ? error.name : 'unknown' }))
        .finally(() => running.delete(promise));
      running.add(promise);
    },
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}

export interface Periodic {
  /** Runs the task now (unless a run is under way) and resolves when that run ends. */
  runNow(): Promise<void>;
  /** No further runs; resolves when the current one (if any) has ended. */
  stop(): Promise<void>;
}

/**
 * Runs `task` now and then every `intervalMs`, never two runs at once (a slow run delays the next instead of
 * overlapping it). Used for the delivery pass: unhandled inbox messages and due sends, in every instance.
 */
export function every(intervalMs: number, name: string, task: () => Promise<void>, logger: Logger): Periodic {
  let current: Promise<void> | undefined;
  let stopped = false;
  const run = (): Promise<void> => {
    if (current) return current;
    current = task()
      .catch((error: unknown) => logger.error(`${name}.failed`, { error: error instanceof Error ? error.name : 'unknown' }))
      .finally(() => {
        current = undefined;
      });
    return current;
  };
  const timer = setInterval(() => {
    if (!stopped) void run();
  }, intervalMs);
  timer.unref?.();
  return {
    runNow: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
