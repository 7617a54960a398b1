import { sql, type Kysely } from 'kysely';
import type { Logger } from '../../bot/ports/logger.ts';
import { createSendPace, sleep, type SendPace, type SendPaceFactory } from '../../bot/send-pace.ts';
import type { Database } from './schema.ts';

/**
 * Each provider's send pace kept in the database (table send_pace, migration 0017), so every instance or isolate
 * sending for the same bot spends one budget: N processes together start at most `perSecond` sends a second, as
 * one would, spaced with no bursts (like the in-process pace, bot/send-pace.ts).
 *
 * The row holds `next_at`, the earliest time (milliseconds) the next send may start. A take reserves a slot with
 * one statement, then sleeps until it inside the send that asked (nothing waits across a Worker's invocations):
 *
 *   next_at := max(next_at, now) + interval     the slot is the value before `+ interval`
 *
 * so reserved slots are `interval` apart and never in the past: the first send after an idle spell goes at once,
 * the next one an interval later. A platform's 429 raises next_at to the end of its retry-after, for every instance.
 *
 * Slots are reckoned on each instance's clock: clocks apart by d milliseconds start sends up to d early or late
 * against each other (NTP keeps d to a few).
 *
 * `perSecond` 0 (no limit) touches no row: only this process's own pause applies, as in the in-process pace.
 */
export function sharedSendPaces(db: Kysely<Database>, logger: Logger, clock: () => number = Date.now): SendPaceFactory {
  return (provider, perSecond) => (perSecond > 0 ? sharedSendPace(db, provider, perSecond, logger, clock) : createSendPace(perSecond, clock));
}

function sharedSendPace(db: Kysely<Database>, provider: string, perSecond: number, logger: Logger, clock: () => number): SendPace {
  // Whole milliseconds (next_at is an integer; PostgreSQL's bigint takes no fraction), rounded towards slower; so
  // rates above 1000 a second come out at 1000, far above any platform's.
  const intervalMs = Math.ceil(1000 / perSecond);
  // While the database fails, sends go at this process's own pace rather than not at all (or all at once).
  const fallback = createSendPace(perSecond, clock);
  // A pause this process heard, to hold back its own sends already waiting for a slot reserved before it.
  let pausedUntil = 0;

  /** next_at := max(next_at, atLeast) + plus, in one statement (the row made on first use); returns the new next_at. */
  async function raise(atLeast: number, plus: number): Promise<number> {
    const row = await db
      .insertInto('send_pace')
      .values({ provider, next_at: atLeast + plus })
      .onConflict((oc) =>
        // CASE rather than max()/greatest(): the same SQL on SQLite, PostgreSQL and D1.
        oc.column('provider').doUpdateSet({ next_at: sql<number>`case when send_pace.next_at < ${atLeast} then ${atLeast} else send_pace.next_at end + ${plus}` }),
      )
      .returning('next_at')
      .executeTakeFirstOrThrow();
    return Number(row.next_at);
  }

  return {
    async take() {
      for (;;) {
        let slot: number;
        try {
          slot = (await raise(clock(), intervalMs)) - intervalMs;
        } catch (error) {
          logger.error('outbox.pace-failed', { provider, error: error instanceof Error ? error.name : 'unknown' });
          return fallback.take();
        }
        const wait = slot - clock();
        if (wait > 0) await sleep(wait);
        const paused = pausedUntil - clock();
        if (paused <= 0) return;
        // The platform said "slow down" while this send waited: its slot came before the pause, so wait the pause
        // out and queue again behind it.
        await sleep(paused);
      }
    },
    async pauseFor(ms) {
      const until = clock() + Math.ceil(ms);
      pausedUntil = Math.max(pausedUntil, until);
      await fallback.pauseFor(ms);
      try {
        await raise(until, 0);
      } catch (error) {
        logger.error('outbox.pace-failed', { provider, error: error instanceof Error ? error.name : 'unknown' });
      }
    },
  };
}
