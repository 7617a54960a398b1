import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { buildRetrievalIndex } from '../intents/retrieval.ts';

// Syllables few enough that documents and queries share many of them, so pruning has work to do.
const SYLLABLES = ['cap', 'lai', 'giay', 'phep', 'dang', 'ky', 'xe', 'dat', 'ho', 'kinh', 'doanh', 'tam', 'tru', 'thu', 'tuc', 'xa', 'tinh'];
const text = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));

test('a document prior changes the ranking, and the pruned top three equal the top three of a full ranking', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ text, weight: fc.constantFrom(1, 0.95, 0.7, 0.3) }), { minLength: 3, maxLength: 40 }),
      fc.array(text, { minLength: 1, maxLength: 5 }),
      (documents, queries) => {
        const index = buildRetrievalIndex(documents.map((d, i) => ({ key: `k${i}`, text: d.text, group: 0, weight: d.weight })));
        for (const q of queries) {
          const query = index.query(q.split(' '));
          const all = index.search(query, [documents.length]);
          const top = index.search(query, [3]);
          assert.deepEqual(top.map((h) => [h.key, h.score]), all.slice(0, 3).map((h) => [h.key, h.score]));
        }
      },
    ),
    { numRuns: 300, seed: 7 },
  );
});

test('a prior below 1 lowers a document under an equal one', () => {
  const index = buildRetrievalIndex([
    { key: 'ministry', text: 'cap lai giay phep', group: 0, weight: 0.7 },
    { key: 'commune', text: 'cap lai giay phep', group: 0 },
  ]);
  const hits = index.search(index.query(['cap', 'lai', 'giay', 'phep']), [2]);
  assert.deepEqual(hits.map((h) => h.key), ['commune', 'ministry']);
  // Factors are stored in single precision: equal to 0.7 of the other within that.
  assert.ok(Math.abs((hits[1]?.score ?? 0) - 0.7 * (hits[0]?.score ?? 0)) < 1e-6, `${hits[1]?.score} vs 0.7 × ${hits[0]?.score}`);
});
