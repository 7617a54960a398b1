import type { Kysely, Selectable } from 'kysely';
import type { Handoff, HandoffStatus, HandoffStore } from '../../bot/handoffs.ts';
import type { ChannelId } from '../../bot/types.ts';
import type { Database, HandoffTable } from './schema.ts';

function fromRow(row: Selectable<HandoffTable>): Handoff {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    channel: row.channel as ChannelId,
    status: row.status as HandoffStatus,
    requestedAt: row.requested_at,
    outOfHours: Number(row.out_of_hours) === 1,
    takenAt: row.taken_at,
    takenBy: row.taken_by,
    firstReplyAt: row.first_reply_at,
    firstReplySeconds: row.first_reply_seconds === null ? null : Number(row.first_reply_seconds),
    replies: Number(row.replies),
    noticeAt: row.notice_at,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
  };
}

/** The hand-off queue on Kysely: every write one statement, safe to repeat (D1 has no interactive transactions). */
export function createHandoffStore(db: Kysely<Database>): HandoffStore {
  const openFor = async (conversationId: string) => {
    const row = await db.selectFrom('handoffs').selectAll().where('open_key', '=', conversationId).executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  };

  return {
    async open(request) {
      const at = request.at.toISOString();
      const result = await db
        .insertInto('handoffs')
        .values({
          id: crypto.randomUUID(),
          conversation_id: request.conversationId,
          channel: request.channel,
          open_key: request.conversationId,
          status: 'waiting',
          requested_at: at,
          out_of_hours: request.outOfHours ? 1 : 0,
          taken_at: null,
          taken_by: null,
          first_reply_at: null,
          first_reply_seconds: null,
          replies: 0,
          notice_at: null,
          closed_at: null,
          closed_by: null,
          updated_at: at,
        })
        .onConflict((oc) => oc.column('open_key').doNothing())
        .executeTakeFirst();
      const handoff = await openFor(request.conversationId);
      if (handoff === undefined) throw new Error('hand-off row vanished right after it was written');
      return { handoff, created: Number(result.numInsertedOrUpdatedRows ?? 0) === 1 };
    },
    async get(id) {
      const row = await db.selectFrom('handoffs').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },
    openFor,
    async list({ status, limit = 200 }) {
      let query = db.selectFrom('handoffs').selectAll();
      query = status === 'open'
        ? query.where('status', 'in', ['waiting', 'held']).orderBy('status', 'desc').orderBy('requested_at', 'asc')
        : query.where('status', '=', 'closed').orderBy('closed_at', 'desc');
      return (await query.limit(limit).execute()).map(fromRow);
    },
    async countWaiting() {
      const row = await db.selectFrom('handoffs').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'waiting').executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async take(id, actor, at) {
      const stamp = at.toISOString();
      const result = await db
        .updateTable('handoffs')
        .set((eb) => ({ status: 'held', taken_by: actor, taken_at: eb.fn.coalesce('taken_at', eb.val(stamp)), updated_at: stamp }))
        .where('id', '=', id)
        .where('status', 'in', ['waiting', 'held'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async recordReply(id, at) {
      const row = await db.selectFrom('handoffs').select('requested_at').where('id', '=', id).executeTakeFirst();
      if (row === undefined) return;
      const stamp = at.toISOString();
      const seconds = Math.max(0, Math.round((at.getTime() - Date.parse(row.requested_at)) / 1000));
      // The first reply's stamps are written only while empty: a later reply counts, it does not move them.
      await db
        .updateTable('handoffs')
        .set((eb) => ({
          replies: eb('replies', '+', 1),
          first_reply_at: eb.fn.coalesce('first_reply_at', eb.val(stamp)),
          first_reply_seconds: eb.fn.coalesce('first_reply_seconds', eb.val(seconds)),
          updated_at: stamp,
        }))
        .where('id', '=', id)
        .execute();
    },
    async close(id, actor, at) {
      const stamp = at.toISOString();
      const row = await db.selectFrom('handoffs').select('conversation_id').where('id', '=', id).executeTakeFirst();
      const result = await db
        .updateTable('handoffs')
        .set({ status: 'closed', open_key: null, closed_at: stamp, closed_by: actor, updated_at: stamp })
        .where('id', '=', id)
        .where('status', 'in', ['waiting', 'held'])
        .executeTakeFirst();
      if (row !== undefined) await db.updateTable('conversations').set({ needs_staff: 0 }).where('id', '=', row.conversation_id).execute();
      return Number(result.numUpdatedRows) === 1;
    },
    async waitingUnnoticed(before, limit) {
      const rows = await db
        .selectFrom('handoffs')
        .selectAll()
        .where('status', '=', 'waiting')
        .where('notice_at', 'is', null)
        .where('requested_at', '<=', before.toISOString())
        .orderBy('requested_at')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
    async recipient(conversationId) {
      const row = await db.selectFrom('conversations').select(['channel', 'user_id']).where('id', '=', conversationId).executeTakeFirst();
      return row === undefined ? undefined : { channel: row.channel as ChannelId, userId: row.user_id };
    },
    async markNoticed(id, at) {
      const result = await db.updateTable('handoffs').set({ notice_at: at.toISOString() }).where('id', '=', id).where('notice_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
