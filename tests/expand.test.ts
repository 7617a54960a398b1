import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalize } from '../intents/expand.ts';
import { foldedTokens } from '../intents/fold.ts';

const canonical = (text: string): string => canonicalize(foldedTokens(text)).tokens.join(' ');
const extras = (text: string): readonly string[] => canonicalize(foldedTokens(text)).extras;

test('common chat abbreviations are rewritten', () => {
  const cases: Array<[string, string]> = [
    ['lm cccd ko dc', 'lam can cuoc cong dan khong duoc'],
    ['phi lm gks la j', 'phi lam giay khai sinh la gi'],
    ['đc hok ad', 'duoc khong admin'],
    ['xin sdt ubnd xa', 'xin so dien thoai uy ban nhan dan xa'],
    ['dki tam tru ntn', 'dang ky tam tru nhu the nao'],
    ['đăng kí kết hôn', 'dang ky ket hon'],
  ];
  for (const [input, expected] of cases) assert.equal(canonical(input), expected, input);
});

test('hk is hộ khẩu near household words and không at the end of a question', () => {
  assert.equal(canonical('nhap hk cho con'), 'nhap ho khau cho con');
  assert.equal(canonical('tach hk ra rieng'), 'tach ho khau ra rieng');
  assert.equal(canonical('lam online dc hk'), 'lam online duoc khong');
});

test('dk is đăng ký before what is registered and được at the end', () => {
  assert.equal(canonical('dk tam tru o dau'), 'dang ky tam tru o dau');
  assert.equal(canonical('đk kết hôn'), 'dang ky ket hon');
  assert.equal(canonical('lam ho dk ko'), 'lam ho duoc khong');
});

test('hs is học sinh in school talk and hồ sơ elsewhere', () => {
  assert.equal(canonical('chuyen truong cho hs lop 7'), 'chuyen truong cho hoc sinh lop <num>');
  assert.equal(canonical('nop hs o dau'), 'nop ho so o dau');
});

test('bn is bao nhiêu with money or time, k after a number is nghìn', () => {
  assert.equal(canonical('phi bn'), 'phi bao nhieu');
  assert.equal(canonical('mat bn ngay'), 'mat bao nhieu ngay');
  assert.equal(canonical('het 50k'), 'het <num> nghin');
  assert.equal(canonical('le phi 50 k'), 'le phi <num> nghin');
  assert.equal(canonical('k biet lam'), 'khong biet lam');
});

test('"hong" stays hỏng but also reads as không when it ends a question', () => {
  assert.equal(canonical('den duong hong'), 'den duong hong');
  assert.ok(extras('lam online duoc hong').includes('khong'));
  assert.ok(!extras('den hong o hem 5').includes('khong'));
});

test('report codes and numbers become placeholders', () => {
  assert.equal(canonical('tra cuu PA1234'), 'tra cuu <pacode>');
  assert.equal(canonical('hem 5 duong 3/2'), 'hem <num> duong <num> <num>');
});

test('chat spellings and acronyms residents use are expanded', () => {
  const cases: Array<[string, string]> = [
    ['e mún đk kd', 'em muon dang ky kinh doanh'],
    ['phí wá cao', 'phi qua cao'],
    ['xin llpt số 1', 'xin ly lich tu phap so <num>'],
    ['nhìu giấy tờ wá', 'nhieu giay to qua'],
    ['trg cấp 3', 'truong cap <num>'],
    ['gpxd nha o', 'giay phep xay dung nha o'],
    ['lam lltp', 'lam ly lich tu phap'],
  ];
  for (const [input, expected] of cases) assert.equal(canonical(input), expected, input);
});

test('nc is nước unless one talks with someone; cb is cán bộ unless something is prepared', () => {
  assert.equal(canonical('nc ngap toi goi'), 'nuoc ngap toi goi');
  assert.equal(canonical('cho toi nc voi cb'), 'cho toi noi chuyen voi can bo');
  assert.equal(canonical('cb ho so gi'), 'chuan bi ho so gi');
});

test('units after a number are read as units, the same letters elsewhere stay letters', () => {
  assert.equal(canonical('phi 5 tr'), 'phi <num> trieu');
  assert.equal(canonical('50.000 đ'), '<num> <num> dong');
  assert.equal(canonical('mo cua 7h'), 'mo cua <num> gio');
  assert.equal(canonical('q 1'), 'quan <num>');
  assert.deepEqual(extras('duong d'), []);
});

test('words that name properties every object has are words like any other', () => {
  for (const word of ['constructor', 'tostring', 'valueof', 'hasownproperty']) {
    assert.equal(canonical(`toi hoi ${word} nha`), `toi hoi ${word} nha`);
    assert.deepEqual(extras(word), []);
  }
});
