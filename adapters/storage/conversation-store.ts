import { timeOrderedId } from '../../bot/ordered-id.ts';
import type { Kysely } from 'kysely';
import type { ChannelId } from '../../bot/types.ts';
import type { ConversationState, ConversationStore, LogEntry } from '../../bot/conversation-store.ts';
import { newConversationId } from '../../bot/opaque-id.ts';
import type { Database } from './schema.ts';

// D1 binds at most 100 parameters per statement; a transcript row has 8 columns.
const LOG_ROWS_PER_INSERT = 12;

export function createConversationStore(db: Kysely<Database>, now: () => Date = () => new Date()): ConversationStore {
  /** Inserts the conversation unless (channel, user) has one; a concurrent first message lands on the same row. */
  async function ensure(channel: ChannelId, userId: string, provider: string | null, inboundAt: string | null): Promise<void> {
    const at = now().toISOString();
    await db
      .insertInto('conversations')
      .values({
        id: newConversationId(),
        channel,
        user_id: userId,
        state_json: '{}',
        last_label: null,
        needs_staff: 0,
        provider,
        last_inbound_at: inboundAt,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(['channel', 'user_id']).doNothing())
      .execute();
  }

  async function row(channel: ChannelId, userId: string) {
    return db.selectFrom('conversations').selectAll().where('channel', '=', channel).where('user_id', '=', userId).executeTakeFirst();
  }

  async function existing(channel: ChannelId, userId: string) {
    const found = await row(channel, userId);
    if (found !== undefined) return found;
    await ensure(channel, userId, null, null);
    const created = await row(channel, userId);
    if (created === undefined) throw new Error('conversation row vanished right after it was written');
    return created;
  }

  return {
    async idFor(channel, userId) {
      return (await existing(channel, userId)).id;
    },
    async load(channel, userId) {
      const found = await existing(channel, userId);
      return {
        id: found.id,
        channel,
        userId,
        state: JSON.parse(found.state_json) as ConversationState,
        needsStaff: found.needs_staff === 1,
        version: Number(found.version),
      };
    },
    async save(conversation, state, needsStaff = false) {
      // load() created the row: saving is an update of that row only, and only of the version that was loaded.
      const stateJson = JSON.stringify(state);
      const result = await db
        .updateTable('conversations')
        .set((eb) => ({
          state_json: stateJson,
          last_label: state.lastLabel ?? null,
          updated_at: now().toISOString(),
          version: eb('version', '+', 1),
          ...(needsStaff ? { needs_staff: 1 } : {}),
        }))
        .where('id', '=', conversation.id)
        .where('version', '=', conversation.version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1 ? 'saved' : 'conflict';
    },
    async recordInbound(channel, userId, provider, at) {
      const stamp = at.toISOString();
      await ensure(channel, userId, provider, stamp);
      await db.updateTable('conversations').set({ provider, last_inbound_at: stamp }).where('channel', '=', channel).where('user_id', '=', userId).execute();
    },
    async lastInbound(id) {
      const row = await db.selectFrom('conversations').select(['provider', 'last_inbound_at']).where('id', '=', id).executeTakeFirst();
      if (row === undefined) return undefined;
      return { provider: row.provider, at: row.last_inbound_at === null ? null : new Date(row.last_inbound_at) };
    },
    async transcript(id, limit = 50) {
      const rows = await db
        .selectFrom('message_log')
        .select(['direction', 'kind', 'text', 'label', 'created_at'])
        .where('conversation_id', '=', id)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.reverse().map((r) => ({ direction: r.direction, kind: r.kind, text: r.text, label: r.label, at: r.created_at }));
    },
    async log(entry) {
      const entries: readonly LogEntry[] = 'conversationId' in entry ? [entry as LogEntry] : (entry as readonly LogEntry[]);
      const at = now().toISOString();
      const rows = entries.map((e) => ({
        id: timeOrderedId(),
        conversation_id: e.conversationId,
        direction: e.direction,
        kind: e.kind,
        text: e.text,
        label: e.label ?? null,
        score: e.score ?? null,
        created_at: at,
      }));
      for (let start = 0; start < rows.length; start += LOG_ROWS_PER_INSERT) {
        await db.insertInto('message_log').values(rows.slice(start, start + LOG_ROWS_PER_INSERT)).execute();
      }
    },
  };
}
