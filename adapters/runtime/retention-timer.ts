import type { Kysely } from 'kysely';
import { createRetention } from '../../bot/retention.ts';
import type { Logger } from '../../bot/ports/logger.ts';
import { createRetentionStore } from '../storage/retention-store.ts';
import type { Database } from '../storage/schema.ts';
import { retentionFromEnv } from './retention-from-env.ts';
import { privacyFromEnv } from './privacy-from-env.ts';

/**
 * Runs retention on Node: once at start and then every RETENTION_INTERVAL_MINUTES, never two runs at once. The
 * first run is not awaited: a large backlog is cleared in bounded batches while the server already answers.
 * (A Worker would call the same `run()` from its scheduled handler.)
 */
export function startRetention(db: Kysely<Database>, env: Readonly<Record<string, string | undefined>>, logger: Logger): { stop: () => Promise<void> } {
  const settings = retentionFromEnv(env);
  for (const problem of settings.problems) logger.error('startup.retention-setting', { problem });
  const { privacy, problems } = privacyFromEnv(env);
  for (const problem of problems) logger.error('startup.retention-setting', { problem });
  const retention = createRetention({ store: createRetentionStore(db), policy: settings.policy, privacy });
  let running: Promise<void> | undefined;

  const runOnce = (): void => {
    if (running !== undefined) return;
    running = retention
      .run()
      .then(
        (report) => logger.info('retention.done', report),
        (error: unknown) => logger.error('retention.failed', { error: error instanceof Error ? error.name : 'unknown' }),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(runOnce, settings.intervalMs);
  timer.unref();
  runOnce();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
