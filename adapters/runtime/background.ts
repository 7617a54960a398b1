import type { Logger } from '../http/logger.ts';

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
