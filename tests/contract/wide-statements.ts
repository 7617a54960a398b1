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
