import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { communeFuse, fuzzyByLength, nameCore } from '../bot/reports/gazetteer.ts';
import { readGazetteer } from '../bot/reports/gazetteer-file.ts';
import { foldKey } from '../intents/fold.ts';

// The shipped communes' names as the gazetteer compares them, and longer made-up ones: names past 21 characters
// are the only ones a query longer than 32 (which Fuse cuts into pieces) could still match.
const shipped = readGazetteer().communes.map((commune) => ({ core: nameCore(foldKey(commune.name)) }));
const long = ['thi tran cai tac hau giang moi', 'khu dan cu vuot lu so mot ba bon nam', 'an binh tay phuoc long hiep thanh dong'].map((core) => ({ core }));
const names = [...shipped, ...long];
const oneFuse = communeFuse(names);
const byLength = fuzzyByLength(names);

/** What one Fuse over every name answers: the reference the length-split search must equal. */
function reference(query: string, limit: number): Array<{ core: string; score: number }> {
  return oneFuse.search(query, { limit }).map((r) => ({ core: r.item.core, score: r.score ?? 1 }));
}
const split = (query: string, limit: number) => byLength(query, limit).map((r) => ({ core: r.name.core, score: r.score }));

const letters = fc.constantFrom(...'abcdeghiklmnopqrstuvxy0123456789 '.split(''));
const word = fc.string({ unit: letters, minLength: 1, maxLength: 9 });
/** A name with a few typing slips: a letter dropped, doubled or replaced. */
const slipped = fc.tuple(fc.constantFrom(...names.map((n) => n.core)), fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'double', 'swap'), fc.constantFrom(...'aeiou nth'.split(''))), { maxLength: 4 })).map(([core, slips]) => {
  let text = core;
  for (const [at, kind, letter] of slips) {
    const i = at % Math.max(1, text.length);
    text = kind === 'drop' ? text.slice(0, i) + text.slice(i + 1) : kind === 'double' ? text.slice(0, i + 1) + text.slice(i) : text.slice(0, i) + letter + text.slice(i + 1);
  }
  return text;
});
const queries = fc.oneof(
  slipped,
  fc.tuple(fc.array(word, { maxLength: 6 }), slipped, fc.array(word, { maxLength: 6 })).map(([before, name, after]) => [...before, name, ...after].join(' ')),
  fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' ')),
  fc.string({ unit: letters, maxLength: 80 }),
);

test('the commune search split by name length answers exactly what one Fuse over every name answers', () => {
  fc.assert(
    fc.property(queries, fc.constantFrom(1, 5, 10), (query, limit) => {
      assert.deepEqual(split(query, limit), reference(query, limit), query);
    }),
    { numRuns: 3000 },
  );
});

test('answers with typing slips are still found, and questions longer than any name skip the names at once', () => {
  assert.equal(split('vi tann', 5)[0]?.core, 'vi tan');
  assert.equal(split('hoa luuu', 5)[0]?.core, 'hoa luu');
  assert.deepEqual(split('thi tran cai tac hau giang moi', 1), reference('thi tran cai tac hau giang moi', 1));
  const question = 'dang ky khai sinh cho con can gi vay';
  assert.deepEqual(split(question, 5), []);
  assert.deepEqual(reference(question, 5), []);
});
