/**
 * npm run bench (second part): the procedure catalogue's cost. Prints the scope index build time for the shipped
 * catalogue and for 10,000 procedures (names synthesised by recombining halves of real ones), memory, and the
 * combined figure the targets are about: one message end to end as the bot reads it (cleanText, matcher, decision,
 * scope against the catalogue), median and p99 (targets: ≤ 60 µs and ≤ 300 µs), with the machine's load average
 * beside it, since other processes on a shared machine inflate every figure. Figures only, read by a person.
 */
import { availableParallelism as availableCores, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cleanText } from '../bot/clean-text.ts';
import { typoVariant } from '../intents/augment.ts';
import { seededRandom } from '../intents/linear-model.ts';
import { buildMatcher } from '../intents/matcher.ts';
import { readMessage } from '../knowledge-base/catalogue/read-message.ts';
import { buildScope } from '../knowledge-base/catalogue/scope-holder.ts';
import { shippedCatalogue } from '../knowledge-base/catalogue/shipped.ts';
import type { CatalogueProcedure } from '../knowledge-base/catalogue/types.ts';
import { readSeed } from '../knowledge-base/seed-files.ts';
import { trainingSet } from '../knowledge-base/training-set.ts';

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
const mib = (bytes: number): string => (bytes / 1048576).toFixed(1) + ' MiB';

/** A larger catalogue like a province's full list: first half of one real name joined to the second half of another. */
function synthesise(real: readonly CatalogueProcedure[], n: number, random: () => number): CatalogueProcedure[] {
  const out: CatalogueProcedure[] = [...real];
  for (let i = 0; out.length < n; i++) {
    const a = real[Math.floor(random() * real.length)] as CatalogueProcedure;
    const b = real[Math.floor(random() * real.length)] as CatalogueProcedure;
    const left = a.name.split(' ');
    const right = b.name.split(' ');
    const name = [...left.slice(0, Math.ceil(left.length / 2)), ...right.slice(Math.floor(right.length / 2))].join(' ');
    out.push({ ...a, code: `9.${String(100000 + i).padStart(6, '0')}`, name });
  }
  return out;
}

// A collection before and after a build, so the heap figure is what the index keeps, not garbage left around it.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function timedBuild(procedures: readonly CatalogueProcedure[], runs: number): { medianMs: number; heapMiB: number } {
  const seed = readSeed();
  const times: number[] = [];
  let heap = 0;
  let kept: ReturnType<typeof buildScope> | undefined;
  for (let i = 0; i < runs; i++) {
    kept = undefined;
    collect();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    kept = buildScope(procedures, seed.entries, seed.definitions);
    times.push(performance.now() - started);
    collect();
    heap = (process.memoryUsage().heapUsed - before) / 1048576;
    if (kept.stats.documents === 0) throw new Error('empty index');
  }
  times.sort((a, b) => a - b);
  return { medianMs: quantile(times, 0.5), heapMiB: heap };
}

const seed = readSeed();
const texts = trainingSet(seed.entries, seed.definitions);
const shipped = shippedCatalogue();
const random = seededRandom(11);

// Messages first, on a fresh heap: the index builds below leave garbage a running server would not have.
const matcher = buildMatcher(texts);
const scope = buildScope(shipped, seed.entries, seed.definitions);
const queries = [...texts.map((t) => typoVariant(t.text, random) ?? t.text), ...shipped.slice(0, 500).map((p) => p.name.toLowerCase())];
/** What bot/handle.ts does with a text message before it composes a reply. */
const read = (text: string) => {
  const clean = cleanText(text);
  return readMessage(clean, matcher.match(clean), scope);
};
for (const q of queries.slice(0, 800)) read(q);
const timed = (run: (q: string, i: number) => unknown): number[] => {
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    queries.forEach((q, i) => {
      const started = process.hrtime.bigint();
      run(q, i);
      times.push(Number(process.hrtime.bigint() - started) / 1000);
    });
  }
  return times.sort((a, b) => a - b);
};
const both = timed((q) => read(q));
// The scope's share alone, on results the matcher already gave (not part of the end-to-end figure).
const results = queries.map((q) => matcher.match(cleanText(q)));
const scopeOnly = timed((q, i) => readMessage(q, results[i] as (typeof results)[number], scope));
const load = loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`message end to end (clean + matcher + decision + scope): median ${quantile(both, 0.5).toFixed(1)} us, p99 ${quantile(both, 0.99).toFixed(1)} us over ${both.length} messages (${queries.length - 500} phrasings with a typo, 500 procedure names); load average ${load} on ${availableCores()} cores`);
console.log(`scope decision alone: median ${quantile(scopeOnly, 0.5).toFixed(1)} us, p99 ${quantile(scopeOnly, 0.99).toFixed(1)} us`);

const small = timedBuild(shipped, 5);
console.log(`catalogue index build (${shipped.length} procedures + ${texts.length} phrasings): median ${small.medianMs.toFixed(0)} ms, index heap ${small.heapMiB.toFixed(1)} MiB`);
const large = synthesise(shipped, 10_000, random);
const big = timedBuild(large, 3);
console.log(`catalogue index build (${large.length} procedures, synthesised): median ${big.medianMs.toFixed(0)} ms, index heap ${big.heapMiB.toFixed(1)} MiB`);
const memory = process.memoryUsage();
console.log(`memory: rss ${mib(memory.rss)}, heap used ${mib(memory.heapUsed)}`);
