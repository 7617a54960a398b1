import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldKey, foldedTokens, stripMarks, toAscii } from '../intents/fold.ts';

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
