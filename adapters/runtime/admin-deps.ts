import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { createStatsQueries } from '../../admin/stats/queries.ts';
import type { Database } from '../storage/schema.ts';
import { authConfigFromEnv } from '../../admin/config.ts';
import type { AdminDeps } from '../../admin/deps.ts';
import type { Assembly } from './assemble.ts';

/** The staff workspace's dependencies from the assembled product and the environment (any runtime). */
export function adminDeps(assembly: Assembly, env: Readonly<Record<string, string | undefined>>, clientAddress?: (c: Context) => string | undefined, db?: Kysely<Database>): AdminDeps {
  return {
    stores: assembly.staff,
    config: authConfigFromEnv(env),
    now: () => new Date(),
    ...(clientAddress ? { clientAddress: (c: Context) => clientAddress(c) ?? 'unknown' } : {}),
    // The hand-off count on every page: residents waiting for an operator to take them.
    badges: async () => ({ handoffs: await assembly.handoffs.countWaiting() }),
    services: {
      knowledge: assembly.knowledge,
      understanding: assembly.understanding,
      reports: assembly.reports,
      reportService: assembly.reportService,
      conversations: assembly.conversations,
      outbox: assembly.outbox,
      publishing: assembly.publishing,
      live: assembly.live,
      site: assembly.site,
      reviewMonths: Number(env.KB_REVIEW_MONTHS ?? 12) > 0 ? Number(env.KB_REVIEW_MONTHS ?? 12) : 12,
      handoffs: assembly.handoffs,
      unanswered: assembly.unanswered,
      reportCategories: assembly.reportCategories,
      gazetteer: assembly.gazetteer,
      // The dashboard reads the database directly: its counts cut across every store.
      ...(db ? { stats: createStatsQueries(db) } : {}),
    },
  };
}
