import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { buildRetrievalIndex } from '../intents/retrieval.ts';

// Few syllables, so documents share many and a query reaches most of them: the pruned walk then has choices to make
// (stop and score the documents reached exactly, or walk a common term's long list).
const SYLLABLES = ['cap', 'lai', 'giay', 'phep', 'dang', 'ky', 'xe', 'dat', 'ho', 'kinh', 'doanh', 'tam', 'tru', 'thu', 'tuc', 'xa'];
const words = (min: number, max: number) => fc.array(fc.constantFrom(...SYLLABLES), { minLength: min, maxLength: max });
const documents = fc.array(fc.record({ words: words(1, 12), group: fc.integer({ min: 0, max: 2 }), key: fc.integer({ min: 0, max: 15 }) }), { minLength: 3, maxLength: 80 });

// A catalogue's shape: a few syllables in most names ("thủ tục", "cấp") beside many rare ones, so a walk has long lists
// left when the rare terms have set the bar, and stops before them (scoring the documents reached exactly).
const RARE = Array.from({ length: 60 }, (_, i) => `r${i}`);
const named = fc.array(fc.oneof({ weight: 1, arbitrary: fc.constantFrom('thu', 'tuc', 'cap') }, { weight: 2, arbitrary: fc.constantFrom(...RARE) }), { minLength: 2, maxLength: 8 });
const catalogueLike = fc.array(fc.record({ words: named, group: fc.constant(0), key: fc.integer({ min: 0, max: 400 }) }), { minLength: 100, maxLength: 400 });

const indexOf = (docs: ReadonlyArray<{ words: string[]; group: number; key: number }>) =>
  buildRetrievalIndex(docs.map((d) => ({ key: `g${d.group}k${d.key}`, text: d.words.join(' '), group: d.group })));

test('the pruned search ranks every group as scoring every document does, for long queries too, and near the best alone', () => {
  fc.assert(
    fc.property(documents, fc.array(words(1, 30), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 20 }), (docs, queries, k, twentieths) => {
      // Shares spread over the whole range (arbitrary doubles crowd at 0 and 1, where nothing is pruned or all is).
      const closeTo = twentieths / 20;
      const index = indexOf(docs);
      for (const q of queries) {
        const query = index.query(q);
        for (let g = 0; g < 3; g++) {
          const limits = [0, 0, 0].map((_, i) => (i === g ? docs.length : 0));
          const all = index.search(query, limits);
          const top = index.search(query, limits.map((l) => Math.min(l, k)));
          assert.deepEqual(top.map((h) => [h.key, h.score]), all.slice(0, k).map((h) => [h.key, h.score]));
          // Keys asked only near the best: the full ranking's first ones that score at least that share of the best.
          const best = all[0]?.score ?? 0;
          const near = index.search(query, limits.map((l) => Math.min(l, k)), closeTo);
          // Scores are shares of what the query attains (a division): the search compares them before it, so a key
          // within rounding of the floor may fall either way.
          const clear = (h: { score: number }) => Math.abs(h.score - closeTo * best) > 1e-12;
          const expected = all.slice(0, k).filter((h) => h.score >= closeTo * best);
          assert.deepEqual(near.filter(clear).map((h) => [h.key, h.score]), expected.filter(clear).map((h) => [h.key, h.score]));
        }
      }
    }),
    { numRuns: 400, seed: 11 },
  );
});

test('a walk that stops before its common terms ranks as scoring every document does', () => {
  fc.assert(
    fc.property(catalogueLike, fc.array(named, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 20 }), (docs, queries, k, twentieths) => {
      const index = indexOf(docs);
      for (const q of queries) {
        const query = index.query(q);
        const all = index.search(query, [docs.length, 0, 0]);
        assert.deepEqual(index.search(query, [k, 0, 0]).map((h) => [h.key, h.score]), all.slice(0, k).map((h) => [h.key, h.score]));
        const best = all[0]?.score ?? 0;
        const clear = (h: { score: number }) => Math.abs(h.score - (twentieths / 20) * best) > 1e-12;
        const expected = all.slice(0, k).filter((h) => h.score >= (twentieths / 20) * best);
        assert.deepEqual(index.search(query, [k, 0, 0], twentieths / 20).filter(clear).map((h) => [h.key, h.score]), expected.filter(clear).map((h) => [h.key, h.score]));
        const share = twentieths / 20;
        assert.equal(index.reaches(query, 0, share), best >= share && best > 0);
      }
    }),
    { numRuns: 150, seed: 19 },
  );
});

test('"does some document reach this share" agrees with the best score of a full ranking, at and around it', () => {
  fc.assert(
    fc.property(documents, words(1, 30), fc.integer({ min: 0, max: 2 }), fc.double({ min: 0, max: 1, noNaN: true }), (docs, q, g, share) => {
      const index = indexOf(docs);
      const query = index.query(q);
      const best = index.search(query, [0, 0, 0].map((_, i) => (i === g ? 1 : 0)))[0]?.score ?? 0;
      assert.equal(index.reaches(query, g, share), best >= share && best > 0, `share ${share}, best ${best}`);
      if (best > 0) {
        assert.equal(index.reaches(query, g, best * (1 - 1e-6)), true);
        assert.equal(index.reaches(query, g, Math.min(1, best * (1 + 1e-6) + 1e-12)), false);
      }
    }),
    { numRuns: 500, seed: 13 },
  );
});
