import type { Kysely } from 'kysely';
import type { RetentionStore } from '../../bot/retention.ts';
import type { Database } from './schema.ts';

/**
 * Retention with Kysely. DELETE ... LIMIT is not portable (PostgreSQL has none, SQLite only as a build option), so
 * each statement picks its batch by key in a sub-select: `WHERE key IN (SELECT key ... ORDER BY time LIMIT n)`.
 * Times are ISO-8601 strings, so "older than" is a text comparison that every dialect does alike.
 */
export function createRetentionStore(db: Kysely<Database>): RetentionStore {
  const count = (result: { numDeletedRows?: bigint; numUpdatedRows?: bigint }): number => Number(result.numDeletedRows ?? result.numUpdatedRows ?? 0);

  return {
    async dropInboxPayloads(before, limit) {
      const result = await db
        .updateTable('inbox')
        .set({ payload_json: null })
        .where((eb) =>
          eb(
            eb.refTuple('channel', 'message_id'),
            'in',
            eb
              .selectFrom('inbox')
              .select(['channel', 'message_id'])
              .where('handled_at', '<', before.toISOString())
              .where('payload_json', 'is not', null)
              .orderBy('handled_at')
              .limit(limit)
              .$asTuple('channel', 'message_id'),
          ),
        )
        .executeTakeFirst();
      return count(result);
    },
    async deleteInbox(before, limit) {
      const result = await db
        .deleteFrom('inbox')
        .where((eb) =>
          eb(
            eb.refTuple('channel', 'message_id'),
            'in',
            eb
              .selectFrom('inbox')
              .select(['channel', 'message_id'])
              // handled_at < before also means handled: a message not yet handled is never deleted.
              .where('handled_at', '<', before.toISOString())
              .orderBy('handled_at')
              .limit(limit)
              .$asTuple('channel', 'message_id'),
          ),
        )
        .executeTakeFirst();
      return count(result);
    },
    async deleteOutbox(status, before, limit) {
      const result = await db
        .deleteFrom('outbox')
        .where('id', 'in', (eb) =>
          eb.selectFrom('outbox').select('id').where('status', '=', status).where('updated_at', '<', before.toISOString()).orderBy('updated_at').limit(limit),
        )
        .executeTakeFirst();
      return count(result);
    },
    async deleteMessageLog(before, limit) {
      const result = await db
        .deleteFrom('message_log')
        .where('id', 'in', (eb) => eb.selectFrom('message_log').select('id').where('created_at', '<', before.toISOString()).orderBy('created_at').limit(limit))
        .executeTakeFirst();
      return count(result);
    },
    async deleteRateWindows(before, limit) {
      const result = await db
        .deleteFrom('rate_windows')
        .where('sender', 'in', (eb) =>
          eb.selectFrom('rate_windows').select('sender').where('window_start', '<', before.toISOString()).orderBy('window_start').limit(limit),
        )
        .executeTakeFirst();
      return count(result);
    },
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
    async deleteUnanswered(before, limit) {
      const result = await db
        .deleteFrom('unanswered')
        .where('id', 'in', (eb) => eb.selectFrom('unanswered').select('id').where('created_at', '<', before.toISOString()).orderBy('created_at').limit(limit))
        .executeTakeFirst();
      return count(result);
    },
    async deleteMailbox(before, limit) {
      const result = await db
        .deleteFrom('webchat_mailbox')
        .where('seq', 'in', (eb) => eb.selectFrom('webchat_mailbox').select('seq').where('created_at', '<', before.toISOString()).orderBy('created_at').limit(limit))
        .executeTakeFirst();
      return count(result);
    },
  };
}
