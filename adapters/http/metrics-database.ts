import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { Family } from './metrics-format.ts';

/**
 * What the outbox holds, read at scrape time (three grouped reads on an indexed table): the same figures from
 * every instance, since they describe the shared database.
 */

/** Dead letters by the kind of reason the outbox worker writes (bot/outbox-worker.ts), never the text itself. */
export function reasonClass(error: string | null): string {
  if (error === null) return 'unknown';
  if (error.startsWith('past the')) return 'deadline';
  if (error.startsWith('outside the')) return 'reply-window';
  if (error.startsWith('channel ')) return 'not-configured';
  if (error.startsWith('access token')) return 'auth';
  if (error.startsWith('gave up after')) return 'retries-exhausted';
  return 'refused';
}

export function outboxGauges(db: Kysely<Database>, now: () => Date = () => new Date()): () => Promise<Family[]> {
  return async () => {
    const depth = await db
      .selectFrom('outbox')
      .select(['status', 'provider', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', ['pending', 'sending'])
      .groupBy(['status', 'provider'])
      .execute();
    const oldest = await db.selectFrom('outbox').select((eb) => eb.fn.min('created_at').as('at')).where('status', 'in', ['pending', 'sending']).executeTakeFirst();
    const dead = await db.selectFrom('outbox').select(['provider', 'last_error']).where('status', '=', 'dead').execute();
    const deadCounts = new Map<string, { provider: string; reason: string; n: number }>();
    for (const row of dead) {
      const reason = reasonClass(row.last_error);
      const k = `${row.provider}\u0000${reason}`;
      const found = deadCounts.get(k);
      if (found) found.n++;
      else deadCounts.set(k, { provider: row.provider, reason, n: 1 });
    }
    const at = oldest?.at ? Date.parse(String(oldest.at)) : NaN;
    return [
      {
        name: 'assistant_outbox_depth',
        help: 'Replies waiting or being sent, by status and provider (whole database).',
        type: 'gauge',
        samples: depth.map((r) => ({ labels: { status: r.status, provider: r.provider }, value: Number(r.n) })),
      },
      {
        name: 'assistant_outbox_oldest_pending_age_seconds',
        help: 'Age of the oldest reply not yet sent; 0 when none waits (whole database).',
        type: 'gauge',
        samples: [{ labels: {}, value: Number.isFinite(at) ? Math.max(0, (now().getTime() - at) / 1000) : 0 }],
      },
      {
        name: 'assistant_outbox_dead_letters',
        help: 'Replies that could not be delivered and are still kept (RETENTION_OUTBOX_DEAD_DAYS), by provider and reason class (whole database).',
        type: 'gauge',
        samples: [...deadCounts.values()].map((d) => ({ labels: { provider: d.provider, reason: d.reason }, value: d.n })),
      },
    ];
  };
}
