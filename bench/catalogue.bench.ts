/**
 * npm run bench (last part): the figures the understanding targets are about, read by a person, not asserted.
 *
 *   npm run --silent build:bench && node build/bench/catalogue.bench.js [MESSAGES.jsonl ...]
 *                                                              (npm run bench -- ../shared/eval/dev.jsonl)
 *
 * It runs as the server does: bundled by esbuild with the server's settings (`build:server`), not through tsx, which
 * compiles each file apart and names every closure as it is made (the whole path took 6% longer, the matcher 15%),
 * with the seed the server bundles (seed-data.ts), and under the node flags and environment of `npm start` (below).
 *
 * - One resident message through the whole path the bot runs (bot/handle.ts): cleanText, the matcher, the decision,
 *   the scope decision against the catalogue and the catalogue options offered. Median and p99 per message
 *   (targets: ≤ 60 µs and ≤ 300 µs) over the texts of bench/scope-*.jsonl and of the files named, with the
 *   matcher's and the scope's shares beside it and the machine's load average, since other processes on a shared
 *   machine inflate every figure.
 * - The index build for the knowledge base plus the shipped catalogue (target ≤ 1 s: matcher and scope index), and
 *   the scope index built for 10,000 procedures (names synthesised by recombining halves of real ones): time and
 *   the heap the index keeps.
 * - What a read the caches miss costs on the machine now (memory-latency.ts): a shared machine's may not be the same
 *   every day, so runs of different days can be compared (context, not a correction).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism as availableCores, loadavg } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cleanText } from '../bot/clean-text.ts';
import { seededRandom } from '../intents/linear-model.ts';
import { buildMatcher, type Matcher } from '../intents/matcher.ts';
import { compiledMemoryMade } from '../intents/wasm-assembly.ts';
import { readMessage, readingLabels } from '../knowledge-base/catalogue/read-message.ts';
import type { ScopeIndex } from '../knowledge-base/catalogue/scope-index.ts';
import { buildScope } from '../knowledge-base/catalogue/scope-holder.ts';
import { shippedCatalogue } from '../knowledge-base/catalogue/shipped.ts';
import { codeOfValue, type CatalogueProcedure } from '../knowledge-base/catalogue/types.ts';
import { shippedSeed } from '../knowledge-base/seed-data.ts';
import { trainingSet } from '../knowledge-base/training-set.ts';
import { startScript } from '../tests/start-script.ts';
import { dependentReadNs } from './memory-latency.ts';

/**
 * The bench runs under the node flags and environment `npm start` gives the server (read from package.json, so the
 * two cannot drift): the young generation's size decides how often a message waits for a collection, which is the
 * p99. Run without them (16 MiB, where the server then had 1 MiB), the bench read p99 175 µs while the server's setting
 * gave 450-500 µs. It starts itself again under them, once.
 */
const AS_SERVER = 'CATALOGUE_BENCH_AS_SERVER';
if (process.env[AS_SERVER] !== '1') {
  const start = startScript();
  const run = spawnSync(process.execPath, [...process.execArgv, ...start.flags, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, ...start.env, [AS_SERVER]: '1' } });
  process.exit(run.status ?? 1);
}

const ROUNDS = 5;
/** Untimed passes first: the optimising compiler takes a few thousand calls to settle. */
const WARM_UP = 3;
const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
const mib = (bytes: number): string => (bytes / 1048576).toFixed(1) + ' MiB';

/** The texts of JSONL message files (one {"text": ...} per line). */
function messagesOf(files: readonly string[]): string[] {
  return files.flatMap((file) => readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => (JSON.parse(line) as { text: string }).text));
}

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

/** What bot/handle.ts does with a text message before it composes a reply, down to the procedures it offers. */
function readOne(text: string, matcher: Matcher, scope: ScopeIndex): unknown {
  const clean = cleanText(text);
  const { options } = readingLabels(readMessage(clean, matcher.match(clean), scope));
  return options.map((label) => {
    const code = codeOfValue(label);
    return code === undefined ? label : scope.procedure(code);
  });
}

interface Timings {
  /** Every message of every round, µs, sorted. */
  readonly all: readonly number[];
  /** Each round's median, sorted: their spread shows what other processes did meanwhile. */
  readonly roundMedians: readonly number[];
}

/** Per-message times of `run` over every text, ROUNDS times, after untimed passes (a server is warm). */
function timed(texts: readonly string[], run: (text: string, i: number) => unknown): Timings {
  for (let pass = 0; pass < WARM_UP; pass++) texts.forEach(run);
  const all: number[] = [];
  const roundMedians: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const times = texts.map((text, i) => {
      const started = process.hrtime.bigint();
      run(text, i);
      return Number(process.hrtime.bigint() - started) / 1000;
    });
    all.push(...times);
    roundMedians.push(quantile(times.sort((a, b) => a - b), 0.5));
  }
  return { all: all.sort((a, b) => a - b), roundMedians: roundMedians.sort((a, b) => a - b) };
}

const figure = ({ all, roundMedians }: Timings): string =>
  `median ${quantile(all, 0.5).toFixed(1)} us, p99 ${quantile(all, 0.99).toFixed(1)} us ` +
  `(round medians ${(roundMedians[0] as number).toFixed(1)}-${(roundMedians[roundMedians.length - 1] as number).toFixed(1)})`;

// A collection before and after a build, so the heap figure is what the index keeps, not garbage left around it.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * Collections, with pauses between them: a typed array's storage is freed by a thread of V8's own after the
 * collection that found it unreachable, so a figure read at once could still count an index let go of just before
 * (the kept heap of the same build read 6.9, 4.2, 0.2 and -0.0 MiB in four runs).
 */
const pause = new Int32Array(new SharedArrayBuffer(4));
const settle = (): void => {
  for (let i = 0; i < 3; i++) {
    collect();
    Atomics.wait(pause, 0, 0, 30);
  }
};

/** What the process holds: the JavaScript heap plus the typed arrays' storage, which lives outside it. */
const held = (): number => {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

/**
 * Median build time, and what the last build keeps: held with it, less held once it is let go of, plus the module
 * memory it made (not in `process.memoryUsage()`).
 */
function timedBuilds<T>(runs: number, build: () => T): { medianMs: number; heapMiB: number } {
  const times: number[] = [];
  let kept: T | undefined;
  // The WebAssembly memory a build made (the matcher's weights and neighbour postings), which it keeps for its life.
  let compiledLastBuild = 0;
  for (let i = 0; i < runs; i++) {
    kept = undefined;
    settle();
    const compiledBefore = compiledMemoryMade();
    const started = performance.now();
    kept = build();
    times.push(performance.now() - started);
    compiledLastBuild = compiledMemoryMade() - compiledBefore;
  }
  if (kept === undefined) throw new Error('nothing built');
  settle();
  const withIt = held();
  kept = undefined;
  settle();
  const heap = (withIt - held() + compiledLastBuild) / 1048576;
  times.sort((a, b) => a - b);
  return { medianMs: quantile(times, 0.5), heapMiB: heap };
}

const benchFiles = readdirSync('bench').filter((f) => /^scope-.*\.jsonl$/.test(f)).sort().map((f) => join('bench', f));
const files = [...process.argv.slice(2), ...benchFiles];
const texts = messagesOf(files);
const seed = shippedSeed();
const phrasings = trainingSet(seed.entries, seed.definitions);
const shipped = shippedCatalogue();

// Messages first, on a fresh heap: the index builds below leave garbage a running server would not have.
const matcher = buildMatcher(phrasings);
const scope = buildScope(shipped, seed.entries, seed.definitions);
const whole = timed(texts, (text) => readOne(text, matcher, scope));
const matcherAlone = timed(texts, (text) => matcher.match(cleanText(text)));
// The scope's share alone, on results the matcher already gave (not part of the whole-path figure).
const cleaned = texts.map(cleanText);
const results = cleaned.map((text) => matcher.match(text));
const scopeAlone = timed(cleaned, (text, i) => readingLabels(readMessage(text, results[i] as (typeof results)[number], scope)));
// A running server builds both indexes again when staff publish an entry or import a catalogue: the whole path once
// more on indexes built a second time, whose closures are no longer the only ones of their code (fresh-code.ts).
const rebuiltMatcher = buildMatcher(phrasings);
const rebuiltScope = buildScope(shipped, seed.entries, seed.definitions);
const rebuilt = timed(texts, (text) => readOne(text, rebuiltMatcher, rebuiltScope));
const load = loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`messages: ${texts.length} texts of ${files.join(', ')}, ${ROUNDS} rounds; load average ${load} on ${availableCores()} cores; node ${process.execArgv.join(' ')} as npm start runs the server`);
console.log(`one message, whole path (clean, matcher, decision, scope, options): ${figure(whole)}`);
console.log(`  matcher alone (clean + match): ${figure(matcherAlone)}; scope alone (decision, scope, options): ${figure(scopeAlone)}`);
console.log(`  whole path after both indexes were built again (as after staff publish): ${figure(rebuilt)}`);

const matcherBuild = timedBuilds(3, () => buildMatcher(phrasings));
const scopeBuild = timedBuilds(5, () => buildScope(shipped, seed.entries, seed.definitions));
console.log(`index build, ${seed.entries.length} entries (${phrasings.length} phrasings) + ${shipped.length} procedures: ${(matcherBuild.medianMs + scopeBuild.medianMs).toFixed(0)} ms (matcher ${matcherBuild.medianMs.toFixed(0)} ms, ${matcherBuild.heapMiB.toFixed(1)} MiB; scope index ${scopeBuild.medianMs.toFixed(0)} ms, ${scopeBuild.heapMiB.toFixed(1)} MiB)`);
const large = synthesise(shipped, 10_000, seededRandom(11));
const big = timedBuilds(3, () => buildScope(large, seed.entries, seed.definitions));
console.log(`scope index build, ${large.length} procedures (synthesised): ${big.medianMs.toFixed(0)} ms, ${big.heapMiB.toFixed(1)} MiB kept; with the matcher ${(matcherBuild.medianMs + big.medianMs).toFixed(0)} ms, ${(matcherBuild.heapMiB + big.heapMiB).toFixed(1)} MiB`);
const memory = process.memoryUsage();
console.log(`memory: rss ${mib(memory.rss)}, heap used ${mib(memory.heapUsed)}, typed arrays ${mib(memory.arrayBuffers)}, module memory made ${mib(compiledMemoryMade())} (by every build above)`);
// Last, so its 16 MiB block is not in the heap figures above. Within 1 MiB the core's own cache answers; over 4 and
// 16 MiB the reads go past it, as a message's misses do. Context for comparing runs of different days, not a correction.
const latency = [1, 4, 16].map((size) => `${dependentReadNs(size * 1048576, 2_000_000).toFixed(0)} ns over ${size} MiB`);
console.log(`machine: a dependent random read takes ${latency.join(', ')}`);
