import type { ExpressionBuilder, Kysely } from 'kysely';
import type { RetentionStore } from '../../bot/retention.ts';
import type { Database } from './schema.ts';

/**
 * Retention with Kysely. DELETE ... LIMIT is not portable (PostgreSQL has none, SQLite only as a build option), so
 * each statement picks its batch by key in a sub-select: `WHERE key IN (SELECT key ... ORDER BY time LIMIT n)`.
 * Times are ISO-8601 strings, so "older than" is a text comparison that every dialect does alike.
 */
export function createRetentionStore(db: Kysely<Database>): RetentionStore {
  return {
    async dropInboxPayloads(before, limit) {
      const result = await db
        .updateTable('inbox')
        .set({ payload_json: null })
        .where((eb) => inHandledInboxBatch(eb, before, limit, { withPayload: true }))
        .executeTakeFirst();
      return affected(result);
    },
    async deleteInbox(before, limit) {
      const result = await db
        .deleteFrom('inbox')
        .where((eb) => inHandledInboxBatch(eb, before, limit, { withPayload: false }))
        .executeTakeFirst();
      return affected(result);
    },
    deleteOutbox: (status, before, limit) => deleteOldest(db, 'outbox', 'id', 'updated_at', before, limit, { status }),
    deleteMessageLog: (before, limit) => deleteOldest(db, 'message_log', 'id', 'created_at', before, limit),
    deleteRateWindows: (before, limit) => deleteOldest(db, 'rate_windows', 'sender', 'window_start', before, limit),
    async anonymiseReports(before, limit, redact) {
      // Picked by what still identifies someone, so a report is done once; updated_at is left alone (the
      // public record's "last changed" is about the report, not about this clean-up).
      const rows = await db
        .selectFrom('reports')
        .select(['code', 'description'])
        .where('updated_at', '<', before.toISOString())
        .where((eb) => eb.or([eb('conversation_id', 'is not', null), eb('reporter_contact_json', 'is not', null)]))
        .orderBy('updated_at')
        .limit(limit)
        .execute();
      for (const row of rows) {
        await db.deleteFrom('report_subscribers').where('report_code', '=', row.code).execute();
        await db.updateTable('reports').set({ conversation_id: null, reporter_contact_json: null, description: redact(row.description) }).where('code', '=', row.code).execute();
      }
      return rows.length;
    },
    deleteUnanswered: (before, limit) => deleteOldest(db, 'unanswered', 'id', 'created_at', before, limit),
    deleteMailbox: (before, limit) => deleteOldest(db, 'webchat_mailbox', 'seq', 'created_at', before, limit),
  };
}

/**
 * `(channel, message_id) IN` the `limit` inbox rows handled longest before `before` (only those still holding their
 * payload, when `withPayload`). handled_at < before also means handled: a message not yet handled is never picked.
 */
function inHandledInboxBatch(eb: ExpressionBuilder<Database, 'inbox'>, before: Date, limit: number, options: { withPayload: boolean }) {
  let picked = eb.selectFrom('inbox').select(['channel', 'message_id']).where('handled_at', '<', before.toISOString());
  if (options.withPayload) picked = picked.where('payload_json', 'is not', null);
  return eb(eb.refTuple('channel', 'message_id'), 'in', picked.orderBy('handled_at').limit(limit).$asTuple('channel', 'message_id'));
}

function affected(result: { numDeletedRows?: bigint; numUpdatedRows?: bigint }): number {
  return Number(result.numDeletedRows ?? result.numUpdatedRows ?? 0);
}

type Table = keyof Database;
type Column<T extends Table> = keyof Database[T] & string;

/**
 * One batch of `table`: the `limit` rows oldest by `time` that are older than `before` (and equal `match`, when
 * given), deleted by `key`. The number deleted.
 */
async function deleteOldest<T extends Table>(
  db: Kysely<Database>,
  table: T,
  key: Column<T>,
  time: Column<T>,
  before: Date,
  limit: number,
  match: Partial<Record<Column<T>, string>> = {},
): Promise<number> {
  // One helper for several tables: Kysely cannot check column names of a table chosen by a parameter, so the
  // query is built untyped; the signature above keeps the names to the columns of `table`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const loose = db as Kysely<any>;
  const [from, keyColumn, timeColumn]: [string, string, string] = [table, key, time];
  const result = await loose
    .deleteFrom(from)
    .where(keyColumn, 'in', (eb: ExpressionBuilder<any, string>) => {
      let picked = eb.selectFrom(from).select(keyColumn);
      for (const [column, value] of Object.entries(match)) picked = picked.where(column, '=', value);
      return picked.where(timeColumn, '<', before.toISOString()).orderBy(timeColumn).limit(limit);
    })
    .executeTakeFirst();
  return affected(result);
}
