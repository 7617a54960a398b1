import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyse } from '../intents/features.ts';
import { buildSpellingIndex } from '../intents/spelling.ts';

const index = buildSpellingIndex(new Map([
  ['sinh', 40], ['khai', 40], ['chong', 12], ['tinh', 20], ['trang', 9], ['nhieu', 15], ['tien', 10], ['tieu', 3],
  ['hon', 30], ['de', 50], ['truong', 25], ['ho', 30], ['so', 30],
]));

test('a slip that is not a Vietnamese syllable is repaired to the known syllable', () => {
  const cases: Array<[string, string]> = [
    ['sihn', 'sinh'], // swapped letters
    ['chog', 'chong'], // dropped letter
    ['tih', 'tinh'],
    ['khaii', 'khai'], // doubled letter
    ['truog', 'truong'],
  ];
  for (const [typo, expected] of cases) assert.equal(index.correct(typo), expected, typo);
});

test('a real syllable the knowledge base never used is left alone, not "repaired" into another word', () => {
  // hun (khói) is one edit from hon, nhiu from nhieu, tho from ho/so: each is a word in its own right.
  for (const word of ['hun', 'nhiu', 'tho', 'dem', 'tram', 'hoc']) assert.equal(index.correct(word), undefined, word);
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

test('analysis decodes keyboard leftovers before repair and counts what it could not read', () => {
  const reading = analyse('ddawng kys khai sihn qwrtpl', index);
  assert.deepEqual(reading.tokens, ['dang', 'ky', 'khai', 'sinh', 'qwrtpl']);
  assert.deepEqual(reading.marks, ['đăng0', 'ky1']);
  assert.equal(reading.unknown, 3); // dang and ky are real syllables this small vocabulary lacks; qwrtpl is noise
});

test('letters held down for emphasis are read once', () => {
  const reading = analyse('cháyyyy rồiiii cứuuu');
  assert.deepEqual(reading.tokens, ['chay', 'roi', 'cuu']);
  assert.deepEqual(reading.marks, ['chay1', 'rôi2', 'cưu1']);
});

test('held letters without marks keep the double a syllable needs', () => {
  assert.deepEqual(analyse('chayyyy cuuuu nhaaa').tokens, ['chay', 'cuu', 'nha']);
});
