import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createConversationStore } from '../../adapters/storage/conversation-store.ts';
import { portableDurableStep } from '../../adapters/storage/durable-step.ts';
import { createInbox } from '../../adapters/storage/inbox-store.ts';
import { createOutbox } from '../../adapters/storage/outbox-store.ts';
import type { NewOutboxItem } from '../../bot/outbox.ts';
import type { IncomingMessage } from '../../bot/types.ts';
import type { StoreHarness } from './harness.ts';

const message = (id: string, text = 'xin chào', userId = 'u-1'): IncomingMessage => ({
  kind: 'text',
  channel: 'telegram',
  userId,
  messageId: id,
  receivedAt: new Date('2026-06-01T00:00:00.000Z'),
  text,
});

const reply = (key: string, text: string, conversationId = 'c_1'): NewOutboxItem => ({
  key,
  conversationId,
  provider: 'telegram',
  userId: '42',
  replyTo: 'm-1',
  payload: { kind: 'text', text } as unknown as NewOutboxItem['payload'],
});

/** The inbox (accept once, leases, backlog) and the outbox (idempotent keys, claims, order, outcomes). */
export function deliveryContract(harness: () => StoreHarness): void {
  test('a message is accepted once, even when two instances receive the same delivery at once', async () => {
    const store = await harness().fresh();
    const one = createInbox(store.db);
    const two = createInbox(store.another());
    const results = await Promise.all([one.accept(message('m-1'), 'telegram', 'c_1'), two.accept(message('m-1'), 'telegram', 'c_1'), one.accept(message('m-1'), 'telegram', 'c_1')]);
    assert.deepEqual(results.filter(Boolean).length, 1);
    assert.equal(await one.backlog(), 1);
    await one.markHandled(message('m-1'));
    assert.equal(await one.backlog(), 0);
    assert.equal(await two.accept(message('m-1'), 'telegram', 'c_1'), false, 'a handled message stays known');
  });

  test('unhandled messages are claimed by one instance only, oldest first, and come back whole', async () => {
    const store = await harness().fresh();
    let clock = Date.parse('2026-06-01T00:00:00.000Z');
    const now = () => new Date(clock);
    const inbox = createInbox(store.db, now, 1000);
    for (let i = 1; i <= 6; i++) {
      clock += 10;
      await inbox.accept(message(`m-${i}`, `câu hỏi ${i}\u0000`), 'telegram', 'c_1');
    }
    assert.deepEqual(await inbox.claimUnhandled(10), [], 'accepting claims: nothing is free during the lease');
    clock += 5000;
    const [a, b] = await Promise.all([createInbox(store.db, now, 1000).claimUnhandled(10), createInbox(store.another(), now, 1000).claimUnhandled(10)]);
    const ids = [...a!, ...b!].map((c) => c.message.messageId);
    assert.equal(ids.length, 6, 'each message claimed exactly once');
    assert.equal(new Set(ids).size, 6);
    const first = [...a!, ...b!].find((c) => c.message.messageId === 'm-1')!;
    assert.equal(first.provider, 'telegram');
    // The payload is JSON, where a NUL is the escape \u0000: it survives on every dialect, and the bot cleans it.
    assert.equal(first.message.kind === 'text' ? first.message.text : '', 'câu hỏi 1\u0000');
    assert.ok(first.message.receivedAt instanceof Date);
    const oldestFirst = await (async () => {
      clock += 5000;
      return (await inbox.claimUnhandled(2)).map((c) => c.message.messageId);
    })();
    assert.deepEqual(oldestFirst, ['m-1', 'm-2']);
  });

  test('webhooks accepted together: one conversation per resident, each message new once, the newest "last wrote" kept', async () => {
    const store = await harness().fresh();
    const inbox = createInbox(store.db, () => new Date(), { durable: portableDurableStep(store.db) });
    const at = (iso: string, id: string, userId: string, text = 'x'): IncomingMessage => ({ ...message(id, text, userId), receivedAt: new Date(iso) });
    // Ids a driver may not give back as written: a lone surrogate (a user), a NUL (a message id).
    const odd = '\ud800x';
    const [a, b, sameAgain, older, strange] = await Promise.all([
      inbox.acceptAll([at('2026-06-01T00:00:02.000Z', 'm-a', 'u-1')], 'telegram'),
      inbox.acceptAll([at('2026-06-01T00:00:01.000Z', 'm-b', 'u-2')], 'telegram'),
      inbox.acceptAll([at('2026-06-01T00:00:02.000Z', 'm-a', 'u-1')], 'telegram'),
      inbox.acceptAll([at('2026-06-01T00:00:00.000Z', 'm-old', 'u-1')], 'telegram'),
      inbox.acceptAll([at('2026-06-01T00:00:03.000Z', 'm-\u0000odd', odd), at('2026-06-01T00:00:03.000Z', 'm-odd-2', odd)], 'telegram'),
    ]);
    assert.deepEqual([a, b, sameAgain, older, strange].map((r) => r!.map((x) => x.fresh)), [[true], [true], [false], [true], [true, true]]);
    const ids = [a, b, sameAgain, older, strange].map((r) => r![0]!.conversationId);
    assert.equal(ids[0], ids[2]);
    assert.equal(ids[0], ids[3]);
    assert.equal(new Set(ids).size, 3, 'three residents, three conversations');
    assert.equal(strange![0]!.conversationId, strange![1]!.conversationId);
    assert.equal(await inbox.backlog(), 5);

    const again = await inbox.acceptAll([at('2026-06-01T00:00:01.000Z', 'm-b', 'u-2'), at('2026-06-01T00:00:03.000Z', 'm-\u0000odd', odd)], 'telegram');
    assert.deepEqual(again.map((x) => x.fresh), [false, false], 'a platform\'s retry is acknowledged, not stored again');
    assert.deepEqual(again.map((x) => x.conversationId), [ids[1], ids[4]]);
    const conversations = createConversationStore(store.db);
    assert.equal((await conversations.lastInbound(ids[0]!))?.at?.toISOString(), '2026-06-01T00:00:02.000Z', 'an older message does not move it back');
    assert.equal(await conversations.idFor('telegram', 'u-1'), ids[0]);
    assert.equal(await conversations.idFor('telegram', odd), ids[4]);
  });

  test('outbox: a key is stored once; forInbound, pending and list read it back in order', async () => {
    const store = await harness().fresh();
    const outbox = createOutbox(store.db);
    assert.equal(await outbox.enqueue([reply('k-1', 'một'), reply('k-2', 'hai')]), 2);
    assert.equal(await outbox.enqueue([reply('k-1', 'một')]), 0, 'a repeat of a key is ignored');
    assert.equal(await createOutbox(store.another()).enqueue([reply('k-2', 'hai'), reply('k-3', 'ba')]), 1);
    const answer = await outbox.forInbound('telegram', 'm-1');
    assert.deepEqual(answer.map((i) => (i.payload as unknown as { text: string }).text), ['một', 'hai', 'ba']);
    assert.deepEqual((await outbox.pending(10)).map((i) => i.key), ['k-1', 'k-2', 'k-3']);
    assert.equal((await outbox.list('pending')).length, 3);
    assert.equal(answer[0]!.attempts, 0);
  });

  test('outbox: one claim wins; a later message waits for the earlier one of its conversation; outcomes are kept', async () => {
    const store = await harness().fresh();
    const outbox = createOutbox(store.db);
    const other = createOutbox(store.another());
    await outbox.enqueue([reply('k-1', 'trước'), reply('k-2', 'sau'), reply('k-3', 'khác', 'c_2')]);
    const [first, second, third] = await outbox.pending(10);
    const lease = new Date(Date.now() + 60_000);
    assert.equal(await outbox.claim(second!.id, lease), false, 'not before the earlier message of its conversation');
    const wins = await Promise.all([outbox.claim(first!.id, lease), other.claim(first!.id, lease)]);
    assert.deepEqual(wins.filter(Boolean).length, 1, 'two instances never both send one message');
    assert.equal(await other.claim(third!.id, lease), true, 'another conversation is not held up');
    await outbox.markSent(first!.id, 'provider-77');
    assert.equal(await outbox.claim(second!.id, lease), true, 'once the earlier is sent the next may go');
    await outbox.retryLater(second!.id, 1, new Date(Date.now() + 3_600_000), 'HTTP 502');
    await outbox.markDead(third!.id, 6, 'blocked by user');
    assert.deepEqual((await outbox.list('sent')).map((i) => [i.key, i.attempts]), [['k-1', 1]]);
    const waiting = (await outbox.list('pending'))[0]!;
    assert.deepEqual([waiting.key, waiting.attempts, waiting.lastError], ['k-2', 1, 'HTTP 502']);
    assert.equal(await outbox.claim(second!.id, lease), false, 'not before its next attempt is due');
    assert.deepEqual((await outbox.list('dead')).map((i) => i.lastError), ['blocked by user']);
    // The resident wrote: what waits in their conversation falls due now (held for them, or backing off); others do not.
    await outbox.enqueue([reply('k-4', 'chờ', 'c_3')]);
    const [fourth] = (await outbox.pending(10)).filter((i) => i.key === 'k-4');
    await outbox.retryLater(fourth!.id, 1, new Date(Date.now() + 3_600_000), 'waiting for the resident');
    assert.equal(await other.resume('c_1'), 1);
    assert.equal(await outbox.claim(second!.id, lease), true, 'due once resumed');
    assert.equal(await outbox.claim(fourth!.id, lease), false, 'another conversation still waits');
    assert.equal(await outbox.resume('c_2'), 0, 'nothing unfinished there');
  });

  test('outbox: what one report\'s updates became, by key prefix (a longer code with the same start is not it)', async () => {
    const store = await harness().fresh();
    const outbox = createOutbox(store.db);
    await outbox.enqueue([reply('report:PA1:e1:c_1:0', 'một'), reply('report:PA12:e2:c_1:0', 'khác'), reply('report:PA1:e3:c_2:0', 'hai', 'c_2'), reply('other:0', 'x')]);
    assert.deepEqual((await outbox.withKeyPrefix('report:PA1:')).map((i) => i.key), ['report:PA1:e1:c_1:0', 'report:PA1:e3:c_2:0']);
    await assert.rejects(outbox.withKeyPrefix('report:%'), /letters, digits/);
  });

  test('outbox: replies and the inbox "handled" mark land together', async () => {
    const store = await harness().fresh();
    const inbox = createInbox(store.db);
    const outbox = createOutbox(store.db);
    await inbox.accept(message('m-9'), 'telegram', 'c_1');
    const many = Array.from({ length: 9 }, (_, i) => reply(`k9-${i}`, `phần ${i}`));
    assert.equal(await outbox.enqueue(many, 'pending', { channel: 'telegram', messageId: 'm-9' }), 9);
    assert.equal(await inbox.backlog(), 0);
    assert.equal((await outbox.pending(20)).length, 9);
  });
}
