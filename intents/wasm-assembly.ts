import type { SparseVector } from './linear-model.ts';

/**
 * Just enough of the WebAssembly binary format to write the matcher's two inner loops (logits-kernel.ts,
 * neighbour-kernel.ts) as small modules of one function each, assembled when the matcher is built: no WebAssembly
 * toolchain in the build, and the modules' code reads next to the JavaScript it stands for.
 */

export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

/** Instructions, each as its bytes. Memory accesses take (align as a power of two, offset) after the opcode. */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: [0x0b],
  return: [0x0f],
  br: (depth: number) => [0x0c, depth],
  brIf: (depth: number) => [0x0d, depth],
  get: (local: number) => [0x20, local],
  set: (local: number) => [0x21, local],
  i32: (value: number) => [0x41, ...signedLeb(value)],
  f64: (value: number) => [0x44, ...littleEndianDouble(value)],
  i32Add: [0x6a],
  i32Mul: [0x6c],
  i32Shl: [0x74],
  i32GeS: [0x4e],
  i32GtS: [0x4a],
  i32Load: (offset = 0) => [0x28, 2, offset],
  i32Load16U: (offset = 0) => [0x2f, 1, offset],
  i32Store: (offset = 0) => [0x36, 2, offset],
  f32Load: (offset = 0) => [0x2a, 2, offset],
  f32Store: (offset = 0) => [0x38, 2, offset],
  f64Load: (offset = 0) => [0x2b, 3, offset],
  f64Store: (offset = 0) => [0x39, 3, offset],
  f32Demote: [0xb6],
  f64Promote: [0xbb],
  f64Eq: [0x61],
  f64Add: [0xa0],
  f64Mul: [0xa2],
  f64Div: [0xa3],
  f64Sqrt: [0x9f],
  v128Load: (offset = 0) => [0xfd, 0x00, 4, offset],
  v128Store: (offset = 0) => [0xfd, 0x0b, 4, offset],
  /** Eight bytes into the vector's low half, the rest zero. */
  v128Load64Zero: (offset = 0) => [0xfd, 0x5d, 3, offset],
  /** The two low single-precision lanes widened to two doubles. */
  f64x2PromoteLow: [0xfd, 0x5f],
  f64x2Splat: [0xfd, 0x14],
  f64x2Add: [0xfd, 0xf0, 0x01],
  f64x2Mul: [0xfd, 0xf2, 0x01],
  /** Lane by lane b if a < b, else a: one maxpd on x64, no branch. */
  f64x2Pmax: [0xfd, 0xf7, 0x01],
  f64x2ExtractLane: (lane: number) => [0xfd, 0x21, lane],
};

/** `for (i = 0; i < end; i++) body`, over i32 locals. */
export function counting(i: number, end: number, body: number[]): number[] {
  return [
    ...op.i32(0), ...op.set(i),
    ...op.block, ...op.loop,
    ...op.get(i), ...op.get(end), ...op.i32GeS, ...op.brIf(1),
    ...body,
    ...op.get(i), ...op.i32(1), ...op.i32Add, ...op.set(i),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

/** Address of element `i` of the array at `base`, elements of 2^shift bytes (locals). */
export const elementAt = (base: number, i: number, shift: number): number[] => [...op.get(base), ...op.get(i), ...op.i32(shift), ...op.i32Shl, ...op.i32Add];

/**
 * A module importing `env.memory` and exporting one function `name` of `params` i32 parameters and no result.
 * `locals` lists the further locals' types in order; `code` is the body without the final `end`.
 */
export function moduleOf(name: string, params: number, locals: readonly number[], code: readonly number[]): Uint8Array {
  const runs: number[][] = [];
  for (const type of locals) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] === type) last[0] = (last[0] as number) + 1;
    else runs.push([1, type]);
  }
  const body = [runs.length, ...runs.flat(), ...code, ...op.end];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, params, ...new Array<number>(params).fill(I32), 0]),
    ...section(2, [1, ...nameBytes('env'), ...nameBytes('memory'), 0x02, 0x00, 1]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...nameBytes(name), 0x00, 0]),
    ...section(10, [1, ...unsignedLeb(body.length), ...body]),
  ]);
}

export type Kernel = (...args: number[]) => void;

/**
 * Memory of `bytes` bytes and the module's function working in it, or undefined where WebAssembly cannot be compiled
 * at run time (Cloudflare Workers compile modules only when a Worker is deployed): the caller keeps its JavaScript.
 */
export function instantiate(module: Uint8Array, name: string, bytes: number): { memory: WebAssembly.Memory; run: Kernel } | undefined {
  try {
    const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(module), { env: { memory } });
    memoryMade += memory.buffer.byteLength;
    return { memory, run: instance.exports[name] as Kernel };
  } catch {
    return undefined;
  }
}

/** Features a message may have for a module (a 2,000-letter message has about a thousand); bytes of its indices or values. */
export const FEATURE_CAPACITY = 4096;
export const FEATURE_BYTES = FEATURE_CAPACITY * 4;

/**
 * Copies a message's features into a module's scratch space (indices at `indicesAt`, values at `valuesAt`, each
 * FEATURE_BYTES long) and gives their count, or -1 when there are more than fit (the caller scores it in JavaScript).
 */
export function featureScratch(buffer: ArrayBuffer, indicesAt: number, valuesAt: number): (vector: SparseVector) => number {
  const indices = new Int32Array(buffer, indicesAt, FEATURE_CAPACITY);
  const values = new Float32Array(buffer, valuesAt, FEATURE_CAPACITY);
  return (vector) => {
    const n = vector.indices.length;
    if (n > FEATURE_CAPACITY) return -1;
    indices.set(vector.indices);
    values.set(vector.values);
    return n;
  };
}

let memoryMade = 0;

/**
 * Bytes of module memory made so far in this process. Each lives as long as the index it serves, outside the heap and
 * the typed arrays' storage that `process.memoryUsage()` reports: the benchmark adds what a build made.
 */
export const compiledMemoryMade = (): number => memoryMade;

/** Byte offsets for arrays laid out one after another, each starting on a 16-byte boundary. */
export function layout(sizes: readonly number[]): { at: number[]; end: number } {
  const at: number[] = [];
  let end = 0;
  for (const size of sizes) {
    at.push(end);
    end = (end + size + 15) & ~15;
  }
  return { at, end };
}

function littleEndianDouble(value: number): number[] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value, true);
  return [...new Uint8Array(view.buffer)];
}

function section(id: number, content: number[]): number[] {
  return [id, ...unsignedLeb(content.length), ...content];
}

function nameBytes(text: string): number[] {
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
