import type { Kysely } from 'kysely';
import type { ErasureCounts, PersonalDataStore } from '../../bot/personal-data.ts';
import type { Database } from './schema.ts';

/**
 * One resident's data, forgotten with portable Kysely: single statements keyed by the conversation (or, for the
 * web chat mailbox, by its user id), each idempotent, so a failure half-way is finished by asking again.
 *
 * What stays, and why:
 * - the conversations row, emptied (state, flags): it maps the channel's id to the opaque conversation id and
 *   holds the time of the last message, which Zalo's 48-hour reply window needs to deliver the answer itself;
 * - replies still waiting or being sent (the answer to this very request among them): stopping a send half-way
 *   is what the outbox exists to prevent; sent and dead ones are deleted;
 * - inbox keys (no content: payloads of handled messages are cleared), so a platform's late redelivery is still
 *   recognised and not answered twice;
 * - an SMS opt-out: it is the resident's own instruction not to be messaged;
 * - reports, anonymised: no link to the conversation, no contact details, the description's phone numbers and
 *   e-mail addresses hidden.
 */
export function createPersonalDataStore(db: Kysely<Database>, now: () => Date = () => new Date()): PersonalDataStore {
  const n = (result: { numDeletedRows?: bigint; numUpdatedRows?: bigint }): number => Number(result.numDeletedRows ?? result.numUpdatedRows ?? 0);

  return {
    async erase({ conversationId, channel, userId }, redact): Promise<ErasureCounts> {
      const stamp = now().toISOString();
      const messages = n(await db.deleteFrom('message_log').where('conversation_id', '=', conversationId).executeTakeFirst());
      const unanswered = n(await db.deleteFrom('unanswered').where('conversation_id', '=', conversationId).executeTakeFirst());
      const subscriptions = n(await db.deleteFrom('report_subscribers').where('conversation_id', '=', conversationId).executeTakeFirst());
      const pages = n(await db.deleteFrom('continuation_pages').where('conversation_id', '=', conversationId).executeTakeFirst());
      const mailbox = channel === 'webchat' ? n(await db.deleteFrom('webchat_mailbox').where('user_id', '=', userId).executeTakeFirst()) : 0;
      const outbox = n(await db.deleteFrom('outbox').where('conversation_id', '=', conversationId).where('status', 'in', ['sent', 'dead']).executeTakeFirst());
      await db.updateTable('inbox').set({ payload_json: null }).where('conversation_id', '=', conversationId).where('handled_at', 'is not', null).execute();
      // Hand-offs keep no text of their own (the transcript and operator replies were deleted above); an open one
      // is closed so no operator keeps answering a conversation whose history is gone.
      const handoffs = n(
        await db.updateTable('handoffs')
          .set({ status: 'closed', open_key: null, closed_at: stamp, closed_by: 'privacy-erasure', updated_at: stamp })
          .where('conversation_id', '=', conversationId)
          .where('status', 'in', ['waiting', 'held'])
          .executeTakeFirst(),
      );
      const reports = await db.selectFrom('reports').select(['code', 'description']).where('conversation_id', '=', conversationId).execute();
      for (const report of reports) {
        await db.updateTable('reports')
          .set({ conversation_id: null, reporter_contact_json: null, description: redact(report.description) })
          .where('code', '=', report.code)
          .execute();
      }
      // Version bumped: a turn of this conversation running meanwhile on another instance must not write its old state back.
      await db.updateTable('conversations')
        .set((eb) => ({ state_json: '{}', last_label: null, needs_staff: 0, updated_at: stamp, version: eb('version', '+', 1) }))
        .where('id', '=', conversationId)
        .execute();
      return { messages, unanswered, subscriptions, reports: reports.length, mailbox, pages, outbox, handoffs };
    },
  };
}
