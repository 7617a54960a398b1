import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressIn } from '../bot/reports/address.ts';

const CASES: ReadonlyArray<readonly [string, string | undefined]> = [
  ['đèn đường tắt hẻm 7 đường Trần Hưng Đạo', 'hẻm 7 đường Trần Hưng Đạo'],
  ['hem 5 den tat ca tuan', 'hem 5'],
  ['den duong hu', undefined],
  // Streets named for a date: "tháng" between two numbers carries the name on, with or without marks or capitals.
  ['ong nuoc bi vo o hem 12 duong 3 thang 2', 'hem 12 duong 3 thang 2'],
  ['ống nước bị vỡ ở hẻm 12 đường 3 tháng 2 mấy bữa nay', 'hẻm 12 đường 3 tháng 2'],
  ['rac ngap duong 30 thang 4 gan cho', 'duong 30 thang 4 gan cho'],
  ['rac don o duong 30 thang 4 may bua nay', 'duong 30 thang 4'],
  ['đèn tắt ở Hẻm 5 đường 3 Tháng 2', 'Hẻm 5 đường 3 Tháng 2'],
  // ... but a date after the place is not part of it.
  ['hem 12 bi ngap tu thang 2', 'hem 12'],
  // "tổ", "ba", "tư" are part of a name only as one ("tổ 3", "tổ dân phố", "ngã tư"): "to lắm" is how big the hole is.
  ['ổ gà đường 3/2 to lắm', 'đường 3/2'],
  ['hẻm 5 tổ 3 khu vực 2 đèn tắt', 'hẻm 5 tổ 3 khu vực 2'],
  ['hem 12 to dan pho 4 rac', 'hem 12 to dan pho 4'],
  // Typed without capitals, what happened ends the place: "bị hư", "ngập quá".
  ['duong 30 thang 4 nga tu bi hu', 'duong 30 thang 4 nga tu'],
  ['ap thanh loi bi ngap', 'ap thanh loi'],
  ['ngã ba cây xăng ngập quá', 'ngã ba cây xăng'],
];

for (const [text, address] of CASES) {
  test(`address in "${text}"`, () => assert.equal(addressIn(text), address));
}
