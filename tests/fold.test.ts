import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { foldKey, foldedTokens, stripMarks, toAscii } from '../intents/fold.ts';
import { markedTokens, markKey, rawWords } from '../intents/marks.ts';
import { isSyllable } from '../intents/syllable.ts';
import { decodeTyped } from '../intents/typed-marks.ts';

test('folding meets every spelling of the same words', () => {
  const cases: Array<[string, string]> = [
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['ĐĂNG KÝ KHAI SINH', 'dang ky khai sinh'],
    ['dang ky khai sinh', 'dang ky khai sinh'],
    ['Đường   ngập, nước!!! tới gối...', 'duong ngap nuoc toi goi'],
    ['Thủ tục “sổ đỏ” lần đầu?', 'thu tuc so do lan dau'],
    ['phí 50.000đ/trang', 'phi 50 000d trang'],
    ['  ', ''],
  ];
  for (const [input, expected] of cases) assert.equal(foldKey(input), expected, input);
});

test('decomposed input (NFD, as some phones send) folds like composed input', () => {
  const composed = 'Căn cước công dân ở đâu';
  const decomposed = composed.normalize('NFD');
  assert.notEqual(composed, decomposed);
  assert.equal(foldKey(decomposed), foldKey(composed));
});

test('đ is folded by hand because NFD does not split it', () => {
  assert.equal(stripMarks('đ Đ'), 'd d');
  assert.deepEqual(foldedTokens('Đà Nẵng đẹp'), ['da', 'nang', 'dep']);
});

test('SMS text keeps case and punctuation but only ASCII', () => {
  const ascii = toAscii('Đăng ký khai sinh: “miễn phí” – trong ngày…\n• Mang CCCD');
  assert.equal(ascii, 'Dang ky khai sinh: "mien phi" - trong ngay...\n- Mang CCCD');
  assert.match(ascii, /^[\x20-\x7e\n]*$/);
});

test('Ð (U+00D0, the eth some keyboards and fonts produce) reads as Đ', () => {
  assert.equal(foldKey('\u00d0ăng ký \u00f0ất'), 'dang ky dat');
  assert.equal(toAscii('\u00d0ăng ký'), 'Dang ky');
});

test('marked syllables keep their marks as keys beside the folded form, whatever the tone placement', () => {
  const cases: Array<[string, string | undefined]> = [
    ['đê', 'đê0'],
    ['để', 'đê3'],
    ['sạt', 'sat5'],
    ['sát', 'sat1'],
    ['hòa', 'hoa2'],
    ['hoà', 'hoa2'],
    ['hòa'.normalize('NFD'), 'hoa2'],
    ['dang', undefined],
  ];
  for (const [syllable, key] of cases) assert.equal(markKey(syllable), key, syllable);
  const { folded, keys } = markedTokens('\u00d0ê bao SẠT LỞ, nhà 5');
  assert.deepEqual(folded, ['de', 'bao', 'sat', 'lo', 'nha', '5']);
  assert.deepEqual(keys, ['đê0', undefined, 'sat5', 'lơ3', 'nha2', undefined]);
});

test('marked tokens fold exactly as foldedTokens does', () => {
  for (const text of ['Đăng ký tạm-trú ở đâu?', 'abcпривет 50.000đ', '  ', 'ĐƯỜNG ngập!!!', 'Căn cước'.normalize('NFD')]) {
    assert.deepEqual(markedTokens(text).folded, foldedTokens(text), text);
  }
});

test('words are the runs of letters, marks and digits, as a Unicode-property split finds them', () => {
  const split = (text: string): string[] => text.normalize('NFC').toLowerCase().replace(/[\u00d0\u00f0]/g, 'đ').split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w !== '');
  const texts = ['Đăng ký tạm-trú ở đâu?', 'Ðê\u00f0i', 'abcпривет 50.000đ', '😀x😀', '\ud83dx', 'a\ud800', '\udc00b', '𝐀𝐁 c', 'ＡＢＣ１２', '٣٤ x', '  '];
  for (const text of texts) assert.deepEqual(rawWords(text), split(text), JSON.stringify(text));
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => assert.deepEqual(rawWords(text), split(text))), { numRuns: 3000, seed: 20261201 });
});

test('Telex and VNI keystrokes typed with the Vietnamese keyboard off are decoded to syllables', () => {
  const cases: Array<[string, string | undefined, string | undefined]> = [
    ['ddawng', 'dang', 'đăng0'],
    ['kys', 'ky', 'ky1'],
    ['nguwowif', 'nguoi', 'ngươi2'],
    ['khoong', 'khong', 'không0'],
    ['tamj', 'tam', 'tam5'],
    ['d9a8ng', 'dang', 'đăng0'],
    ['ky1', 'ky', 'ky1'],
    ['tru7o72ng', 'truong', 'trương2'],
    // Not keystrokes: report codes, licence classes, loanwords.
    ['pa1234', undefined, undefined],
    ['b2', undefined, undefined],
    ['online', undefined, undefined],
  ];
  for (const [typed, folded, key] of cases) {
    const decoded = decodeTyped(typed);
    assert.equal(decoded?.folded, folded, typed);
    assert.equal(decoded?.key, key, typed);
  }
});

test('the syllable grammar accepts Vietnamese syllables and rejects slips and keystrokes', () => {
  for (const word of ['nghieng', 'khuya', 'quyen', 'gi', 'gia', 'xoong', 'nguoi', 'uong', 'yen', 'hun', 'de', 'quoc', 'nhiu']) {
    assert.ok(isSyllable(word), word);
  }
  for (const word of ['sihn', 'chug', 'ddawng', 'kys', 'khoong', 'ka', 'ngi', 'truog', 'vneid', 'cccd', 'abc1']) {
    assert.ok(!isSyllable(word), word);
  }
});
