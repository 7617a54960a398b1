import { sql, type Kysely } from 'kysely';
import type { RateLimiter } from '../../bot/rate-limiter.ts';
import type { Database } from './schema.ts';

/** The rate limiter's windows on Kysely: one upsert per check, then at most one single-row update for the notice. */
export function createRateLimiter(db: Kysely<Database>, options: { limit: number; windowMs: number }, now: () => Date = () => new Date()): RateLimiter {
  return {
    async check(sender) {
      const at = now();
      const startsAfter = new Date(at.getTime() - options.windowMs).toISOString();
      const windowStart = at.toISOString();
      const row = await db
        .insertInto('rate_windows')
        .values({ sender, window_start: windowStart, count: 1, noticed: 0 })
        .onConflict((oc) =>
          oc.column('sender').doUpdateSet({
            count: sql`case when rate_windows.window_start <= ${startsAfter} then 1 else rate_windows.count + 1 end`,
            noticed: sql`case when rate_windows.window_start <= ${startsAfter} then 0 else rate_windows.noticed end`,
            window_start: sql`case when rate_windows.window_start <= ${startsAfter} then ${windowStart} else rate_windows.window_start end`,
          }),
        )
        .returning(['count', 'noticed'])
        .executeTakeFirstOrThrow();
      if (Number(row.count) <= options.limit) return 'allow';
      if (Number(row.noticed) === 1) return 'drop';
      const claimed = await db.updateTable('rate_windows').set({ noticed: 1 }).where('sender', '=', sender).where('noticed', '=', 0).executeTakeFirst();
      return Number(claimed.numUpdatedRows) > 0 ? 'notify' : 'drop';
    },
  };
}
