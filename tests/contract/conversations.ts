import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createConversationStore } from '../../adapters/storage/conversation-store.ts';
import { createUnansweredStore } from '../../adapters/storage/unanswered-store.ts';
import type { StoreHarness } from './harness.ts';

/** Conversations (ids, state with its version check, inbound stamps, transcript) and unanswered questions. */
export function conversationContract(harness: () => StoreHarness): void {
  test('idFor gives one opaque id per channel and user, also when two instances ask at once for a new resident', async () => {
    const store = await harness().fresh();
    const one = createConversationStore(store.db);
    const two = createConversationStore(store.another());
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? one : two).idFor('sms', '+84909000111')));
    assert.equal(new Set(ids).size, 1);
    assert.match(ids[0]!, /^c_[0-9a-f]{24}$/);
    assert.notEqual(await one.idFor('zalo', '+84909000111'), ids[0]);
    const rows = await store.db.selectFrom('conversations').select('id').where('user_id', '=', '+84909000111').execute();
    assert.equal(rows.length, 2);
  });

  test('state round-trips; save is a compare-and-set on the version that was loaded', async () => {
    const store = await harness().fresh();
    const conversations = createConversationStore(store.db);
    const first = await conversations.load('webchat', 'u-1');
    assert.deepEqual(first.state, {});
    assert.equal(first.version, 0);
    const stale = await createConversationStore(store.another()).load('webchat', 'u-1');
    assert.equal(await conversations.save(first, { lastLabel: 'kb:khai-sinh', pending: { options: [{ value: 'kb:a', title: 'Đăng ký khai sinh' }], askedAt: '2026-01-01T00:00:00.000Z' } }), 'saved');
    const second = await conversations.load('webchat', 'u-1');
    assert.equal(second.version, 1);
    assert.equal(second.state.lastLabel, 'kb:khai-sinh');
    assert.equal(second.state.pending?.options[0]?.title, 'Đăng ký khai sinh');
    // The other instance loaded version 0: its save must not overwrite what was saved since.
    assert.equal(await createConversationStore(store.another()).save(stale, { lastLabel: 'intent:help' }), 'conflict');
    assert.equal((await conversations.load('webchat', 'u-1')).state.lastLabel, 'kb:khai-sinh');
    assert.equal(await conversations.save(second, {}, true), 'saved');
    const third = await conversations.load('webchat', 'u-1');
    assert.equal(third.needsStaff, true);
    assert.equal(third.version, 2);
    const row = await store.db.selectFrom('conversations').select(['last_label', 'needs_staff']).where('id', '=', third.id).executeTakeFirstOrThrow();
    assert.equal(row.last_label, null);
    assert.equal(row.needs_staff, 1);
  });

  test('of two saves racing from the same version exactly one wins', async () => {
    const store = await harness().fresh();
    const one = createConversationStore(store.db);
    const two = createConversationStore(store.another());
    const loaded = await one.load('telegram', '42');
    const outcomes = await Promise.all([one.save(loaded, { lastLabel: 'a' }), two.save(loaded, { lastLabel: 'b' })]);
    assert.deepEqual([...outcomes].sort(), ['conflict', 'saved']);
    assert.equal((await one.load('telegram', '42')).state.lastLabel, outcomes[0] === 'saved' ? 'a' : 'b');
  });

  test('recordInbound creates or updates; lastInbound reads it back by id', async () => {
    const store = await harness().fresh();
    const conversations = createConversationStore(store.db);
    const at = new Date('2026-03-01T01:02:03.456Z');
    await conversations.recordInbound('zalo', 'z-1', 'zalo', at);
    const id = await conversations.idFor('zalo', 'z-1');
    assert.deepEqual(await conversations.lastInbound(id), { provider: 'zalo', at });
    const later = new Date('2026-03-02T00:00:00.000Z');
    await conversations.recordInbound('zalo', 'z-1', 'zalo', later);
    assert.deepEqual(await conversations.lastInbound(id), { provider: 'zalo', at: later });
    assert.equal(await conversations.lastInbound('c_000000000000000000000000'), undefined);
  });

  test('the transcript keeps order, Vietnamese text and scores exactly; NUL characters are dropped, not refused', async () => {
    const store = await harness().fresh();
    let clock = Date.parse('2026-04-01T00:00:00.000Z');
    const conversations = createConversationStore(store.db, () => new Date((clock += 1000)));
    const id = await conversations.idFor('webchat', 'u-log');
    await conversations.log({ conversationId: id, direction: 'in', kind: 'text', text: 'Đăng ký kết hôn ở đâu\u0000?' });
    await conversations.log({ conversationId: id, direction: 'out', kind: 'text', text: 'Ở UBND xã', label: 'kb:ket-hon', score: 0.8765432109876 });
    const transcript = await conversations.transcript(id);
    assert.deepEqual(transcript.map((t) => [t.direction, t.text, t.label]), [['in', 'Đăng ký kết hôn ở đâu?', null], ['out', 'Ở UBND xã', 'kb:ket-hon']]);
    const scored = await store.db.selectFrom('message_log').select('score').where('label', '=', 'kb:ket-hon').executeTakeFirstOrThrow();
    assert.equal(scored.score, 0.8765432109876);
    assert.deepEqual((await conversations.transcript(id, 1)).map((t) => t.direction), ['out'], 'the limit keeps the newest');
  });

  test('unanswered questions: newest first, only open ones, scores exact', async () => {
    const store = await harness().fresh();
    let clock = Date.parse('2026-05-01T00:00:00.000Z');
    const unanswered = createUnansweredStore(store.db, () => new Date((clock += 1000)));
    await unanswered.record({ conversationId: 'c_1', channel: 'sms', text: 'hoi ve dat dai', reason: 'not-understood', bestLabel: 'kb:dat', bestScore: 0.123456789012 });
    await unanswered.record({ conversationId: 'c_2', channel: 'zalo', text: 'thoi tiet\u0000 mai', reason: 'out-of-scope', bestLabel: null, bestScore: null });
    const open = await unanswered.listOpen();
    assert.deepEqual(open.map((q) => [q.text, q.reason, q.bestScore, q.status]), [
      ['thoi tiet mai', 'out-of-scope', null, 'open'],
      ['hoi ve dat dai', 'not-understood', 0.123456789012, 'open'],
    ]);
    await store.db.updateTable('unanswered').set({ status: 'done' }).where('conversation_id', '=', 'c_2').execute();
    assert.deepEqual((await unanswered.listOpen(10)).map((q) => q.conversationId), ['c_1']);
  });
}
