import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createReportStore } from '../../adapters/storage/report-store.ts';
import type { StoreHarness } from './harness.ts';

/** A clock that moves one minute per reading, so creation order is also time order. */
function minuteClock(start = '2026-07-01T00:00:00.000Z'): () => Date {
  let at = Date.parse(start);
  return () => new Date((at += 60_000));
}

/** Field reports: codes, coordinates, list filters, history, assignment, duplicates, followers. */
export function reportContract(harness: () => StoreHarness): void {
  test('coordinates come back exactly as given (double precision everywhere)', async () => {
    const store = await harness().fresh();
    const reports = createReportStore(store.db);
    const created = await reports.create({ category: 'chieu-sang', description: 'Đèn đường hẻm 5 tắt', source: 'chat', location: { latitude: 9.784512345678, longitude: 105.470123 } }, 'resident');
    assert.deepEqual((await reports.get(created.code))?.location, { latitude: 9.784512345678, longitude: 105.470123 });
    const raw = await store.db.selectFrom('reports').select(['latitude', 'longitude']).where('code', '=', created.code).executeTakeFirstOrThrow();
    assert.equal(raw.longitude, 105.470123);
    assert.equal(typeof raw.latitude, 'number');
  });

  test('create gives a free code, stores the report and its first event; get ignores the code\'s case; NUL dropped', async () => {
    const store = await harness().fresh();
    const reports = createReportStore(store.db, { now: minuteClock() });
    const report = await reports.create(
      { category: 'giao-thong', description: 'Ổ gà\u0000 trước chợ', address: 'Đường 3/2', commune: 'vi-thanh', source: 'open311', reporterContact: { email: 'a@b.vn' } },
      'open311',
    );
    assert.match(report.code, /^PA\d{4}$/);
    assert.equal(report.description, 'Ổ gà trước chợ');
    assert.equal(report.status, 'received');
    assert.equal(report.source, 'open311');
    assert.equal(report.location, null);
    assert.deepEqual(await reports.get(report.code.toLowerCase()), report);
    assert.deepEqual((await reports.events(report.code)).map((e) => [e.status, e.actor]), [['received', 'open311']]);
    assert.equal(await reports.get(unusedCodes([report.code], 1)[0] as string), undefined);
  });

  test('list filters by status, category, commune, time and codes, newest first, within the limit', async () => {
    const store = await harness().fresh();
    const clock = minuteClock();
    const reports = createReportStore(store.db, { now: clock });
    const a = await reports.create({ category: 'chieu-sang', description: 'a', commune: 'x1', source: 'chat' }, 'r');
    const b = await reports.create({ category: 'giao-thong', description: 'b', commune: 'x1', source: 'chat' }, 'r');
    const c = await reports.create({ category: 'chieu-sang', description: 'c', commune: 'x2', source: 'chat' }, 'r');
    await reports.addEvent(b.code, { status: 'in-progress', note: 'Đang sửa', actor: 'staff' });
    await reports.addEvent(c.code, { status: 'resolved', note: null, actor: 'staff' });
    const codes = async (filter: Parameters<typeof reports.list>[0]) => (await reports.list(filter)).map((r) => r.code);
    assert.deepEqual(await codes({}), [c.code, b.code, a.code]);
    assert.deepEqual(await codes({ status: ['received', 'in-progress'] }), [b.code, a.code]);
    assert.deepEqual(await codes({ category: 'chieu-sang' }), [c.code, a.code]);
    assert.deepEqual(await codes({ commune: 'x1', status: ['in-progress'] }), [b.code]);
    assert.deepEqual(await codes({ since: new Date(b.createdAt) }), [c.code, b.code]);
    assert.deepEqual(await codes({ until: new Date(b.createdAt) }), [b.code, a.code]);
    // Codes are drawn at random from the same space: the decoys are ones no report here was given.
    const [decoy] = unusedCodes([a.code, b.code, c.code], 1);
    assert.deepEqual(await codes({ codes: [a.code, c.code, decoy as string] }), [c.code, a.code]);
    assert.deepEqual(await codes({ codes: [] }), []);
    assert.deepEqual(await codes({ limit: 1 }), [c.code]);
    const many = unusedCodes([a.code, b.code, c.code], 150);
    assert.deepEqual(await codes({ codes: [...many, a.code] }), [a.code], 'a long list of codes is one query');
  });

  test('status changes keep the history and the public note; photos, assignment and duplicates', async () => {
    const store = await harness().fresh();
    const reports = createReportStore(store.db, { now: minuteClock() });
    const report = await reports.create({ category: 'rac-thai', description: 'Rác', source: 'chat' }, 'r');
    const other = await reports.create({ category: 'rac-thai', description: 'Rác nữa', source: 'chat' }, 'r');
    await reports.addEvent(report.code, { status: 'in-progress', note: 'Đã giao đội vệ sinh', actor: 'lan' });
    await reports.addEvent(report.code, { status: 'resolved', note: null, photoUrl: 'https://example.org/after.jpg', actor: 'lan' });
    await reports.assign(report.code, 'Đội vệ sinh');
    await reports.markDuplicate(other.code, report.code);
    const updated = (await reports.get(report.code))!;
    assert.equal(updated.status, 'resolved');
    assert.equal(updated.publicNote, 'Đã giao đội vệ sinh', 'a change without a note keeps the last one');
    assert.equal(updated.assignee, 'Đội vệ sinh');
    assert.equal((await reports.get(other.code))?.duplicateOf, report.code);
    assert.deepEqual((await reports.events(report.code)).map((e) => e.status), ['received', 'in-progress', 'resolved']);
    assert.deepEqual([...(await reports.latestEventPhotos([report.code, other.code]))], [[report.code, 'https://example.org/after.jpg']]);
    assert.equal((await reports.latestEventPhotos([])).size, 0);
    await reports.assign(report.code, null);
    assert.equal((await reports.get(report.code))?.assignee, null);
  });

  test('followers: subscribing twice is once; a conversation sees what it follows, newest first', async () => {
    const store = await harness().fresh();
    const reports = createReportStore(store.db, { now: minuteClock() });
    const first = await reports.create({ category: 'ngap-nuoc', description: 'Ngập', source: 'chat', conversationId: 'c_a' }, 'r');
    const second = await reports.create({ category: 'ngap-nuoc', description: 'Ngập nữa', source: 'chat', conversationId: 'c_a' }, 'r');
    for (const code of [first.code, second.code, first.code]) await reports.subscribe({ reportCode: code, conversationId: 'c_a', channel: 'zalo', userId: 'z-1' });
    await reports.subscribe({ reportCode: first.code, conversationId: 'c_b', channel: 'sms', userId: '+84909000222' });
    assert.deepEqual((await reports.subscribers(first.code)).map((s) => s.conversationId), ['c_a', 'c_b']);
    assert.deepEqual((await reports.followedBy('c_a')).map((r) => r.code), [second.code, first.code]);
    assert.deepEqual((await reports.followedBy('c_a', 1)).map((r) => r.code), [second.code]);
    assert.deepEqual(await reports.followedBy('c_none'), []);
  });
}

/** `count` report codes of the generated form (PA and four digits) that are none of `taken`. */
function unusedCodes(taken: readonly string[], count: number): string[] {
  return Array.from({ length: count + taken.length }, (_, i) => `PA${String(9999 - i).padStart(4, '0')}`).filter((code) => !taken.includes(code)).slice(0, count);
}
