import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../adapters/storage/schema.ts';
import { vietnamDayOfHour, type DayRange } from './vietnam-days.ts';

/**
 * The dashboard's numbers, straight from the tables, in Kysely that runs alike on SQLite, PostgreSQL and D1: no
 * date functions of any one dialect. Rows are grouped by UTC hour with substr(created_at, 1, 13) (ISO strings;
 * substr exists on all three) and the hours folded into Vietnamese days here, so a busy month comes back as at
 * most 24 rows a day and series, not every message. The 1 and 13 are part of the SQL text, not parameters:
 * PostgreSQL only matches a GROUP BY expression to the SELECT's when both read the same.
 */
function hourOf(column: string): RawBuilder<string> {
  return sql<string>`substr(${sql.ref(column)}, 1, 13)`;
}

/** Counts by Vietnamese day and key: day → key → count. */
export type DailyCounts = Map<string, Map<string, number>>;

function addTo(counts: DailyCounts, day: string, key: string, n: number): void {
  const row = counts.get(day) ?? new Map<string, number>();
  row.set(key, (row.get(key) ?? 0) + n);
  counts.set(day, row);
}

function foldHours(rows: ReadonlyArray<{ hour: string; key: string; n: number | string | bigint }>): DailyCounts {
  const counts: DailyCounts = new Map();
  for (const row of rows) addTo(counts, vietnamDayOfHour(row.hour), row.key, Number(row.n));
  return counts;
}

/** An answer from the knowledge base: a kb:* label on a reply that is not a list of options (a clarification is). */
const ANSWER_LABEL = 'kb:%';
const OPTIONS_KIND = 'choices';

export function createStatsQueries(db: Kysely<Database>) {
  return {
    /** Residents' messages (direction 'in') per day, by the conversation's channel. */
    async messagesByChannel(range: DayRange): Promise<DailyCounts> {
      const hour = hourOf('message_log.created_at');
      const rows = await db
        .selectFrom('message_log')
        .innerJoin('conversations', 'conversations.id', 'message_log.conversation_id')
        .select(['conversations.channel as key', hour.as('hour'), (eb) => eb.fn.countAll<number>().as('n')])
        .where('message_log.direction', '=', 'in')
        .where('message_log.created_at', '>=', range.startIso)
        .where('message_log.created_at', '<', range.endIso)
        .groupBy(['conversations.channel', hour])
        .execute();
      return foldHours(rows);
    },

    /** Knowledge-base answers given per day (see ANSWER_LABEL). */
    async answersPerDay(range: DayRange): Promise<DailyCounts> {
      const hour = hourOf('created_at');
      const rows = await db
        .selectFrom('message_log')
        .select([hour.as('hour'), (eb) => eb.fn.countAll<number>().as('n')])
        .where('direction', '=', 'out')
        .where('label', 'like', ANSWER_LABEL)
        .where('kind', '<>', OPTIONS_KIND)
        .where('created_at', '>=', range.startIso)
        .where('created_at', '<', range.endIso)
        .groupBy(hour)
        .execute();
      return foldHours(rows.map((r) => ({ ...r, key: 'answered' })));
    },

    /** Questions kept for staff per day, by reason (not-understood, clarified, out-of-scope...). */
    async unansweredByReason(range: DayRange): Promise<DailyCounts> {
      const hour = hourOf('created_at');
      const rows = await db
        .selectFrom('unanswered')
        .select(['reason as key', hour.as('hour'), (eb) => eb.fn.countAll<number>().as('n')])
        .where('created_at', '>=', range.startIso)
        .where('created_at', '<', range.endIso)
        .groupBy(['reason', hour])
        .execute();
      return foldHours(rows);
    },

    /** Questions kept for staff per day, by where they stand now (open, done, dismissed). */
    async unansweredByStatus(range: DayRange): Promise<DailyCounts> {
      const hour = hourOf('created_at');
      const rows = await db
        .selectFrom('unanswered')
        .select(['status as key', hour.as('hour'), (eb) => eb.fn.countAll<number>().as('n')])
        .where('created_at', '>=', range.startIso)
        .where('created_at', '<', range.endIso)
        .groupBy(['status', hour])
        .execute();
      return foldHours(rows);
    },

    /** The knowledge-base entries answered most often, most first. */
    async topTopics(range: DayRange, limit = 10): Promise<Array<{ label: string; count: number }>> {
      const rows = await db
        .selectFrom('message_log')
        .select(['label', (eb) => eb.fn.countAll<number>().as('n')])
        .where('direction', '=', 'out')
        .where('label', 'like', ANSWER_LABEL)
        .where('kind', '<>', OPTIONS_KIND)
        .where('created_at', '>=', range.startIso)
        .where('created_at', '<', range.endIso)
        .groupBy('label')
        .orderBy((eb) => eb.fn.countAll(), 'desc')
        .orderBy('label')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ label: r.label ?? '', count: Number(r.n) }));
    },

    /** Reports filed in the range, counted by one of their columns (a missing commune counts under ''). */
    async reportsBy(range: DayRange, column: 'category' | 'commune' | 'status'): Promise<Array<{ key: string; count: number }>> {
      const rows = await db
        .selectFrom('reports')
        .select((eb) => [eb.ref(column).as('key'), eb.fn.countAll<number>().as('n')])
        .where('created_at', '>=', range.startIso)
        .where('created_at', '<', range.endIso)
        .groupBy(column)
        .execute();
      return rows.map((r) => ({ key: r.key ?? '', count: Number(r.n) })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    },

    /**
     * Reports resolved in the range: when each was filed and when it was first marked resolved there (a report
     * reopened and resolved again counts once, at its first resolution in the range).
     */
    async resolutions(range: DayRange): Promise<Array<{ code: string; category: string; createdAt: string; resolvedAt: string }>> {
      const rows = await db
        .selectFrom('report_events')
        .innerJoin('reports', 'reports.code', 'report_events.report_code')
        .select(['reports.code as code', 'reports.category as category', 'reports.created_at as createdAt', 'report_events.created_at as resolvedAt'])
        .where('report_events.status', '=', 'resolved')
        .where('report_events.created_at', '>=', range.startIso)
        .where('report_events.created_at', '<', range.endIso)
        .orderBy('report_events.created_at')
        .execute();
      const first = new Map<string, (typeof rows)[number]>();
      for (const row of rows) if (!first.has(row.code)) first.set(row.code, row);
      return [...first.values()];
    },

    /**
     * Hand-offs requested in the range (few enough to read whole). Undefined when the hand-off table is not
     * there yet (a database before migration 0013-handoffs): the dashboard then says it has no data.
     */
    async handoffs(range: DayRange): Promise<Array<{ requestedAt: string; firstReplySeconds: number | null; outOfHours: boolean }> | undefined> {
      try {
        const rows = await db
          .selectFrom('handoffs')
          .select(['requested_at', 'first_reply_seconds', 'out_of_hours'])
          .where('requested_at', '>=', range.startIso)
          .where('requested_at', '<', range.endIso)
          .execute();
        return rows.map((r) => ({ requestedAt: r.requested_at, firstReplySeconds: r.first_reply_seconds === null ? null : Number(r.first_reply_seconds), outOfHours: Number(r.out_of_hours) === 1 }));
      } catch (error) {
        if (error instanceof Error && /no such table|does not exist/i.test(error.message)) return undefined;
        throw error;
      }
    },
  };
}

export type StatsQueries = ReturnType<typeof createStatsQueries>;
