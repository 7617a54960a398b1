import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { buildMatcher } from '../intents/matcher.ts';
import { ADDED_TERMS_MARK, officialWording, withOfficialWording } from '../intents/official-wording.ts';
import { buildRetrievalIndex, canonicalTokens } from '../intents/retrieval.ts';
import { bySyllableNumber, entryOf, numberSyllable, syllableNumber } from '../intents/syllable-numbers.ts';

test('a syllable keeps its number; one no index gave a number to reads -1, and so does a number given after a table was made', () => {
  const first = numberSyllable('test-syllable-a');
  assert.equal(numberSyllable('test-syllable-a'), first);
  assert.equal(syllableNumber('test-syllable-a'), first);
  assert.notEqual(numberSyllable('test-syllable-b'), first);
  assert.equal(syllableNumber('test-syllable-never-numbered'), -1);
  const table = bySyllableNumber([['test-syllable-a', 7]]);
  assert.equal(entryOf(table, first), 7);
  assert.equal(entryOf(table, syllableNumber('test-syllable-b')), -1);
  assert.equal(entryOf(table, -1), -1);
  const later = numberSyllable('test-syllable-after-the-table');
  assert.equal(entryOf(table, later), -1);
});

// Syllables of procedure names and residents' words, with some no document holds and placeholders between them.
const SYLLABLES = ['cap', 'lai', 'giay', 'phep', 'lai', 'xe', 'lay', 'vo', 'nguoi', 'nuoc', 'ngoai', 'ket', 'hon', 'so', 'do', 'mat', 'xyzq', 'khongco', '<num>'];
const texts = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 0, maxLength: 25 });

test('a query read by numbers is the query read by strings, with official terms added or not', () => {
  const index = buildRetrievalIndex([
    { key: 'a', text: 'Cấp đổi giấy phép lái xe', group: 0 },
    { key: 'b', text: 'Đăng ký kết hôn có yếu tố nước ngoài', group: 0 },
    { key: 'c', text: 'Cấp lại giấy chứng nhận quyền sử dụng đất bị mất', group: 1 },
  ]);
  fc.assert(
    fc.property(texts, (tokens) => {
      const worded = officialWording(tokens, tokens.map(syllableNumber));
      assert.deepEqual(worded.tokens, withOfficialWording(tokens));
      assert.deepEqual(worded.numbers, worded.tokens.map((t) => (t === ADDED_TERMS_MARK ? -1 : syllableNumber(t))));
      assert.deepEqual(index.query(worded.tokens, worded.numbers), index.query(worded.tokens));
    }),
    { numRuns: 500, seed: 5 },
  );
  // A resident's words for a procedure bring its official terms, read the same both ways.
  const tokens = canonicalTokens('lấy vợ người nước ngoài');
  const worded = officialWording(tokens, tokens.map(syllableNumber));
  assert.ok(worded.tokens.includes('hon'), worded.tokens.join(' '));
  assert.deepEqual(index.query(worded.tokens, worded.numbers), index.query(worded.tokens));
});

test("the matcher gives each syllable it read its number, a repaired one the repair's", () => {
  const matcher = buildMatcher([
    { label: 'kb:ket-hon', text: 'đăng ký kết hôn cần giấy tờ gì' },
    { label: 'kb:ket-hon', text: 'thủ tục kết hôn' },
    { label: 'kb:giay-phep-lai-xe', text: 'đổi giấy phép lái xe' },
    { label: 'kb:giay-phep-lai-xe', text: 'cấp lại bằng lái xe bị mất' },
  ]);
  for (const text of ['dang ky ket hon can giay to gi', 'doi giay phepp lai xe', 'thủ tục kếthôn', 'abcxyz 123']) {
    const result = matcher.match(text);
    assert.ok(result.tokens !== undefined && result.numbers !== undefined);
    assert.deepEqual(result.numbers, result.tokens.map(syllableNumber), text);
  }
  // "phepp" is no syllable: repaired to "phep", whose number it then carries.
  assert.ok(matcher.match('doi giay phepp lai xe').tokens?.includes('phep'));
});
