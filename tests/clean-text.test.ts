import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { cleanText, INVISIBLE, MAX_TEXT_LENGTH } from '../bot/clean-text.ts';

test('white space folds to single spaces, invisible characters go, the text is NFC and capped', () => {
  assert.equal(cleanText('  đăng\tký \n\n khai   sinh  '), 'đăng ký khai sinh');
  assert.equal(cleanText('xin\u00a0chào\u3000bạn'), 'xin chào bạn');
  assert.equal(cleanText('ca\u200bnh\u202esát'), 'canhsát');
  assert.equal(cleanText('Đa\u0300ng'), 'Đàng', 'decomposed marks are composed');
  assert.equal(cleanText('a'.repeat(MAX_TEXT_LENGTH + 10)).length, MAX_TEXT_LENGTH);
});

test('any text: no white space but single plain spaces inside, none at the ends', () => {
  const whitespace = fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\u3000', '\ufeff');
  const text = fc.array(fc.oneof(fc.string({ maxLength: 4 }), whitespace), { maxLength: 30 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, (raw) => {
      const clean = cleanText(raw);
      assert.ok(!/\s{2,}|[^\S ]/.test(clean), JSON.stringify(clean));
      assert.equal(clean, clean.trim());
      // Every run of white space, whatever it is made of, is one space: as /\s+/ folds it.
      assert.equal(clean, raw.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT_LENGTH));
    }),
    { numRuns: 2000, seed: 20261203 },
  );
});
