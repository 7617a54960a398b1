import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readWords } from '../intents/word-reading.ts';

// Words the reading cache has never seen, none a Vietnamese syllable: "q" and a number written in base 26 with a..z.
const madeUpWord = (n: number): string => 'q' + [...n.toString(26)].map((digit) => String.fromCharCode(97 + parseInt(digit, 26))).join('');
const madeUpWords = (from: number, count: number): string => Array.from({ length: count }, (_, i) => madeUpWord(from + i)).join(' ');

const MESSAGE = 'Cho hỏi đăng ký khai sinh cho con ở phường cần giấy tờ gì, ddawng kys tạm trú nữa ạ';

test('a message reads the same when the word cache is full of other words, and after', () => {
  const expected = readWords(MESSAGE);
  assert.ok(expected.folded.length >= 18 && expected.marks.length > 0, 'the message has syllables and marks to compare');
  // The cache then holds only made-up words, as many as it can: the message's words are read anew and do not fit.
  readWords(madeUpWords(0, 20_000));
  assert.deepEqual(readWords(MESSAGE), expected);
  readWords(madeUpWords(30_000, 19_990));
  assert.deepEqual(readWords(MESSAGE), expected);
  assert.deepEqual(readWords(MESSAGE), expected, 'read again from the cache');
});
