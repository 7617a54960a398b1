/**
 * What a read the core's caches miss costs on this machine now: dependent reads in one random cycle over a block
 * of the given size, one read per 64-byte line, so each waits for the one before. The understanding path's time
 * is mostly such waits (the README's "where the time goes"), and a shared machine's memory may be slower on some
 * days than others: printed beside the bench's figures, so that runs of different days can be compared.
 */
import { seededRandom } from '../intents/linear-model.ts';

const LINE_INTS = 16;

export function dependentReadNs(bytes: number, reads: number): number {
  const lines = Math.max(2, Math.floor(bytes / 4 / LINE_INTS));
  const next = new Int32Array(lines * LINE_INTS);
  // A random order of the lines (a fixed seed: the same cycle every run), linked into one cycle.
  const order = Int32Array.from({ length: lines }, (_, i) => i * LINE_INTS);
  const random = seededRandom(12345);
  for (let i = lines - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  for (let i = 0; i < lines; i++) next[order[i] as number] = order[(i + 1) % lines] as number;
  // One lap untimed, so the first timed reads find what fits already cached.
  let at = 0;
  for (let i = 0; i < lines; i++) at = next[at] as number;
  const started = process.hrtime.bigint();
  for (let i = 0; i < reads; i++) at = next[at] as number;
  const ns = Number(process.hrtime.bigint() - started) / reads;
  // `at` is used, so the loop is not optimised away.
  return at < 0 ? -1 : ns;
}
