import { timeOrderedId } from '../../bot/ordered-id.ts';
import { sql, type Kysely } from 'kysely';
import type { OutboundPayload } from '../../bot/ports/channel.ts';
import type { Outbox, OutboxItem } from '../../bot/outbox.ts';
import type { Database, OutboxTable } from './schema.ts';
import { D1_MAX_BOUND_PARAMETERS } from './d1-types.ts';
import { affectedRows, fixedShape } from './fixed-shape-query.ts';
import { markHandledStatement } from './inbox-store.ts';
import { writeBatch } from './write-batch.ts';

function fromRow(row: OutboxTable): OutboxItem {
  return {
    id: row.id,
    key: row.idempotency_key,
    conversationId: row.conversation_id,
    provider: row.provider,
    userId: row.user_id,
    replyTo: row.reply_to,
    payload: JSON.parse(row.payload_json) as OutboundPayload,
    status: row.status as OutboxItem['status'],
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}

/**
 * Rows one multi-row INSERT carries: D1 binds at most 100 parameters a statement, one per column of each row.
 * Counted from the row itself, so a column added later cannot push the statement past the limit.
 */
function rowsPerInsert(row: OutboxTable): number {
  return Math.floor(D1_MAX_BOUND_PARAMETERS / Object.keys(row).length);
}

/**
 * Unfinished (waiting or being sent), written as a literal so SQLite may use the partial indexes over
 * unfinished rows (migration 0016: its planner proves a partial index usable only from a term it can see).
 */
function isOpen(table: 'outbox' | 'o') {
  return sql<boolean>`${sql.ref(`${table}.status`)} in ('pending', 'sending')`;
}

/** True when a later message of the same conversation is still waiting or being sent. */
function hasLaterInConversation(table: 'outbox' | 'o') {
  const ref = (column: string) => sql.ref(`${table}.${column}`);
  return sql<number | boolean>`exists (select 1 from outbox as later where later.conversation_id = ${ref('conversation_id')} and later.status in ('pending', 'sending') and (later.created_at > ${ref('created_at')} or (later.created_at = ${ref('created_at')} and later.id > ${ref('id')})))`;
}

/** True when no older message of the same conversation is still waiting or being sent. */
function isHeadOfConversation(table: 'outbox' | 'o') {
  const ref = (column: string) => sql.ref(`${table}.${column}`);
  return sql<boolean>`not exists (select 1 from outbox as earlier where earlier.conversation_id = ${ref('conversation_id')} and earlier.status in ('pending', 'sending') and (earlier.created_at < ${ref('created_at')} or (earlier.created_at = ${ref('created_at')} and earlier.id < ${ref('id')})))`;
}

export function createOutbox(db: Kysely<Database>, now: () => Date = () => new Date()): Outbox {
  // Creation stamps strictly increase within a process, so the parts of one answer and two answers a
  // millisecond apart keep their order (ties would otherwise be broken by the random id).
  let lastStamp = 0;
  function stamp(): string {
    lastStamp = Math.max(now().getTime(), lastStamp + 1);
    return new Date(lastStamp).toISOString();
  }

  // The statements run for every send, built and compiled once (fixed-shape-query.ts).
  // The limit is written into the statement, one statement per limit (a lane always asks the same): bound as a
  // parameter, the same statement over the same five open rows took 88 us instead of 41 in better-sqlite3.
  const dueHeadsQueries = new Map<number, ReturnType<typeof dueHeadsQueryFor>>();
  const dueHeadsQueryFor = (limit: number) => fixedShape(['provider', 'at'], (v) =>
    db
      .selectFrom('outbox as o')
      .selectAll()
      .select(hasLaterInConversation('o').as('has_later'))
      .where('o.provider', '=', v.provider)
      .where(isOpen('o'))
      .where((eb) => eb.or([
        eb.and([eb('o.status', '=', 'pending'), eb('o.next_attempt_at', '<=', v.at)]),
        eb.and([eb('o.status', '=', 'sending'), eb('o.claimed_until', '<=', v.at)]),
      ]))
      .where(isHeadOfConversation('o'))
      .orderBy('o.created_at')
      .orderBy('o.id')
      .limit(sql.lit(limit)));
  const claimQuery = fixedShape(['id', 'lease', 'at'], (v) =>
    db
      .updateTable('outbox')
      .set({ status: 'sending', claimed_until: v.lease, updated_at: v.at })
      .where('id', '=', v.id)
      .where((eb) => eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', v.at)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<=', v.at)]),
      ]))
      .where(isHeadOfConversation('outbox')));
  const markSentQuery = fixedShape(['id', 'providerMessageId', 'at'], (v) =>
    db
      .updateTable('outbox')
      .set((eb) => ({ status: 'sent', attempts: eb('attempts', '+', 1), provider_message_id: v.providerMessageId, last_error: null, claimed_until: null, updated_at: v.at }))
      .where('id', '=', v.id));
  const handledQuery = fixedShape(['channel', 'messageId', 'at'], (v) => markHandledStatement(db, { channel: v.channel, messageId: v.messageId }, { toISOString: () => v.at } as Date, false));
  const failedQuery = fixedShape(['channel', 'messageId', 'at'], (v) => markHandledStatement(db, { channel: v.channel, messageId: v.messageId }, { toISOString: () => v.at } as Date, true));

  return {
    async enqueue(items, status = 'pending', answering) {
      const at = now();
      const rows = items.map((item) => {
        const created = stamp();
        return {
          id: timeOrderedId(),
          idempotency_key: item.key,
          conversation_id: item.conversationId,
          provider: item.provider,
          user_id: item.userId,
          reply_to: item.replyTo ?? null,
          payload_json: JSON.stringify(item.payload),
          status,
          attempts: status === 'sent' ? 1 : 0,
          next_attempt_at: at.toISOString(),
          last_error: null,
          provider_message_id: null,
          created_at: created,
          updated_at: at.toISOString(),
          claimed_until: null,
        };
      });
      const inserts = [];
      const perInsert = rows[0] === undefined ? 1 : rowsPerInsert(rows[0]);
      for (let start = 0; start < rows.length; start += perInsert) {
        inserts.push(db.insertInto('outbox').values(rows.slice(start, start + perInsert)).onConflict((oc) => oc.column('idempotency_key').doNothing()));
      }
      if (answering === undefined && inserts.length <= 1) {
        // One statement: its count tells how many were new.
        const result = inserts[0] === undefined ? undefined : await inserts[0].executeTakeFirst();
        return Number(result?.numInsertedOrUpdatedRows ?? 0);
      }
      const mark = answering === undefined ? [] : [(answering.failed === true ? failedQuery : handledQuery).compilable({ channel: answering.channel, messageId: answering.messageId, at: at.toISOString() })];
      await writeBatch(db, [...inserts, ...mark]);
      const stored = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', rows.length > 0 ? rows.map((r) => r.id) : ['']).executeTakeFirstOrThrow();
      return Number(stored.n);
    },
    async pending(limit) {
      const rows = await db.selectFrom('outbox').selectAll().where('status', 'in', ['pending', 'sending']).orderBy('created_at').orderBy('id').limit(limit).execute();
      return rows.map(fromRow);
    },
    async dueHeads(provider, limit) {
      const count = Math.max(1, Math.floor(limit));
      let query = dueHeadsQueries.get(count);
      if (query === undefined) dueHeadsQueries.set(count, (query = dueHeadsQueryFor(count)));
      const { rows } = await query.execute<OutboxTable & { has_later: number | boolean }>(db, { provider, at: now().toISOString() });
      return rows.map((row) => ({ ...fromRow(row), hasLater: Boolean(Number(row.has_later)) }));
    },
    async nextDue(provider) {
      const row = await db
        .selectFrom('outbox as o')
        .select(sql<string | null>`min(case when o.status = 'pending' then o.next_attempt_at else o.claimed_until end)`.as('next'))
        .where('o.provider', '=', provider)
        .where(isOpen('o'))
        .where(isHeadOfConversation('o'))
        .executeTakeFirst();
      return typeof row?.next === 'string' ? new Date(row.next) : undefined;
    },
    async claim(id, leaseUntil) {
      return affectedRows(await claimQuery.execute(db, { id, lease: leaseUntil.toISOString(), at: now().toISOString() })) > 0;
    },
    async markSent(id, providerMessageId) {
      await markSentQuery.execute(db, { id, providerMessageId: providerMessageId ?? null, at: now().toISOString() });
    },
    async retryLater(id, attempts, nextAttemptAt, error) {
      await db
        .updateTable('outbox')
        .set({ status: 'pending', attempts, next_attempt_at: nextAttemptAt.toISOString(), last_error: error, claimed_until: null, updated_at: now().toISOString() })
        .where('id', '=', id)
        .execute();
    },
    async markDead(id, attempts, error) {
      await db.updateTable('outbox').set({ status: 'dead', attempts, last_error: error, claimed_until: null, updated_at: now().toISOString() }).where('id', '=', id).execute();
    },
    async resume(conversationId) {
      const at = now().toISOString();
      const result = await db
        .updateTable('outbox')
        .set({ next_attempt_at: at, updated_at: at })
        .where('conversation_id', '=', conversationId)
        // The literal lets SQLite walk the conversation's unfinished rows (partial index outbox_open_conversation).
        .where(isOpen('outbox'))
        .where('status', '=', 'pending')
        .where('next_attempt_at', '>', at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows ?? 0);
    },
    async forInbound(provider, messageId) {
      const rows = await db.selectFrom('outbox').selectAll().where('provider', '=', provider).where('reply_to', '=', messageId).orderBy('created_at').orderBy('id').execute();
      return rows.map(fromRow);
    },
    async withKeyPrefix(prefix, limit = 200) {
      // Checked, so the prefix holds none of LIKE's wildcards and no escape clause is needed on any database.
      if (!/^[A-Za-z0-9:.-]+$/.test(prefix)) throw new Error('a key prefix holds letters, digits, ":", "." and "-" only');
      const rows = await db.selectFrom('outbox').selectAll().where('idempotency_key', 'like', `${prefix}%`).orderBy('created_at').orderBy('id').limit(limit).execute();
      return rows.map(fromRow);
    },
    async list(status, limit = 100) {
      const rows = await db.selectFrom('outbox').selectAll().where('status', '=', status).orderBy('created_at', 'desc').limit(limit).execute();
      return rows.map(fromRow);
    },
  };
}
