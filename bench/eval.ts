/**
 * Measures understanding on a labelled JSONL file: npm run eval -- FILE.jsonl [--json]
 * Each line: {"text", "label", "style"}. Prints top-1 overall, per style and per label group, top-3 recall,
 * the most confused pairs and the time per message.
 */
import { readFileSync } from 'node:fs';
import { decide, decidedLabel } from '../intents/decide.ts';
import { buildMatcher } from '../intents/matcher.ts';
import { readSeed } from '../knowledge-base/seed-files.ts';
import { trainingSet } from '../knowledge-base/training-set.ts';

interface Row {
  readonly text: string;
  readonly label: string;
  readonly style: string;
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const asJson = args.includes('--json');
if (!file) {
  console.error('usage: npm run eval -- FILE.jsonl [--json]');
  process.exit(2);
}

const rows: Row[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line, i) => {
    const row = JSON.parse(line) as Partial<Row>;
    if (typeof row.text !== 'string' || typeof row.label !== 'string') throw new Error(`line ${i + 1}: text and label are required`);
    return { text: row.text, label: row.label, style: row.style ?? 'unknown' };
  });

const seed = readSeed();
const matcher = buildMatcher(trainingSet(seed.entries, seed.definitions));

type Tally = { n: number; correct: number };
const tally = (): Tally => ({ n: 0, correct: 0 });
const byStyle = new Map<string, Tally>();
const byGroup = new Map<string, Tally>();
const confusions = new Map<string, number>();
let correct = 0;
let inTop3 = 0;
const failures: string[] = [];

// One untimed pass first: the figure is the steady state a running server sees, not the JIT warming up.
for (const row of rows) decide(matcher.match(row.text));
const started = process.hrtime.bigint();
const decisions = rows.map((row) => {
  const result = matcher.match(row.text);
  return { result, predicted: decidedLabel(decide(result)) };
});
const elapsedUs = Number(process.hrtime.bigint() - started) / 1000;

rows.forEach((row, i) => {
  const { result, predicted } = decisions[i] as (typeof decisions)[number];
  const ok = predicted === row.label;
  const top3 = [result.label, ...result.alternatives.map((a) => a.label)].slice(0, 3);
  if (ok) correct++;
  if (ok || top3.includes(row.label)) inTop3++;
  for (const [map, key] of [[byStyle, row.style], [byGroup, row.label.split(':')[0] ?? '?']] as const) {
    const t = map.get(key) ?? tally();
    t.n++;
    if (ok) t.correct++;
    map.set(key, t);
  }
  if (!ok) {
    const pair = `${row.label} -> ${predicted}`;
    confusions.set(pair, (confusions.get(pair) ?? 0) + 1);
    failures.push(`${row.label.padEnd(28)} got ${predicted.padEnd(28)} ${result.score.toFixed(2)}  ${row.text}`);
  }
});

const ratio = (t: Tally): number => (t.n === 0 ? 0 : t.correct / t.n);
const summary = {
  n: rows.length,
  accuracy: correct / rows.length,
  top3: inTop3 / rows.length,
  byStyle: Object.fromEntries([...byStyle].map(([k, t]) => [k, ratio(t)])),
  byGroup: Object.fromEntries([...byGroup].map(([k, t]) => [k, ratio(t)])),
  usPerMessage: Math.round(elapsedUs / rows.length),
  buildMs: Math.round(matcher.stats.buildMs),
  confused: [...confusions].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([pair, count]) => ({ pair, count })),
};

if (asJson) {
  console.log(JSON.stringify(summary));
} else {
  const pct = (x: number): string => (100 * x).toFixed(1) + '%';
  console.log(`messages: ${summary.n}   top-1: ${pct(summary.accuracy)}   top-3: ${pct(summary.top3)}`);
  console.log('by style:  ' + [...byStyle].map(([k, t]) => `${k} ${pct(ratio(t))} (${t.n})`).join(', '));
  console.log('by group:  ' + [...byGroup].map(([k, t]) => `${k} ${pct(ratio(t))} (${t.n})`).join(', '));
  console.log(`time: ${summary.usPerMessage} us/message (incl. decisions); index build ${summary.buildMs} ms`);
  console.log('most confused (expected -> got):');
  for (const { pair, count } of summary.confused) console.log(`  ${count}  ${pair}`);
  if (args.includes('--failures')) for (const line of failures) console.log('  ' + line);
}
