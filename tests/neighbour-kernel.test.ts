import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { SparseVector } from '../intents/linear-model.ts';
import { compiledNeighbourWalk, type NeighbourPostings } from '../intents/neighbour-kernel.ts';
import { buildNeighbourIndex, neighbourWalk } from '../intents/neighbours.ts';

const FEATURES = 60;
const LABELS = 9;

/** Random postings as buildNeighbourIndex lays them out: by feature, values in (0, 1], some features left out. */
const postingsArbitrary = fc.record({
  documents: fc.integer({ min: 1, max: 80 }),
  wide: fc.boolean(),
  lists: fc.array(fc.array(fc.record({ doc: fc.nat(), value: fc.float({ noNaN: true, min: Math.fround(0.001), max: 1 }) }), { maxLength: 25 }), { minLength: FEATURES, maxLength: FEATURES }),
  labelSeed: fc.array(fc.nat({ max: LABELS - 1 }), { minLength: 80, maxLength: 80 }),
}).map(({ documents, wide, lists, labelSeed }): NeighbourPostings => {
  const starts = new Int32Array(FEATURES + 1);
  const kept = new Uint8Array(FEATURES);
  const docs: number[] = [];
  const values: number[] = [];
  lists.forEach((list, f) => {
    // A feature left out of the index has no postings, as there.
    if (f % 7 !== 3) for (const { doc, value } of list) { docs.push(doc % documents); values.push(value); }
    starts[f + 1] = docs.length;
    kept[f] = starts[f + 1] !== starts[f] ? 1 : 0;
  });
  const IndexType = wide ? Int32Array : Uint16Array;
  return { kept, starts, postingDoc: IndexType.from(docs), postingValue: Float32Array.from(values), labels: IndexType.from(labelSeed.slice(0, documents)), documentCount: documents };
});
const vectorArbitrary = fc.array(fc.record({ feature: fc.nat({ max: FEATURES - 1 }), value: fc.float({ noNaN: true, min: 0, max: 4 }) }), { maxLength: 30 })
  .map((features): SparseVector => ({ indices: Int32Array.from(features, (f) => f.feature), values: Float32Array.from(features, (f) => f.value) }));

function assertSame(expected: Float64Array, actual: Float64Array | undefined): void {
  assert.ok(actual);
  for (let c = 0; c < expected.length; c++) assert.ok(Object.is(actual[c], expected[c]), `label ${c}: ${actual[c]} against ${expected[c]}`);
}

test('the compiled neighbour walk finds each label\'s best cosine as the JavaScript walk does, to the last bit, message after message', () => {
  fc.assert(
    fc.property(postingsArbitrary, fc.array(vectorArbitrary, { minLength: 1, maxLength: 6 }), (postings, vectors) => {
      const compiled = compiledNeighbourWalk(postings);
      assert.ok(compiled, 'Node compiles WebAssembly');
      const walk = neighbourWalk(postings);
      // Each message on its own: whatever one message summed must be cleared before the next.
      for (const vector of vectors) assertSame(walk.nearest(vector, new Float64Array(LABELS)), compiled.nearest(vector, new Float64Array(LABELS)));
    }),
    { numRuns: 80 },
  );
});

test('a message longer than the compiled walk\'s scratch space is walked in JavaScript, with the same result', () => {
  const documents = Array.from({ length: 40 }, (_, d) => ({
    label: d % 5,
    vector: { indices: Int32Array.from([d % 30, (d * 7) % 30, 30 + (d % 3)]), values: Float32Array.from([1, 0.5, 0.25]) },
  }));
  const index = buildNeighbourIndex(documents, 40);
  const long: SparseVector = { indices: Int32Array.from({ length: 5000 }, (_, i) => i % 33), values: Float32Array.from({ length: 5000 }, (_, i) => 1 / (1 + (i % 11))) };
  const short: SparseVector = { indices: Int32Array.from([1, 7]), values: Float32Array.from([1, 1]) };
  const longResult = index.nearest(long, new Float64Array(5));
  assert.ok(longResult.some((cosine) => cosine > 0), 'the long message reaches phrasings');
  // The same phrasings repeated: the long message's cosines are those of its distinct features, once each.
  const distinct: SparseVector = { indices: Int32Array.from({ length: 33 }, (_, f) => f), values: Float32Array.from({ length: 33 }, (_, f) => 1 / (1 + (f % 11))) };
  assert.ok(index.nearest(distinct, new Float64Array(5)).every((cosine) => cosine > 0));
  const after = index.nearest(short, new Float64Array(5));
  const fresh = buildNeighbourIndex(documents, 40).nearest(short, new Float64Array(5));
  assertSame(fresh, after);
});

test('features of zero weight do not make the walk lose a phrasing it reached, nor leave its sum for the next message', () => {
  // Three phrasings; feature 1 lists phrasing 0 twice, feature 2 phrasing 2, feature 3 phrasings 0 and 1.
  const postings: NeighbourPostings = {
    kept: Uint8Array.from([0, 1, 1, 1]),
    starts: Int32Array.from([0, 0, 2, 3, 5]),
    postingDoc: Uint16Array.from([0, 0, 2, 0, 1]),
    postingValue: Float32Array.from([0.5, 0.5, 0.5, 0.5, 0.25]),
    labels: Uint16Array.from([0, 1, 0]),
    documentCount: 3,
  };
  // Zero weights first: phrasing 0 is reached three times with a sum still zero before feature 3 adds to it.
  const zeroesFirst: SparseVector = { indices: Int32Array.from([1, 2, 3]), values: Float32Array.from([0, 0, 1]) };
  const onlyTwo: SparseVector = { indices: Int32Array.from([2]), values: Float32Array.from([1]) };
  for (const walk of [neighbourWalk(postings), compiledNeighbourWalk(postings)]) {
    assert.ok(walk);
    const first = walk.nearest(zeroesFirst, new Float64Array(2));
    assert.ok(first);
    assert.deepEqual([...first], [0.5, 0.25]);
    assert.deepEqual([...(walk.nearest(onlyTwo, new Float64Array(2)) ?? [])], [0.5, 0], 'phrasing 1 no longer counts');
  }
});
