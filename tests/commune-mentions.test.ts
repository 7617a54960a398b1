import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { communeNames, findMentions, type CommuneName, type Mention } from '../bot/reports/commune-mentions.ts';
import { nameCore } from '../bot/reports/gazetteer.ts';
import { readGazetteer } from '../bot/reports/gazetteer-file.ts';
import { foldKey } from '../intents/fold.ts';

/**
 * The names are indexed by their first word (commune-mentions.ts): the mentions found must be exactly those of a walk
 * that tries every name at every position, the way they were found before the index, on the shipped list.
 */
const communes = readGazetteer().communes;
const names: CommuneName<string>[] = communes.map((commune) => {
  const folded = foldKey(commune.name);
  return { item: commune.id, folded, core: nameCore(folded) };
});
const UNITS = [['thi', 'tran'], ['phuong'], ['xa'], ['p'], ['tt']];

/** Every name at every position, then the longest most specific reading of each stretch: the reference. */
function everyNameEverywhere(folded: string): Array<Mention<string>> {
  const words = folded.split(' ').filter((w) => w !== '');
  type Hit = { start: number; end: number; rank: number; name: CommuneName<string>; typedUnit?: string };
  const hits: Hit[] = [];
  for (const name of names) {
    const unit = name.folded.slice(0, name.folded.length - name.core.length).trim();
    const core = name.core.split(' ');
    for (let at = 0; at + core.length <= words.length; at++) {
      if (!core.every((w, k) => words[at + k] === w)) continue;
      const typed = UNITS.find((u) => at - u.length >= 0 && u.every((w, k) => words[at - u.length + k] === w));
      const typedUnit = typed === undefined ? undefined : typed.join(' ') === 'p' ? 'phuong' : typed.join(' ') === 'tt' ? 'thi tran' : typed.join(' ');
      if (typed === undefined) {
        if (name.core !== 'an ninh') hits.push({ start: at, end: at + core.length, rank: 1, name });
      } else if (typedUnit === unit) hits.push({ start: at - typed.length, end: at + core.length, rank: 0, name });
      else hits.push({ start: at - typed.length, end: at + core.length, rank: 2, name, typedUnit });
    }
  }
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank);
  const chosen: Hit[] = [];
  for (const hit of hits) if (!chosen.some((c) => hit.start < c.end && c.start < hit.end)) chosen.push(hit);
  return chosen.map((hit) => ({
    start: hit.start,
    end: hit.end,
    candidates: hit.rank !== 2 ? [hit.name.item] : [...names.filter((n) => n.folded.startsWith(`${hit.typedUnit} ${hit.name.core} `)).map((n) => n.item), hit.name.item],
  }));
}

test('indexed by first word, the mentions are those of trying every name at every position', () => {
  const index = communeNames(names);
  const vocabulary = [...new Set([...names.flatMap((n) => n.folded.split(' ')), 'p', 'tt', 'den', 'duong', 'hem', 'ap', 'o', 'tai', '1', '2', '3', 'an', 'ninh'])];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 14 }), (words) => {
      const folded = words.join(' ');
      assert.deepEqual(findMentions(folded, index), everyNameEverywhere(folded));
    }),
    { numRuns: 3000 },
  );
  for (const name of names) {
    const folded = `den duong hem 3 ${name.folded} tat o ${name.core}`;
    assert.deepEqual(findMentions(folded, index), everyNameEverywhere(folded));
  }
});
