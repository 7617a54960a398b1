/**
 * npm run bench: the matcher's cost on this machine. Prints index build time, time per message (median, p99)
 * over the knowledge base's own phrasings with a typo added, and the process's memory.
 * Figures only; targets (median ≤ 60 µs and p99 ≤ 300 µs per message with the catalogue retrieval on top,
 * build ≤ 1 s) are checked by reading them, not by a timed test. Accuracy on phrasings the build did not see:
 * bench/holdout.ts.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { typoVariant } from '../intents/augment.ts';
import { seededRandom } from '../intents/linear-model.ts';
import { buildMatcher } from '../intents/matcher.ts';
import { readSeed } from '../knowledge-base/seed-files.ts';
import { trainingSet } from '../knowledge-base/training-set.ts';

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

const seed = readSeed();
const texts = trainingSet(seed.entries, seed.definitions);
const builds: number[] = [];
let matcher = buildMatcher(texts);
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  matcher = buildMatcher(texts);
  builds.push(performance.now() - started);
}
builds.sort((a, b) => a - b);

const random = seededRandom(7);
const queries = texts.map((t) => typoVariant(t.text, random) ?? t.text);
for (const q of queries.slice(0, 500)) matcher.match(q); // warm-up: JIT and the spelling cache see typical input

const timings: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const q of queries) {
    const started = process.hrtime.bigint();
    matcher.match(q);
    timings.push(Number(process.hrtime.bigint() - started) / 1000);
  }
}
timings.sort((a, b) => a - b);
const memory = process.memoryUsage();
// What one more matcher keeps on the heap once built (a closure made in the build once kept all its training
// documents: 25 MiB instead of 9).
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
gc();
const heapBefore = process.memoryUsage().heapUsed;
const another = buildMatcher(texts);
gc();
const keptBytes = process.memoryUsage().heapUsed - heapBefore;
another.match('giữ cho tới khi đo xong');
const mib = (bytes: number): string => (bytes / 1048576).toFixed(1) + ' MiB';

console.log(`training phrasings: ${texts.length}, labels: ${matcher.labels.length}, features: ${matcher.stats.features}`);
console.log(`index build: median ${quantile(builds, 0.5).toFixed(0)} ms, max ${(builds[builds.length - 1] as number).toFixed(0)} ms (5 builds)`);
console.log(`match: median ${quantile(timings, 0.5).toFixed(1)} us, p99 ${quantile(timings, 0.99).toFixed(1)} us, over ${timings.length} messages`);
console.log(`memory: rss ${mib(memory.rss)}, heap used ${mib(memory.heapUsed)}; heap kept by one built matcher ${mib(keptBytes)}`);
