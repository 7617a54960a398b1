import type { Compilable, Insertable, Kysely } from 'kysely';
import type { Accepted } from '../../bot/inbox.ts';
import { newConversationIds } from '../../bot/opaque-id.ts';
import type { IncomingMessage } from '../../bot/types.ts';
import { fixedShape } from './fixed-shape-query.ts';
import type { ConversationTable, Database, InboxTable } from './schema.ts';

/** The messages of one webhook request and the provider that sent them. */
export interface AcceptRequest {
  readonly messages: readonly IncomingMessage[];
  readonly provider: string;
}

/** The times the accept step writes: when the rows were stored and until when the accepting process holds them. */
export interface AcceptTimes {
  readonly storedAt: string;
  readonly claimedUntil: string;
}

/** The message as the inbox keeps it for handling (and handling again after a crash). */
export const storedPayload = (message: IncomingMessage): string => JSON.stringify({ ...message, receivedAt: message.receivedAt.toISOString() });

/** Lone surrogates (drivers write them each their own way) and NUL (removed before any write: strip-nul.ts). */
const ALTERED_ON_WRITE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\u0000/;

/**
 * Runs `write` (a multi-row INSERT ... RETURNING) for `rows` and tells which returned row belongs to which given
 * row. A returned row is matched by the key it reads back with, which is only the key it was written with when
 * its text survives the round trip; a row whose key may not (a lone surrogate, a NUL) is written by a statement
 * of its own, whose only returned row is its own.
 */
async function writeMatched<R, B>(rows: readonly R[], keyOf: (row: R) => readonly string[], write: (rows: readonly R[]) => Promise<readonly B[]>, keyBack: (row: B) => readonly string[]): Promise<Map<string, B>> {
  const key = (parts: readonly string[]): string => parts.join(':');
  const altered = (row: R): boolean => keyOf(row).some((part) => ALTERED_ON_WRITE.test(part));
  const exact = rows.filter((row) => !altered(row));
  const matched = new Map<string, B>();
  if (exact.length > 0) for (const back of await write(exact)) matched.set(key(keyBack(back)), back);
  for (const row of rows.filter(altered)) {
    const [back] = await write([row]);
    if (back !== undefined) matched.set(key(keyOf(row)), back);
  }
  return matched;
}

// Channel ids contain no ':', so these keys cannot collide.
const userKey = (channel: string, userId: string): string => `${channel}:${userId}`;
const messageKey = (channel: string, messageId: string): string => `${channel}:${messageId}`;

/**
 * The accept step of several webhook requests in two statements, whatever their number of messages: one upsert
 * of their conversations (created on first contact; the provider and time of the newest message kept as when the
 * resident last wrote) returning every id, then one insert of the inbox rows returning the ones that were new.
 * Both statements are idempotent, so where the step is not one transaction (D1) a repeat completes it. A message
 * given twice (within the batch or stored before) is new only the first time.
 */
export async function acceptRequests(q: Kysely<Database>, statements: AcceptStatements, requests: readonly AcceptRequest[], times: AcceptTimes): Promise<Accepted[][]> {
  const conversationIds = await upsertConversations(q, statements, requests, times.storedAt);
  const conversationOf = (message: IncomingMessage): string => {
    const id = conversationIds.get(userKey(message.channel, message.userId));
    if (id === undefined) throw new Error('the conversation upsert returned no row for a message of the batch');
    return id;
  };

  const rows = new Map<string, InboxRow>();
  for (const { messages, provider } of requests) {
    for (const message of messages) {
      const key = messageKey(message.channel, message.messageId);
      if (rows.has(key)) continue;
      rows.set(key, {
        channel: message.channel,
        message_id: message.messageId,
        conversation_id: conversationOf(message),
        received_at: times.storedAt,
        payload_json: storedPayload(message),
        provider,
        handled_at: null,
        claimed_until: times.claimedUntil,
        attempts: 1,
      });
    }
  }
  const stored = await writeMatched(
    [...rows.values()],
    (row) => [row.channel, row.message_id],
    (part) => runInChunks<InboxRow, { channel: string; message_id: string }>(q, part, statements.insertInbox),
    (back) => [back.channel, back.message_id],
  );
  // Each new row is claimed by the first message that named it; a second one in the same batch is a repeat.
  const unclaimed = new Set(stored.keys());
  return requests.map(({ messages }) =>
    messages.map((message) => ({ message, fresh: unclaimed.delete(messageKey(message.channel, message.messageId)), conversationId: conversationOf(message) })));
}

/** One row per resident (the newest message of each decides what is kept); their conversation ids by user key. */
async function upsertConversations(q: Kysely<Database>, statements: AcceptStatements, requests: readonly AcceptRequest[], at: string): Promise<Map<string, string>> {
  const newest = new Map<string, { message: IncomingMessage; provider: string }>();
  for (const { messages, provider } of requests) {
    for (const message of messages) {
      const key = userKey(message.channel, message.userId);
      const seen = newest.get(key);
      if (seen === undefined || message.receivedAt > seen.message.receivedAt) newest.set(key, { message, provider });
    }
  }
  const ids = newConversationIds(newest.size);
  const rows = [...newest.values()].map(({ message, provider }, index) => ({
    id: ids[index] as string,
    channel: message.channel,
    user_id: message.userId,
    state_json: '{}',
    last_label: null,
    needs_staff: 0,
    provider,
    last_inbound_at: message.receivedAt.toISOString(),
    created_at: at,
    updated_at: at,
  }));
  const returned = await writeMatched(
    rows,
    (row) => [row.channel, row.user_id],
    (part) => runInChunks<ConversationRow, { id: string; channel: string; user_id: string }>(q, part, statements.upsertConversations),
    (back) => [back.channel, back.user_id],
  );
  return new Map([...returned].map(([key, row]) => [key, row.id]));
}

type InboxRow = Insertable<InboxTable> & { channel: string; message_id: string };
type ConversationRow = Insertable<ConversationTable> & { id: string; channel: string; user_id: string };

/**
 * Runs the statements `AcceptStatements` gives for these rows, COMPILED_ROWS rows at a time, on the step's connection
 * and returns their rows. A flood's larger groups would otherwise have both statements built and compiled by Kysely
 * (4-5% of the server's time in a flood); the chunks run in the same step (transaction or batch) as one would.
 */
async function runInChunks<Row, R>(q: Kysely<Database>, rows: readonly Row[], statement: (rows: readonly Row[]) => Compilable): Promise<R[]> {
  const back: R[] = [];
  for (let start = 0; start < rows.length; start += COMPILED_ROWS) {
    back.push(...(await q.executeQuery<R>(statement(rows.slice(start, start + COMPILED_ROWS)).compile())).rows);
  }
  return back;
}

/** The accept step's two statements for 1 to COMPILED_ROWS rows, as `acceptRequests` runs them (`runInChunks`). */
export interface AcceptStatements {
  upsertConversations(rows: readonly ConversationRow[]): Compilable;
  insertInbox(rows: readonly InboxRow[]): Compilable;
}

/**
 * Batches up to this many rows have their statement compiled once per row count (fixed-shape-query.ts); larger
 * ones run in chunks of this many (`runInChunks`). A webhook flood's groups are a few requests each (as many as
 * arrive during one commit), and building and compiling the two multi-row statements cost Kysely about 90 us a group, as much as
 * SQLite running them. Kept small also so each statement stays within D1's 100 bound values (10 a row), since
 * a precompiled statement cannot be split into smaller INSERTs as d1-dialect.ts splits a built one.
 */
const COMPILED_ROWS = 8;

const CONVERSATION_COLUMNS = ['id', 'channel', 'user_id', 'state_json', 'last_label', 'needs_staff', 'provider', 'last_inbound_at', 'created_at', 'updated_at'] as const;
const INBOX_COLUMNS = ['channel', 'message_id', 'conversation_id', 'received_at', 'payload_json', 'provider', 'handled_at', 'claimed_until', 'attempts'] as const;

/** The accept statements of one database (the compiled text is its dialect's). */
export function acceptStatements(db: Kysely<Database>): AcceptStatements {
  const upsert = (rows: readonly ConversationRow[]) =>
    db
      .insertInto('conversations')
      .values([...rows])
      .onConflict((oc) =>
        oc.columns(['channel', 'user_id']).doUpdateSet((eb) => {
          // A platform's late retry of an older message must not move "last wrote" back in time.
          const newer = eb.or([eb('conversations.last_inbound_at', 'is', null), eb('excluded.last_inbound_at', '>', eb.ref('conversations.last_inbound_at'))]);
          return {
            provider: eb.case().when(newer).then(eb.ref('excluded.provider')).else(eb.ref('conversations.provider')).end(),
            last_inbound_at: eb.case().when(newer).then(eb.ref('excluded.last_inbound_at')).else(eb.ref('conversations.last_inbound_at')).end(),
          };
        }))
      .returning(['id', 'channel', 'user_id']);
  const insert = (rows: readonly InboxRow[]) =>
    db.insertInto('inbox').values([...rows]).onConflict((oc) => oc.columns(['channel', 'message_id']).doNothing()).returning(['channel', 'message_id']);
  return {
    upsertConversations: compiledByRowCount(CONVERSATION_COLUMNS, upsert),
    insertInbox: compiledByRowCount(INBOX_COLUMNS, insert),
  };
}

/**
 * `build` for 1 to COMPILED_ROWS rows, its statement compiled once per row count: every column's value is a bound
 * placeholder, the same for every call of that count. More rows are the caller's to chunk (`runInChunks`).
 */
function compiledByRowCount<Row extends object>(columns: readonly (keyof Row & string)[], build: (rows: readonly Row[]) => Compilable): (rows: readonly Row[]) => Compilable {
  // The name each value is bound by, row by row (named once here, not for every call).
  const names = Array.from({ length: COMPILED_ROWS }, (_, row) => columns.map((column) => `${row}.${column}`));
  // shapes[n - 1] serves n rows.
  const shapes = names.map((_, index) => {
    const rowNames = names.slice(0, index + 1);
    return fixedShape(rowNames.flat(), (values) => build(rowNames.map((named) => Object.fromEntries(columns.map((column, c) => [column, values[named[c] as string]])) as Row)));
  });
  return (rows) => {
    const shape = shapes[rows.length - 1];
    if (shape === undefined) throw new Error(`accept statements take 1 to ${COMPILED_ROWS} rows, not ${rows.length}`);
    const values: Record<string, unknown> = {};
    rows.forEach((row, index) => {
      const named = names[index] as readonly string[];
      columns.forEach((column, c) => {
        values[named[c] as string] = row[column];
      });
    });
    return shape.compilable(values);
  };
}
