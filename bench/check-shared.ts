/**
 * Checks the product against the material in ../shared, when it is there (CI runs it; the test suite must
 * pass from the repository alone): the label contract kept in knowledge-base/labels.json matches the
 * catalogue, and no seed phrasing copies a line of the evaluation data.
 *
 *   npm run check:shared -- PATH_TO_SHARED
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { foldKey } from '../intents/fold.ts';
import { readSeed } from '../knowledge-base/seed-files.ts';

// No default folder: the repository assumes nothing outside itself; CI names the folder when it has one.
const given = process.argv[2];
if (given === undefined) {
  console.error('check:shared: name the folder of the shared material, e.g. npm run check:shared -- ../shared');
  process.exit(2);
}
const shared = resolve(given);
if (!existsSync(resolve(shared, 'kb/catalogue.json'))) {
  console.log(`check:shared: ${shared} has no kb/catalogue.json; nothing to check`);
  process.exit(0);
}

type Group = 'kb' | 'report' | 'intent';
const GROUPS: readonly Group[] = ['kb', 'report', 'intent'];
const catalogue = JSON.parse(readFileSync(resolve(shared, 'kb/catalogue.json'), 'utf8')) as { labels: Record<Group, Array<{ id: string }>> };
const contract = JSON.parse(readFileSync(new URL('../knowledge-base/labels.json', import.meta.url), 'utf8')) as Record<Group, string[]>;
const problems: string[] = [];

for (const group of GROUPS) {
  const expected = catalogue.labels[group].map((e) => e.id).sort();
  const kept = [...contract[group]].sort();
  const missing = expected.filter((id) => !kept.includes(id));
  const extra = kept.filter((id) => !expected.includes(id));
  if (missing.length > 0) problems.push(`labels.json lacks ${group} labels of the catalogue: ${missing.join(', ')}`);
  if (extra.length > 0) problems.push(`labels.json has ${group} labels the catalogue does not: ${extra.join(', ')}`);
}

const evalFile = resolve(shared, 'eval/dev.jsonl');
if (existsSync(evalFile)) {
  const evaluation = new Set(
    readFileSync(evalFile, 'utf8').split('\n').filter(Boolean).map((line) => foldKey((JSON.parse(line) as { text: string }).text)),
  );
  const seed = readSeed();
  // Short generic phrases ("xin chào") coincide by chance; four words or more is a copy.
  const copied = [...seed.entries.flatMap((e) => e.examples), ...seed.definitions.flatMap((d) => d.examples)]
    .filter((text) => foldKey(text).split(' ').length > 3 && evaluation.has(foldKey(text)));
  for (const text of copied) problems.push(`seed phrasing copies an evaluation line: ${text}`);
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`check:shared: ${problem}`);
  process.exit(1);
}
console.log(`check:shared: label contract matches the catalogue; no seed phrasing copies ${evalFile}`);
