import { logits, type LinearModel, type SparseVector } from './linear-model.ts';

/** Scores a message's weighed features against every class, into `out` (raw scores, before softmax). */
export type ModelScorer = (vector: SparseVector, out: Float64Array) => Float64Array;

/**
 * The model's scorer: `logits` compiled to WebAssembly where the runtime compiles it, else `logits` itself.
 *
 * Why: scoring takes some 4 µs of a message, 17.5 machine instructions per class and feature as V8 compiles the
 * JavaScript loop (each class's sum in its own register, four at a time; eight ran out of registers and were
 * slower). The WebAssembly loop adds two classes with one instruction (128-bit vectors of two doubles) and keeps
 * eight classes in registers. It makes the same sums: each class starts from its bias and adds the products of the
 * message's features in their order, every product and sum in double precision as JavaScript does, so the scores
 * are the same to the last bit (a test compares them). The weights are copied into the module's own memory once;
 * the model's array is then no longer needed by the matcher.
 *
 * Where WebAssembly cannot be compiled at run time (Cloudflare Workers compile modules only when deployed), or a
 * message has more features than the scratch space holds, the JavaScript `logits` scores it.
 */
export function modelScorer(model: LinearModel): ModelScorer {
  return compiledScorer(model) ?? ((vector, out) => logits(model, vector, out));
}

/** Features a message may have for the compiled scorer (a 2,000-letter message has about a thousand). */
const FEATURE_CAPACITY = 4096;
const PAGE = 65536;

export function compiledScorer(model: LinearModel): ModelScorer | undefined {
  const classes = model.classCount;
  const weightsAt = 0;
  const biasAt = align16(weightsAt + model.weights.length * 4);
  const outAt = align16(biasAt + classes * 8);
  const indicesAt = align16(outAt + classes * 8);
  const valuesAt = indicesAt + FEATURE_CAPACITY * 4;
  const end = valuesAt + FEATURE_CAPACITY * 4;
  let score: (n: number, classes: number, indices: number, values: number, weights: number, bias: number, out: number) => void;
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: Math.ceil(end / PAGE) });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(LOGITS_MODULE), { env: { memory } });
    score = instance.exports['logits'] as typeof score;
  } catch {
    return undefined;
  }
  // The memory never grows, so these views stay valid for the scorer's life.
  new Float32Array(memory.buffer, weightsAt, model.weights.length).set(model.weights);
  new Float64Array(memory.buffer, biasAt, classes).set(model.bias);
  const scores = new Float64Array(memory.buffer, outAt, classes);
  const indices = new Int32Array(memory.buffer, indicesAt, FEATURE_CAPACITY);
  const values = new Float32Array(memory.buffer, valuesAt, FEATURE_CAPACITY);
  return (vector, out) => {
    const n = vector.indices.length;
    if (n > FEATURE_CAPACITY) return logits(model, vector, out);
    indices.set(vector.indices);
    values.set(vector.values);
    score(n, classes, indicesAt, valuesAt, weightsAt, biasAt, outAt);
    out.set(scores);
    return out;
  };
}

const align16 = (at: number): number => (at + 15) & ~15;

// ---- The module, assembled here (a few dozen instructions; no WebAssembly toolchain in the build). ----

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;
const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, depth],
  brIf: (depth: number) => [0x0d, depth],
  get: (local: number) => [0x20, local],
  set: (local: number) => [0x21, local],
  i32: (value: number) => [0x41, ...signedLeb(value)],
  i32Add: [0x6a],
  i32Mul: [0x6c],
  i32Shl: [0x74],
  i32GeS: [0x4e],
  i32GtS: [0x4a],
  i32Load: [0x28, 2, 0],
  f32Load: [0x2a, 2, 0],
  f64Load: [0x2b, 3, 0],
  f64Store: [0x39, 3, 0],
  f64Promote: [0xbb],
  f64Add: [0xa0],
  f64Mul: [0xa2],
  v128Load: (offset: number) => [0xfd, 0x00, 4, offset],
  v128Store: (offset: number) => [0xfd, 0x0b, 4, offset],
  // Two single-precision weights (8 bytes) into the low half, then widened to two doubles.
  v128Load64Zero: (offset: number) => [0xfd, 0x5d, 2, offset],
  f64x2PromoteLow: [0xfd, 0x5f],
  f64x2Splat: [0xfd, 0x14],
  f64x2Add: [0xfd, 0xf0, 0x01],
  f64x2Mul: [0xfd, 0xf2, 0x01],
};

// Parameters, then locals, by number.
const N = 0;
const CLASSES = 1;
const INDICES = 2;
const VALUES = 3;
const WEIGHTS = 4;
const BIAS = 5;
const OUT = 6;
const C = 7;
const K = 8;
const AT = 9;
const SUMS = [10, 11, 12, 13];
const VALUE = 14;
const SUM = 15;

/** AT = weights + 4 × (indices[k] × classes + c): where feature k's row holds class c. */
const weightAddress = [
  ...op.get(WEIGHTS),
  ...op.get(INDICES), ...op.get(K), ...op.i32(2), ...op.i32Shl, ...op.i32Add, ...op.i32Load,
  ...op.get(CLASSES), ...op.i32Mul, ...op.get(C), ...op.i32Add, ...op.i32(2), ...op.i32Shl,
  ...op.i32Add, ...op.set(AT),
];
/** values[k], widened to a double. */
const featureValue = [...op.get(VALUES), ...op.get(K), ...op.i32(2), ...op.i32Shl, ...op.i32Add, ...op.f32Load, ...op.f64Promote];
/** Address of element c of an array of doubles at `base`. */
const doubleAt = (base: number) => [...op.get(base), ...op.get(C), ...op.i32(3), ...op.i32Shl, ...op.i32Add];
/** for (k = 0; k < n; k++) body */
const overFeatures = (body: number[]) => [
  ...op.i32(0), ...op.set(K),
  ...op.block, ...op.loop,
  ...op.get(K), ...op.get(N), ...op.i32GeS, ...op.brIf(1),
  ...body,
  ...op.get(K), ...op.i32(1), ...op.i32Add, ...op.set(K),
  ...op.br(0),
  ...op.end, ...op.end,
];

const eightClasses = [
  ...op.block, ...op.loop,
  ...op.get(C), ...op.i32(8), ...op.i32Add, ...op.get(CLASSES), ...op.i32GtS, ...op.brIf(1),
  ...doubleAt(BIAS), ...op.set(AT),
  ...SUMS.flatMap((sum, i) => [...op.get(AT), ...op.v128Load(16 * i), ...op.set(sum)]),
  ...overFeatures([
    ...weightAddress,
    ...featureValue, ...op.f64x2Splat, ...op.set(VALUE),
    ...SUMS.flatMap((sum, i) => [
      ...op.get(sum), ...op.get(VALUE), ...op.get(AT), ...op.v128Load64Zero(8 * i), ...op.f64x2PromoteLow,
      ...op.f64x2Mul, ...op.f64x2Add, ...op.set(sum),
    ]),
  ]),
  ...doubleAt(OUT), ...op.set(AT),
  ...SUMS.flatMap((sum, i) => [...op.get(AT), ...op.get(sum), ...op.v128Store(16 * i)]),
  ...op.get(C), ...op.i32(8), ...op.i32Add, ...op.set(C),
  ...op.br(0),
  ...op.end, ...op.end,
];

const remainingClasses = [
  ...op.block, ...op.loop,
  ...op.get(C), ...op.get(CLASSES), ...op.i32GeS, ...op.brIf(1),
  ...doubleAt(BIAS), ...op.f64Load, ...op.set(SUM),
  ...overFeatures([
    ...weightAddress,
    ...op.get(SUM), ...featureValue, ...op.get(AT), ...op.f32Load, ...op.f64Promote, ...op.f64Mul, ...op.f64Add, ...op.set(SUM),
  ]),
  ...doubleAt(OUT), ...op.get(SUM), ...op.f64Store,
  ...op.get(C), ...op.i32(1), ...op.i32Add, ...op.set(C),
  ...op.br(0),
  ...op.end, ...op.end,
];

const body = [
  ...[3, 3, I32, 5, V128, 1, F64], // locals: c, k, at; four sums and the value; the one-class sum
  ...op.i32(0), ...op.set(C),
  ...eightClasses,
  ...remainingClasses,
  ...op.end,
];

const LOGITS_MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [1, 0x60, 7, I32, I32, I32, I32, I32, I32, I32, 0]), // (i32 × 7) -> ()
  ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]), // imported memory, at least one page
  ...section(3, [1, 0]),
  ...section(7, [1, ...name('logits'), 0x00, 0]),
  ...section(10, [1, ...unsignedLeb(body.length), ...body]),
]);

function section(id: number, content: number[]): number[] {
  return [id, ...unsignedLeb(content.length), ...content];
}

function name(text: string): number[] {
  return [text.length, ...[...text].map((letter) => letter.charCodeAt(0))];
}

function unsignedLeb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

function signedLeb(value: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}
