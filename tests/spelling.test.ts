import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSpellingIndex } from '../intents/spelling.ts';

const index = buildSpellingIndex(new Map([
  ['sinh', 40], ['khai', 40], ['chong', 12], ['tinh', 20], ['trang', 9], ['nhieu', 15], ['tien', 10], ['tieu', 3],
]));

test('one slip is repaired to the known syllable', () => {
  const cases: Array<[string, string]> = [
    ['sihn', 'sinh'], // swapped letters
    ['chog', 'chong'], // dropped letter
    ['tih', 'tinh'],
    ['khaii', 'khai'], // doubled letter
    ['nhiu', 'nhieu'],
  ];
  for (const [typo, expected] of cases) assert.equal(index.correct(typo), expected, typo);
});

test('known, short, numeric or far-off tokens are left alone', () => {
  assert.equal(index.correct('sinh'), undefined);
  assert.equal(index.correct('xe'), undefined);
  assert.equal(index.correct('pa1234'), undefined);
  assert.equal(index.correct('haiquan'), undefined);
});

test('when two words are one slip away the more frequent wins', () => {
  // "tieen" is one edit from tien (10) only; "tie" would reach tien and tieu: tien is more frequent.
  assert.equal(index.correct('tieen'), 'tien');
  assert.equal(index.correct('tiexu'), 'tieu');
});
