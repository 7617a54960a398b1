import type { IndexArray } from './index-array.ts';
import type { SparseVector } from './linear-model.ts';
import { counting, elementAt, F64, FEATURE_BYTES, featureScratch, I32, instantiate, layout, moduleOf, op } from './wasm-assembly.ts';

/** The neighbour index as its walk reads it: postings of the kept features, by feature (neighbours.ts). */
export interface NeighbourPostings {
  /** 1 for a feature in the index (not common). */
  readonly kept: Uint8Array;
  /** Postings of feature f: postingDoc/postingValue[starts[f] .. starts[f + 1]]; values divided by the phrasing's norm. */
  readonly starts: Int32Array;
  readonly postingDoc: IndexArray;
  readonly postingValue: Float32Array;
  /** Each phrasing's label. */
  readonly labels: IndexArray;
  readonly documentCount: number;
}

export interface CompiledNeighbourWalk {
  /** Each label's best cosine into `out`, as `neighbourWalk` computes it; undefined for a message too long for it. */
  readonly nearest: (vector: SparseVector, out: Float64Array) => Float64Array | undefined;
  /** The index's arrays, now views of the module's memory (the walk's own copies can be let go of). */
  readonly postings: NeighbourPostings;
}

/**
 * `neighbourWalk` (neighbours.ts) compiled to WebAssembly, or undefined where the runtime compiles none (Workers).
 * The same walk step for step: the same postings in the same order, each phrasing's sum kept in single precision as
 * the JavaScript's Float32Array keeps it and every product and sum made in double precision, so each label's cosine
 * is the same to the last bit (a test compares them). What it saves is the JavaScript's checks and conversions on
 * each posting (a message walks about 500 postings and reaches about 300 phrasings).
 */
export function compiledNeighbourWalk(index: NeighbourPostings): CompiledNeighbourWalk | undefined {
  const { starts, postingDoc, postingValue, labels, documentCount } = index;
  let labelCount = 0;
  for (let d = 0; d < labels.length; d++) labelCount = Math.max(labelCount, (labels[d] as number) + 1);
  const docBytes = postingDoc.BYTES_PER_ELEMENT;
  const labelBytes = labels.BYTES_PER_ELEMENT;
  const sizes = [starts.length * 4, postingDoc.length * docBytes, postingValue.length * 4, labels.length * labelBytes, documentCount * 4, (postingDoc.length + 1) * 4, FEATURE_BYTES, FEATURE_BYTES, labelCount * 8];
  const { at, end } = layout(sizes);
  const [startsAt, docAt, valueAt, labelsAt, simsAt, touchedAt, indicesAt, valuesAt, outAt] = at as [number, number, number, number, number, number, number, number, number];
  const compiled = instantiate(walkModule(docBytes, labelBytes), 'nearest', end);
  if (compiled === undefined) return undefined;
  const { buffer } = compiled.memory;
  const copy = <T extends Int32Array | Uint16Array | Float32Array>(source: T, byteOffset: number): T => {
    const view = new (source.constructor as new (buffer: ArrayBuffer, byteOffset: number, length: number) => T)(buffer, byteOffset, source.length);
    view.set(source as never);
    return view;
  };
  const postings: NeighbourPostings = {
    kept: index.kept,
    starts: copy(starts, startsAt),
    postingDoc: copy(postingDoc, docAt),
    postingValue: copy(postingValue, valueAt),
    labels: copy(labels, labelsAt),
    documentCount,
  };
  const features = featureScratch(buffer, indicesAt, valuesAt);
  const best = new Float64Array(buffer, outAt, labelCount);
  const walk = compiled.run;
  return {
    postings,
    nearest(vector, out) {
      if (out.length < labelCount) return undefined;
      const n = features(vector);
      if (n < 0) return undefined;
      walk(n, indicesAt, valuesAt, outAt, labelCount, startsAt, docAt, valueAt, labelsAt, simsAt, touchedAt);
      out.fill(0);
      out.set(best);
      return out;
    },
  };
}

// Parameters, then locals, by number.
const N = 0;
const INDICES = 1;
const VALUES = 2;
const OUT = 3;
const LABEL_COUNT = 4;
const STARTS = 5;
const POSTING_DOC = 6;
const POSTING_VALUE = 7;
const LABELS = 8;
const SIMS = 9;
const TOUCHED = 10;
const K = 11;
const P = 12;
const END = 13;
const D = 14;
const REACHED = 15;
const J = 16;
const LABEL = 17;
const NORM = 18;
const SCALE = 19;
const VALUE = 20;
const BEFORE = 21;
const SIM = 22;
const LOCALS = [I32, I32, I32, I32, I32, I32, I32, F64, F64, F64, F64, F64];

/** An index array's element at `i`: 16-bit unsigned or 32-bit, as the index was built. */
const indexAt = (base: number, i: number, bytes: number): number[] =>
  bytes === 2 ? [...elementAt(base, i, 1), ...op.i32Load16U()] : [...elementAt(base, i, 2), ...op.i32Load()];

function walkModule(docBytes: number, labelBytes: number): Uint8Array {
  const code = [
    ...counting(J, LABEL_COUNT, [...elementAt(OUT, J, 3), ...op.f64(0), ...op.f64Store()]),
    // The message's norm; a message without weight is near nothing.
    ...op.f64(0), ...op.set(NORM),
    ...counting(K, N, [...op.get(NORM), ...elementAt(VALUES, K, 2), ...op.f32Load(), ...op.f64Promote, ...op.set(VALUE), ...op.get(VALUE), ...op.get(VALUE), ...op.f64Mul, ...op.f64Add, ...op.set(NORM)]),
    ...op.get(NORM), ...op.f64(0), ...op.f64Eq, ...op.if, ...op.return, ...op.end,
    ...op.f64(1), ...op.get(NORM), ...op.f64Sqrt, ...op.f64Div, ...op.set(SCALE),
    ...op.i32(0), ...op.set(REACHED),
    ...counting(K, N, [
      ...elementAt(VALUES, K, 2), ...op.f32Load(), ...op.f64Promote, ...op.get(SCALE), ...op.f64Mul, ...op.set(VALUE),
      // The feature's postings: starts[f] .. starts[f + 1] (empty for a feature left out of the index).
      ...elementAt(INDICES, K, 2), ...op.i32Load(), ...op.set(D),
      ...elementAt(STARTS, D, 2), ...op.i32Load(0), ...op.set(P),
      ...elementAt(STARTS, D, 2), ...op.i32Load(4), ...op.set(END),
      ...op.block, ...op.loop,
      ...op.get(P), ...op.get(END), ...op.i32GeS, ...op.brIf(1),
      ...indexAt(POSTING_DOC, P, docBytes), ...op.set(D),
      ...elementAt(SIMS, D, 2), ...op.f32Load(), ...op.f64Promote, ...op.set(BEFORE),
      // Recorded without a branch, kept only when new.
      ...elementAt(TOUCHED, REACHED, 2), ...op.get(D), ...op.i32Store(),
      ...op.get(REACHED), ...op.get(BEFORE), ...op.f64(0), ...op.f64Eq, ...op.i32Add, ...op.set(REACHED),
      ...elementAt(SIMS, D, 2),
      ...op.get(BEFORE), ...op.get(VALUE), ...elementAt(POSTING_VALUE, P, 2), ...op.f32Load(), ...op.f64Promote, ...op.f64Mul, ...op.f64Add,
      ...op.f32Demote, ...op.f32Store(),
      ...op.get(P), ...op.i32(1), ...op.i32Add, ...op.set(P),
      ...op.br(0),
      ...op.end, ...op.end,
    ]),
    // Each reached phrasing's sum to its label's best, then cleared for the next message.
    ...counting(J, REACHED, [
      ...elementAt(TOUCHED, J, 2), ...op.i32Load(), ...op.set(D),
      ...indexAt(LABELS, D, labelBytes), ...op.set(LABEL),
      ...elementAt(SIMS, D, 2), ...op.f32Load(), ...op.f64Promote, ...op.set(SIM),
      // The label's best so far raised to this sum without a branch: which is larger cannot be predicted.
      ...elementAt(OUT, LABEL, 3), ...op.set(P),
      ...op.get(P),
      ...op.get(P), ...op.v128Load64Zero(), ...op.get(SIM), ...op.f64x2Splat, ...op.f64x2Pmax, ...op.f64x2ExtractLane(0),
      ...op.f64Store(),
      ...elementAt(SIMS, D, 2), ...op.i32(0), ...op.i32Store(),
    ]),
  ];
  return moduleOf('nearest', 11, LOCALS, code);
}
