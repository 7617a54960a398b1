/**
 * npx tsx bench/holdout.ts [--folds N] [--failures]: does a gain generalise beyond the phrasings it was tuned on?
 * Every Nth example phrasing of each topic is held out (N rotations, so each phrasing is tested once), the
 * matcher is built from the rest (titles and keywords always kept), and the held-out phrasings are decided.
 * Reports top-1 of the decided label, per style (guessed from the text) and per label group.
 */
import { decide, decidedLabel } from '../intents/decide.ts';
import { buildMatcher, type LabelledText } from '../intents/matcher.ts';
import { readSeed } from '../knowledge-base/seed-files.ts';
import { kbLabel } from '../knowledge-base/types.ts';

const args = process.argv.slice(2);
const foldsAt = args.indexOf('--folds');
const folds = foldsAt >= 0 ? Number(args[foldsAt + 1]) : 5;
const showFailures = args.includes('--failures');

const seed = readSeed();
interface Topic {
  readonly label: string;
  readonly fixed: readonly string[];
  readonly examples: readonly string[];
}
const topics: Topic[] = [
  ...seed.entries.map((e) => ({ label: kbLabel(e.id), fixed: [e.title, ...e.keywords], examples: e.examples })),
  ...seed.definitions.map((d) => ({ label: d.label, fixed: d.keywords, examples: d.examples })),
];

function styleOf(text: string): string {
  if (/\p{L}/u.test(text) && text === text.toUpperCase()) return 'upper';
  return /[^\x00-\x7f]/.test(text) ? 'marked' : 'plain';
}

type Tally = { n: number; correct: number };
const byStyle = new Map<string, Tally>();
const byGroup = new Map<string, Tally>();
let n = 0;
let correct = 0;
let ranked = 0;
let builds = 0;
const failures: string[] = [];
for (let fold = 0; fold < folds; fold++) {
  const train: LabelledText[] = [];
  const test: LabelledText[] = [];
  for (const topic of topics) {
    for (const text of topic.fixed) train.push({ label: topic.label, text });
    topic.examples.forEach((text, i) => (i % folds === fold ? test : train).push({ label: topic.label, text }));
  }
  const started = performance.now();
  const matcher = buildMatcher(train);
  builds += performance.now() - started;
  for (const { label, text } of test) {
    const result = matcher.match(text);
    const got = decidedLabel(decide(result));
    const ok = got === label;
    n++;
    if (ok) correct++;
    if (result.label === label) ranked++;
    for (const [map, key] of [[byStyle, styleOf(text)], [byGroup, label.split(':')[0] ?? '?']] as const) {
      const t = map.get(key) ?? { n: 0, correct: 0 };
      t.n++;
      if (ok) t.correct++;
      map.set(key, t);
    }
    if (!ok) failures.push(`${label.padEnd(28)} got ${got.padEnd(28)} ${result.score.toFixed(2)}  ${text}`);
  }
}
const pct = (x: number): string => (100 * x).toFixed(1) + '%';
console.log(`held-out seed phrasings: ${n} (${folds} folds)   decided top-1: ${pct(correct / n)}   ranked first: ${pct(ranked / n)}`);
console.log('by style:  ' + [...byStyle].map(([k, t]) => `${k} ${pct(t.correct / t.n)} (${t.n})`).join(', '));
console.log('by group:  ' + [...byGroup].map(([k, t]) => `${k} ${pct(t.correct / t.n)} (${t.n})`).join(', '));
console.log(`mean build: ${(builds / folds).toFixed(0)} ms`);
if (showFailures) for (const line of failures) console.log('  ' + line);
