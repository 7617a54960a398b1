import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHandoffStore } from '../../adapters/storage/handoff-store.ts';
import { createConversationStore } from '../../adapters/storage/conversation-store.ts';
import { createPublishing } from '../../knowledge-base/publishing.ts';
import { createPublishingStore } from '../../adapters/storage/publishing-store.ts';
import { createKnowledgeStore } from '../../adapters/storage/knowledge-store.ts';
import type { KnowledgeEntry } from '../../knowledge-base/types.ts';
import type { StoreHarness } from './harness.ts';

const entry = (id: string, answer: string): KnowledgeEntry => ({
  id,
  title: `Mục ${id}`,
  group: 'ho-tich',
  answer,
  shortAnswer: 'Tra loi ngan',
  // The editor's checks want ten phrasings at least.
  examples: Array.from({ length: 10 }, (_, i) => `làm sao để đăng ký ${id} cách ${i + 1}`),
  keywords: ['đăng ký'],
  source: { procedureCodes: ['1.000178'], legalBasis: ['Luật Hộ tịch 2014'] },
  reviewedAt: '2026-01-15',
});

/** Stores that landed after the first contract suite: the hand-off queue and knowledge-base publishing. */
export function handoffsAndPublishingContract(harness: () => StoreHarness): void {
  test('hand-offs: one open per conversation across instances; take, replies, notice once, close once', async () => {
    const store = await harness().fresh();
    const handoffs = createHandoffStore(store.db);
    const other = createHandoffStore(store.another());
    const conversations = createConversationStore(store.db);
    const conversationId = await conversations.idFor('telegram', '5550001');
    const at = new Date('2026-05-04T02:00:00.000Z');
    const opened = await Promise.all([
      handoffs.open({ conversationId, channel: 'telegram', at, outOfHours: false }),
      other.open({ conversationId, channel: 'telegram', at, outOfHours: false }),
    ]);
    assert.equal(opened.filter((o) => o.created).length, 1, 'one hand-off, whichever instance asked first');
    assert.equal(opened[0].handoff.id, opened[1].handoff.id);
    const id = opened[0].handoff.id;
    const later = await handoffs.open({ conversationId: await conversations.idFor('zalo', 'z-2'), channel: 'zalo', at: new Date(at.getTime() + 60_000), outOfHours: true });
    assert.equal(later.handoff.outOfHours, true);
    assert.equal(await other.countWaiting(), 2);
    assert.deepEqual((await handoffs.list({ status: 'open' })).map((h) => h.id), [id, later.handoff.id], 'oldest first');
    assert.deepEqual(await handoffs.recipient(conversationId), { channel: 'telegram', userId: '5550001' });

    const notices = await Promise.all([handoffs.markNoticed(id, at), other.markNoticed(id, at)]);
    assert.equal(notices.filter(Boolean).length, 1, 'the not-taken notice is stamped by one pass only');
    assert.deepEqual((await handoffs.waitingUnnoticed(new Date(at.getTime() + 120_000), 10)).map((h) => h.id), [later.handoff.id]);

    assert.equal(await handoffs.take(id, 'lan', new Date(at.getTime() + 90_000)), true);
    await Promise.all([handoffs.recordReply(id, new Date(at.getTime() + 120_000)), other.recordReply(id, new Date(at.getTime() + 180_000))]);
    const held = await other.get(id);
    assert.equal(held?.status, 'held');
    assert.equal(held?.takenBy, 'lan');
    assert.equal(held?.replies, 2, 'both replies counted');
    assert.ok(held?.firstReplySeconds === 120 || held?.firstReplySeconds === 180, `first reply time kept once: ${held?.firstReplySeconds}`);
    assert.equal(await other.countWaiting(), 1);

    const closed = await Promise.all([handoffs.close(id, 'lan', new Date(at.getTime() + 200_000)), other.close(id, 'minh', new Date(at.getTime() + 200_000))]);
    assert.equal(closed.filter(Boolean).length, 1, 'closed once');
    assert.equal(await handoffs.take(id, 'minh', new Date()), false, 'a closed hand-off cannot be taken');
    assert.equal(await handoffs.openFor(conversationId), undefined);
    const again = await other.open({ conversationId, channel: 'telegram', at: new Date(at.getTime() + 300_000), outOfHours: false });
    assert.equal(again.created, true, 'a closed one does not block a new request');
    assert.notEqual(again.handoff.id, id);
    assert.deepEqual((await handoffs.list({ status: 'closed' })).map((h) => h.id), [id]);
  });

  test('knowledge publishing: drafts do not reach the live table; a publish bumps the revision every instance reads', async () => {
    const store = await harness().fresh();
    const knowledge = createKnowledgeStore(store.db);
    await knowledge.seedIfEmpty({ entries: [entry('khai-sinh', 'Bản cũ.')], definitions: [] });
    const here = createPublishing(createPublishingStore(store.db), { store: knowledge });
    const there = createPublishing(createPublishingStore(store.another()), { store: createKnowledgeStore(store.another()) });
    const start = await there.revision();

    const saved = await here.saveDraft(entry('khai-sinh', 'Bản mới có dấu tiếng Việt.'), 'editor-1', { baseVersion: 0 });
    assert.equal(saved.kind, 'saved');
    assert.equal((await there.liveOf('khai-sinh'))?.answer, 'Bản cũ.', 'a draft is not live');
    assert.equal((await there.draftOf('khai-sinh'))?.answer, 'Bản mới có dấu tiếng Việt.');
    const stale = await there.saveDraft(entry('khai-sinh', 'Sửa từ bản cũ'), 'editor-2', { baseVersion: 0 });
    assert.equal(stale.kind, 'conflict', 'an editor working from an older version is told, not overwritten');

    assert.deepEqual((await there.pending()).map((v) => v.entryId), ['khai-sinh']);
    const published = await there.publish('editor-2');
    assert.equal(published.revision, start + 1);
    assert.equal(await here.revision(), start + 1, 'the other instance reads the bumped revision');
    assert.equal((await here.liveOf('khai-sinh'))?.answer, 'Bản mới có dấu tiếng Việt.');
    assert.deepEqual((await here.publish('editor-1')).published, [], 'nothing pending: no new revision');
    assert.equal(await here.revision(), start + 1);

    await here.saveDraft(entry('ket-hon', 'Mục mới.'), 'editor-1', { baseVersion: 0 });
    const racing = await Promise.all([here.publish('editor-1'), there.publish('editor-2')]);
    const revision = await here.revision();
    assert.ok(revision >= start + 2, `a racing publish still bumps the revision: ${revision}`);
    assert.ok(racing.some((r) => r.published.length === 1), 'the new entry is published');
    assert.equal((await there.liveOf('ket-hon'))?.answer, 'Mục mới.');
    assert.deepEqual((await here.versions('ket-hon')).map((v) => v.status), ['published']);
  });
}
