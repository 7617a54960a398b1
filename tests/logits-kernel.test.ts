import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { logits, type LinearModel, type SparseVector } from '../intents/linear-model.ts';
import { compiledScorer, modelScorer } from '../intents/logits-kernel.ts';

const FEATURES = 300;

/** A model of `classes` classes over FEATURES features, its weights single precision as training leaves them. */
const modelArbitrary = fc.integer({ min: 1, max: 70 }).chain((classes) =>
  fc.record({
    classes: fc.constant(classes),
    weights: fc.array(fc.float({ noNaN: true, min: -8, max: 8 }), { minLength: FEATURES * classes, maxLength: FEATURES * classes }),
    bias: fc.array(fc.double({ noNaN: true, min: -4, max: 4 }), { minLength: classes, maxLength: classes }),
  }),
);
const vectorArbitrary = fc.array(fc.record({ feature: fc.integer({ min: 0, max: FEATURES - 1 }), value: fc.float({ noNaN: true, min: 0, max: 1 }) }), { maxLength: 120 });

const modelOf = (m: { classes: number; weights: number[]; bias: number[] }): LinearModel =>
  ({ classCount: m.classes, weights: Float32Array.from(m.weights), bias: Float64Array.from(m.bias) });
const vectorOf = (features: Array<{ feature: number; value: number }>): SparseVector =>
  ({ indices: Int32Array.from(features, (f) => f.feature), values: Float32Array.from(features, (f) => f.value) });

function assertSameScores(expected: Float64Array, actual: Float64Array): void {
  assert.equal(actual.length, expected.length);
  // The same sums in the same order: equal to the last bit, not merely close.
  for (let c = 0; c < expected.length; c++) assert.ok(Object.is(actual[c], expected[c]), `class ${c}: ${actual[c]} against ${expected[c]}`);
}

test('the compiled scorer gives the JavaScript scores to the last bit, for any number of classes and features', () => {
  fc.assert(
    fc.property(modelArbitrary, fc.array(vectorArbitrary, { minLength: 1, maxLength: 5 }), (m, vectors) => {
      const model = modelOf(m);
      const scorer = compiledScorer(model);
      assert.ok(scorer, 'Node compiles WebAssembly');
      for (const features of vectors) {
        const vector = vectorOf(features);
        assertSameScores(logits(model, vector, new Float64Array(m.classes)), scorer(vector, new Float64Array(m.classes)));
      }
    }),
    { numRuns: 60 },
  );
});

test('a message with more features than the scratch space is scored too', () => {
  const classes = 11;
  const model: LinearModel = { classCount: classes, weights: Float32Array.from({ length: FEATURES * classes }, (_, i) => Math.fround(Math.sin(i))), bias: new Float64Array(classes).fill(0.25) };
  const scorer = compiledScorer(model);
  assert.ok(scorer);
  const many = vectorOf(Array.from({ length: 5000 }, (_, i) => ({ feature: (i * 7) % FEATURES, value: Math.fround(1 / (1 + i)) })));
  const few = vectorOf([{ feature: 3, value: 0.5 }]);
  assertSameScores(logits(model, many, new Float64Array(classes)), scorer(many, new Float64Array(classes)));
  // And the next message is scored from its own features only, none left over from the long one.
  assertSameScores(logits(model, few, new Float64Array(classes)), scorer(few, new Float64Array(classes)));
});

test('where WebAssembly cannot be compiled (Cloudflare Workers), the scorer is the JavaScript one', () => {
  const classes = 5;
  const model: LinearModel = { classCount: classes, weights: Float32Array.from({ length: FEATURES * classes }, (_, i) => Math.fround(Math.cos(i))), bias: new Float64Array(classes) };
  const vector = vectorOf([{ feature: 1, value: 0.5 }, { feature: 299, value: 0.125 }]);
  const realModule = WebAssembly.Module;
  (WebAssembly as { Module: unknown }).Module = function refuse(): never {
    throw new Error('Wasm code generation disallowed by embedder');
  };
  try {
    assert.equal(compiledScorer(model), undefined);
    assertSameScores(logits(model, vector, new Float64Array(classes)), modelScorer(model)(vector, new Float64Array(classes)));
  } finally {
    (WebAssembly as { Module: unknown }).Module = realModule;
  }
  assert.ok(compiledScorer(model));
});
