import type { Kysely } from 'kysely';
import type { UnansweredStore } from '../../bot/unanswered-store.ts';
import type { Database } from './schema.ts';

// D1 binds at most 100 parameters per statement.
const IDS_PER_STATEMENT = 90;

export function createUnansweredStore(db: Kysely<Database>, now: () => Date = () => new Date()): UnansweredStore {
  return {
    async record(q) {
      await db
        .insertInto('unanswered')
        .values({
          id: crypto.randomUUID(),
          conversation_id: q.conversationId,
          channel: q.channel,
          text: q.text,
          reason: q.reason,
          best_label: q.bestLabel,
          best_score: q.bestScore,
          status: 'open',
          created_at: now().toISOString(),
        })
        .execute();
    },
    async picked(conversationId, text) {
      await db.deleteFrom('unanswered').where('conversation_id', '=', conversationId).where('reason', '=', 'clarified').where('text', '=', text).where('status', '=', 'open').execute();
    },
    async listOpen(limit = 100) {
      const rows = await db.selectFrom('unanswered').selectAll().where('status', '=', 'open').orderBy('created_at', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        conversationId: r.conversation_id,
        channel: r.channel,
        text: r.text,
        reason: r.reason,
        bestLabel: r.best_label,
        bestScore: r.best_score === null ? null : Number(r.best_score),
        status: r.status === 'done' || r.status === 'dismissed' ? r.status : 'open',
        createdAt: r.created_at,
      }));
    },
    async close(ids, status) {
      for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
        await db.updateTable('unanswered').set({ status }).where('id', 'in', ids.slice(start, start + IDS_PER_STATEMENT)).where('status', '=', 'open').execute();
      }
    },
    async dismiss(keys, example, actor) {
      const at = now().toISOString();
      // Four columns a row: 20 rows stay well inside D1's 100 parameters.
      for (let start = 0; start < keys.length; start += 20) {
        const rows = keys.slice(start, start + 20).map((key) => ({ key, example, dismissed_by: actor, dismissed_at: at }));
        await db.insertInto('unanswered_dismissals').values(rows).onConflict((oc) => oc.column('key').doNothing()).execute();
      }
    },
    async dismissals() {
      const rows = await db.selectFrom('unanswered_dismissals').selectAll().orderBy('dismissed_at', 'desc').execute();
      return rows.map((r) => ({ key: r.key, example: r.example, dismissedBy: r.dismissed_by, dismissedAt: r.dismissed_at }));
    },
  };
}
