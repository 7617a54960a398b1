import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createContinuationStore } from '../adapters/storage/continuation-store.ts';
import { migrateToLatest } from '../adapters/storage/migrate.ts';
import { temporaryDatabase } from './helpers.ts';

/** The held pages of a long SMS reply: kept per conversation, taken once each, in order, replaced by a new reply. */

const database = temporaryDatabase();
let clock = new Date('2026-11-20T01:00:00Z');
const store = createContinuationStore(database.db, () => clock);
const page = (text: string) => ({ body: { Body: text } });
const LONG_AGO = new Date(0);

before(async () => {
  await migrateToLatest(database.db);
});
after(async () => database.cleanup());

test('pages come back once each, in order, then nothing', async () => {
  await store.hold('c_a', [page('2'), page('3'), page('4')]);
  const taken = [await store.next('c_a', LONG_AGO), await store.next('c_a', LONG_AGO), await store.next('c_a', LONG_AGO), await store.next('c_a', LONG_AGO)];
  assert.deepEqual(taken, [page('2'), page('3'), page('4'), undefined]);
  assert.equal(await store.next('c_unknown', LONG_AGO), undefined);
});

test('a new hold replaces what was held; an empty one clears it; conversations do not mix', async () => {
  await store.hold('c_b', [page('old 2'), page('old 3')]);
  await store.hold('c_c', [page('other')]);
  await store.hold('c_b', [page('new 2')]);
  assert.deepEqual(await store.next('c_b', LONG_AGO), page('new 2'));
  assert.equal(await store.next('c_b', LONG_AGO), undefined);
  await store.hold('c_c', []);
  assert.equal(await store.next('c_c', LONG_AGO), undefined);
});

test('pages held before the cut-off are not given out', async () => {
  clock = new Date('2026-11-20T01:00:00Z');
  await store.hold('c_d', [page('2')]);
  assert.equal(await store.next('c_d', new Date('2026-11-20T01:30:01Z')), undefined);
  assert.deepEqual(await store.next('c_d', new Date('2026-11-20T00:30:00Z')), page('2'));
});

test('two requests at once get two different pages', async () => {
  await store.hold('c_e', [page('2'), page('3')]);
  const both = await Promise.all([store.next('c_e', LONG_AGO), store.next('c_e', LONG_AGO)]);
  assert.deepEqual(both.map((p) => p?.body.Body).sort(), ['2', '3']);
});
