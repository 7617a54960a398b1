import type { Kysely } from 'kysely';
import type { ContinuationStore } from '../../bot/continuation-store.ts';
import type { OutboundPayload } from '../../bot/ports/channel.ts';
import type { Database } from './schema.ts';

/**
 * One row per held page. Taking a page is a single DELETE ... RETURNING of the lowest page number, so two "THEM"
 * arriving together get two different pages, with no interactive transaction (D1 has none).
 */
export function createContinuationStore(db: Kysely<Database>, now: () => Date = () => new Date()): ContinuationStore {
  return {
    async hold(conversationId, pages) {
      await db.deleteFrom('continuation_pages').where('conversation_id', '=', conversationId).execute();
      if (pages.length === 0) return;
      const heldAt = now().toISOString();
      await db
        .insertInto('continuation_pages')
        .values(pages.map((page, seq) => ({ conversation_id: conversationId, seq, payload_json: JSON.stringify(page), held_at: heldAt })))
        .execute();
    },
    async next(conversationId, notBefore) {
      const row = await db
        .deleteFrom('continuation_pages')
        .where('conversation_id', '=', conversationId)
        .where('held_at', '>=', notBefore.toISOString())
        .where('seq', '=', (eb) => eb.selectFrom('continuation_pages').select((s) => s.fn.min('seq').as('first')).where('conversation_id', '=', conversationId))
        .returning('payload_json')
        .executeTakeFirst();
      return row === undefined ? undefined : (JSON.parse(row.payload_json) as OutboundPayload);
    },
  };
}
