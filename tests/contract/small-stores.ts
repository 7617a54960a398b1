import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createContinuationStore } from '../../adapters/storage/continuation-store.ts';
import { createRetentionStore } from '../../adapters/storage/retention-store.ts';
import { createWebChatMailbox } from '../../adapters/storage/webchat-mailbox.ts';
import type { OutboundPayload } from '../../bot/ports/channel.ts';
import { createTokenStore } from '../../adapters/storage/token-store.ts';
import { createConversationStore } from '../../adapters/storage/conversation-store.ts';
import { createInbox } from '../../adapters/storage/inbox-store.ts';
import { createRateLimiter } from '../../adapters/storage/rate-limit-store.ts';
import { createSmsOptOuts } from '../../adapters/storage/sms-opt-out-store.ts';
import type { StoreHarness } from './harness.ts';

const page = (text: string) => ({ kind: 'text', text }) as unknown as OutboundPayload;

/** The single-table stores of the delivery path. */
export function smallStoresContract(harness: () => StoreHarness): void {
  test('SMS opt-outs: STOP twice is once, START undoes it', async () => {
    const store = await harness().fresh();
    const optOuts = createSmsOptOuts(store.db);
    await Promise.all([optOuts.optOut('+84909000333'), createSmsOptOuts(store.another()).optOut('+84909000333')]);
    assert.equal(await optOuts.isOptedOut('+84909000333'), true);
    assert.equal(await optOuts.isOptedOut('+84909000444'), false);
    await optOuts.optIn('+84909000333');
    assert.equal(await optOuts.isOptedOut('+84909000333'), false);
  });

  test('rate windows: the limit, one notice, then silence; a new window starts over; instances count together', async () => {
    const store = await harness().fresh();
    let clock = Date.parse('2026-08-01T00:00:00.000Z');
    const now = () => new Date(clock);
    const limiter = createRateLimiter(store.db, { limit: 3, windowMs: 60_000 }, now);
    const other = createRateLimiter(store.another(), { limit: 3, windowMs: 60_000 }, now);
    const first = await Promise.all([limiter.check('zalo:1'), other.check('zalo:1'), limiter.check('zalo:1')]);
    assert.deepEqual(first, ['allow', 'allow', 'allow']);
    const over = await Promise.all([limiter.check('zalo:1'), other.check('zalo:1')]);
    assert.deepEqual([...over].sort(), ['drop', 'notify'], 'exactly one notice, whichever instance gets there first');
    assert.equal(await limiter.check('zalo:2'), 'allow', 'other senders are not affected');
    clock += 61_000;
    assert.equal(await limiter.check('zalo:1'), 'allow');
  });

  test('channel tokens: seeding keeps a newer pair; one instance at a time may refresh', async () => {
    const store = await harness().fresh();
    let clock = Date.parse('2026-09-01T00:00:00.000Z');
    const now = () => new Date(clock);
    const tokens = createTokenStore(store.db, now);
    const other = createTokenStore(store.another(), now);
    await tokens.seed('zalo', { accessToken: 'a1', refreshToken: 'r1', expiresAt: new Date('2026-09-02T00:00:00.000Z') });
    await tokens.seed('zalo', { accessToken: 'a0', refreshToken: 'r0', expiresAt: new Date('2026-09-01T12:00:00.000Z') });
    assert.deepEqual(await tokens.get('zalo'), { accessToken: 'a1', refreshToken: 'r1', expiresAt: new Date('2026-09-02T00:00:00.000Z') });
    const claims = await Promise.all([tokens.claimRefresh('zalo', 30_000), other.claimRefresh('zalo', 30_000)]);
    assert.equal(claims.filter(Boolean).length, 1, 'refresh tokens are single use: one refresher');
    await tokens.saveRefreshed('zalo', { accessToken: 'a2', refreshToken: 'r2', expiresAt: new Date('2026-09-03T00:00:00.000Z') });
    assert.equal((await other.get('zalo'))?.refreshToken, 'r2');
    assert.equal(await other.claimRefresh('zalo', 30_000), true, 'saving released the lease');
    assert.equal(await tokens.claimRefresh('zalo', 30_000), false);
    clock += 31_000;
    assert.equal(await tokens.claimRefresh('zalo', 30_000), true, 'a lease that ran out is free');
    await tokens.releaseRefresh('zalo');
    assert.equal(await other.claimRefresh('zalo', 30_000), true);
    assert.equal(await tokens.get('telegram'), undefined);
    assert.equal(await tokens.claimRefresh('telegram', 30_000), false);
  });

  test('continuation pages: taken in order, each once even when two "THEM" race; replaced or dropped when old', async () => {
    const store = await harness().fresh();
    let clock = Date.parse('2026-10-01T00:00:00.000Z');
    const now = () => new Date(clock);
    const pages = createContinuationStore(store.db, now);
    await pages.hold('c_1', [page('trang 2'), page('trang 3'), page('trang 4')]);
    const since = new Date(clock - 1000);
    assert.deepEqual(await pages.next('c_1', since), page('trang 2'));
    const raced = await Promise.all([pages.next('c_1', since), createContinuationStore(store.another(), now).next('c_1', since)]);
    assert.deepEqual(raced.map((p) => (p as unknown as { text: string }).text).sort(), ['trang 3', 'trang 4']);
    assert.equal(await pages.next('c_1', since), undefined);
    await pages.hold('c_1', [page('cũ')]);
    await pages.hold('c_1', [page('mới')]);
    assert.deepEqual(await pages.next('c_1', since), page('mới'), 'a new reply replaces what was held');
    await pages.hold('c_1', [page('hết hạn')]);
    assert.equal(await pages.next('c_1', new Date(clock + 1)), undefined, 'pages held before notBefore are not given');
    await pages.hold('c_1', []);
    assert.equal(await pages.next('c_1', since), undefined);
  });

  test('web chat mailbox: the cursor only grows; fetchAfter and latest read in order and mark delivery', async () => {
    const store = await harness().fresh();
    const mailbox = createWebChatMailbox(store.db);
    const seqs: number[] = [];
    for (const text of ['một', 'hai', 'ba']) seqs.push(await mailbox.put('w-1', { kind: 'text', text }));
    await mailbox.put('w-2', { kind: 'text', text: 'người khác' });
    assert.ok(seqs[0]! < seqs[1]! && seqs[1]! < seqs[2]!, `growing: ${seqs.join(',')}`);
    assert.deepEqual((await mailbox.fetchAfter('w-1', seqs[0]!)).map((i) => i.reply.text), ['hai', 'ba']);
    assert.deepEqual((await mailbox.fetchAfter('w-1', 0, 1)).map((i) => i.seq), [seqs[0]]);
    assert.deepEqual((await mailbox.latest('w-1', 2)).map((i) => i.reply.text), ['hai', 'ba']);
    const unfetched = await store.db.selectFrom('webchat_mailbox').select('user_id').where('fetched_at', 'is', null).execute();
    assert.deepEqual(unfetched.map((r) => r.user_id), ['w-2']);
    assert.equal(typeof (await mailbox.latest('w-2'))[0]?.seq, 'number');
  });

  test('retention: each clean-up takes only old, finished rows, at most `limit` at a time', async () => {
    const store = await harness().fresh();
    let clock = Date.parse('2026-01-01T00:00:00.000Z');
    const now = () => new Date(clock);
    const inbox = createInbox(store.db, now);
    const conversations = createConversationStore(store.db, now);
    for (let i = 0; i < 3; i++) {
      const m = { kind: 'text', channel: 'sms', userId: 'u', messageId: `old-${i}`, receivedAt: now(), text: 'x' } as const;
      await inbox.accept(m, 'gateway', 'c_1');
      await inbox.markHandled(m);
      await conversations.log({ conversationId: 'c_1', direction: 'in', kind: 'text', text: 'x' });
    }
    await inbox.accept({ kind: 'text', channel: 'sms', userId: 'u', messageId: 'unhandled', receivedAt: now(), text: 'y' }, 'gateway', 'c_1');
    await createRateLimiter(store.db, { limit: 5, windowMs: 60_000 }, now).check('sms:u');
    clock += 10 * 86_400_000;
    const retention = createRetentionStore(store.db);
    const before = new Date(clock - 86_400_000);
    assert.equal(await retention.dropInboxPayloads(before, 2), 2);
    assert.equal(await retention.dropInboxPayloads(before, 10), 1);
    assert.equal(await retention.deleteInbox(before, 10), 3);
    assert.equal(await createInbox(store.db, now).backlog(), 1, 'an unhandled message is never removed');
    assert.equal(await retention.deleteMessageLog(before, 10), 3);
    assert.equal(await retention.deleteRateWindows(before, 10), 1);
    assert.equal(await retention.deleteOutbox('sent', before, 10), 0);
  });
}
