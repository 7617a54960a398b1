import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wrapText } from '../adapters/runtime/wrap-text.ts';

test('terminal wrapping breaks between words, never inside one, and keeps the text and its line breaks', () => {
  const text = 'Đăng ký khai sinh trong 60 ngày kể từ ngày sinh tại UBND xã/phường nơi cư trú của cha hoặc mẹ.\n• Giấy chứng sinh';
  const lines = wrapText(text, 24);
  assert.ok(lines.every((line) => [...line].length <= 24), lines.join('|'));
  const words = text.split(/\s+/);
  assert.deepEqual(lines.join(' ').split(/\s+/), words, 'no word was split or lost');
  assert.equal(lines.at(-1), '• Giấy chứng sinh');
  assert.deepEqual(wrapText('https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html', 20).map((l) => l.length), [20, 20, 20, 5]);
});
