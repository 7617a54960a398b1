import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createReportStore } from '../../adapters/storage/report-store.ts';
import { createInbox } from '../../adapters/storage/inbox-store.ts';
import { createOutbox } from '../../adapters/storage/outbox-store.ts';
import type { NewOutboxItem } from '../../bot/outbox.ts';
import type { StoreHarness } from './harness.ts';

const phone = (i: number) => `+849000${String(i).padStart(5, '0')}`;

/**
 * Statements wider than D1's 100 bound parameters behave as one statement on every dialect: on D1 the dialect
 * (adapters/storage/d1-dialect.ts) binds a long IN list as one JSON parameter and splits a long multi-row INSERT
 * into one atomic batch; SQLite and PostgreSQL run them as they are.
 */
export function wideStatementsContract(harness: () => StoreHarness): void {
  test('1,000 ids in one IN list (Open311 lookups) and in a NOT IN list', async () => {
    const store = await harness().fresh();
    const reports = createReportStore(store.db);
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await reports.create({ category: 'khac', description: `r${i}`, source: 'chat' }, 'r'));
    const decoys = Array.from({ length: 1000 }, (_, i) => `PX${String(i).padStart(4, '0')}`);
    const found = await reports.list({ codes: [...decoys.slice(0, 998), made[0]!.code, made[2]!.code] });
    assert.deepEqual(found.map((r) => r.code).sort(), [made[0]!.code, made[2]!.code].sort());
    const rest = await store.db.selectFrom('reports').select('code').where('code', 'not in', [...decoys, made[1]!.code]).execute();
    assert.deepEqual(rest.map((r) => r.code).sort(), [made[0]!.code, made[2]!.code].sort());
  });

  test('a multi-row INSERT past 100 parameters lands whole, or not at all when one row fails', async () => {
    const store = await harness().fresh();
    const at = new Date('2026-06-01T00:00:00.000Z').toISOString();
    const rows = Array.from({ length: 120 }, (_, i) => ({ phone: phone(i), opted_out_at: at }));
    const inserted = await store.db.insertInto('sms_opt_outs').values(rows).executeTakeFirst();
    assert.equal(Number(inserted.numInsertedOrUpdatedRows), 120);
    // 120 new rows, then one that repeats a phone stored above: the statement fails, and none of its rows stay.
    const more = [...Array.from({ length: 120 }, (_, i) => ({ phone: phone(1000 + i), opted_out_at: at })), { phone: phone(5), opted_out_at: at }];
    await assert.rejects(store.db.insertInto('sms_opt_outs').values(more).execute(), /UNIQUE|duplicate|constraint/i);
    const count = await store.db.selectFrom('sms_opt_outs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 120);
  });

  test('webhooks of 12 and of 3 messages are accepted whole: each message once, each resident one conversation', async () => {
    const store = await harness().fresh();
    const inbox = createInbox(store.db);
    // 12 messages of 6 residents (10 values a conversation row, 9 an inbox row: past D1's 100 and past the row
    // counts whose statements are compiled once), then 3 of which one repeats and one is a known resident's.
    const text = (i: number, user: number) => ({ kind: 'text', channel: 'telegram', userId: `wide-${user}`, messageId: `wide-m${i}`, receivedAt: new Date(Date.UTC(2026, 5, 1, 0, 0, i)), text: `tin ${i}` }) as const;
    const first = await inbox.acceptAll(Array.from({ length: 12 }, (_, i) => text(i, i % 6)), 'telegram');
    assert.deepEqual(first.map((a) => a.fresh), Array(12).fill(true));
    const second = await inbox.acceptAll([text(11, 5), text(12, 0), text(13, 7)], 'telegram');
    assert.deepEqual(second.map((a) => a.fresh), [false, true, true]);
    const byUser = new Map<string, Set<string>>();
    for (const a of [...first, ...second]) byUser.set(a.message.userId, (byUser.get(a.message.userId) ?? new Set()).add(a.conversationId));
    assert.equal(byUser.size, 7);
    for (const ids of byUser.values()) assert.equal(ids.size, 1);
    const stored = await store.db.selectFrom('inbox').select(['message_id', 'conversation_id']).execute();
    assert.equal(stored.length, 14);
    const conversations = await store.db.selectFrom('conversations').select(['id', 'user_id', 'last_inbound_at']).execute();
    assert.equal(conversations.length, 7);
    // The newest message of each resident is when they last wrote (resident 0: message 12, in the second webhook).
    assert.equal(conversations.find((c) => c.user_id === 'wide-0')?.last_inbound_at, new Date(Date.UTC(2026, 5, 1, 0, 0, 12)).toISOString());
    // Each stored row names its resident's conversation, as the accept step told the caller.
    const told = new Map([...first, ...second].map((a) => [a.message.messageId, a.conversationId]));
    for (const row of stored) assert.equal(row.conversation_id, told.get(row.message_id));
  });

  test('a long answer (30 replies) and its inbox "handled" mark land together', async () => {
    const store = await harness().fresh();
    const inbox = createInbox(store.db);
    const outbox = createOutbox(store.db);
    const message = { kind: 'text', channel: 'telegram', userId: 'u-30', messageId: 'm-30', receivedAt: new Date(), text: 'x' } as const;
    await inbox.accept(message, 'telegram', 'c_30');
    const replies: NewOutboxItem[] = Array.from({ length: 30 }, (_, i) => ({
      key: `k30-${i}`, conversationId: 'c_30', provider: 'telegram', userId: 'u-30', replyTo: 'm-30',
      payload: { kind: 'text', text: `phần ${i}` } as unknown as NewOutboxItem['payload'],
    }));
    assert.equal(await outbox.enqueue(replies, 'pending', { channel: 'telegram', messageId: 'm-30' }), 30);
    assert.equal(await inbox.backlog(), 0);
    assert.deepEqual((await outbox.forInbound('telegram', 'm-30')).map((i) => i.key), replies.map((r) => r.key));
  });
}
