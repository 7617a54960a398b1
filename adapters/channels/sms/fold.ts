import { toAscii } from '../../../intents/fold.ts';
import { isGsm7 } from './segments.ts';

/** Vietnamese as SMS sends it: "khong dau" ASCII, since GSM-7 costs 2-3 times fewer segments than UCS-2. */

// Symbols toAscii would drop that read better as ASCII: → ← ≥ ≤ × (escaped: see tests/one-byte-bundle.test.ts).
const SYMBOLS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\u2192/g, '->'],
  [/\u2190/g, '<-'],
  [/\u2265/g, '>='],
  [/\u2264/g, '<='],
  [/\u00d7/g, 'x'],
];

/** Folds to GSM-7-safe ASCII, one space between words, no blank lines. */
export function foldForSms(text: string): string {
  let folded = text.replace(/\r\n?/g, '\n').replace(/[^\S\n]/g, ' ');
  for (const [pattern, replacement] of SYMBOLS) folded = folded.replace(pattern, replacement);
  // The backtick is the one printable ASCII character GSM-7 lacks.
  folded = toAscii(folded).replace(/`/g, "'");
  folded = [...folded].filter((char) => isGsm7(char)).join('');
  return folded
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
