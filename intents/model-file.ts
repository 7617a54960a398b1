import type { TrainedModel } from './model-io.ts';

/**
 * Trained models in one compact binary file, imported into the Worker bundle as data (wrangler's Data rule):
 *   "MWT1" | u32 header length | header JSON (fingerprint, sizes, offsets) | padding to 8 |
 *   per model: weights (float32 × features × classes) then bias (float64 × classes), each at an 8-aligned offset.
 * Little-endian, like every platform Workers and Node run on. Loading is a few typed-array views, no parsing.
 */
const MAGIC = 'MWT1';

interface Header {
  readonly models: ReadonlyArray<{ fingerprint: string; featureCount: number; classCount: number; weightsAt: number; biasAt: number }>;
}

const align8 = (n: number): number => Math.ceil(n / 8) * 8;

export function encodeModels(models: readonly TrainedModel[]): Uint8Array {
  const entries: Array<Header['models'][number]> = [];
  // The header's size depends on the offsets' digits: lay out with room to spare, then fix the start.
  const draft = (start: number) => {
    entries.length = 0;
    let at = start;
    for (const { fingerprint, featureCount, model } of models) {
      const weightsAt = at;
      const biasAt = align8(weightsAt + model.weights.byteLength);
      at = align8(biasAt + model.bias.byteLength);
      entries.push({ fingerprint, featureCount, classCount: model.classCount, weightsAt, biasAt });
    }
    return at;
  };
  let headerBytes = new TextEncoder().encode(JSON.stringify({ models: [] }));
  let start = 0;
  for (;;) {
    const next = align8(8 + headerBytes.length);
    if (next === start) break;
    start = next;
    draft(start);
    headerBytes = new TextEncoder().encode(JSON.stringify({ models: entries } satisfies Header));
  }
  const total = draft(start);
  const out = new Uint8Array(total);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  models.forEach(({ model }, i) => {
    const entry = entries[i] as Header['models'][number];
    out.set(new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength), entry.weightsAt);
    out.set(new Uint8Array(model.bias.buffer, model.bias.byteOffset, model.bias.byteLength), entry.biasAt);
  });
  return out;
}

export function decodeModels(data: ArrayBuffer | Uint8Array): TrainedModel[] {
  // Typed-array views need aligned offsets: a bundler may hand the bytes over at any offset.
  const bytes = data instanceof Uint8Array ? (data.byteOffset % 8 === 0 ? data : data.slice()) : new Uint8Array(data);
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error('matcher weights: not a MWT1 file');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
  return header.models.map((m) => {
    const weights = new Float32Array(bytes.buffer, bytes.byteOffset + m.weightsAt, m.featureCount * m.classCount);
    const bias = new Float64Array(bytes.buffer, bytes.byteOffset + m.biasAt, m.classCount);
    return { fingerprint: m.fingerprint, featureCount: m.featureCount, model: { classCount: m.classCount, weights, bias } };
  });
}
