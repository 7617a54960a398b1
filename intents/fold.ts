/**
 * Vietnamese folding: the key every comparison in the matcher is made on.
 * Residents type with and without tone marks, so "Đăng ký", "dang ky" and "ĐĂNG KÝ" must meet.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Anything that is not a letter or digit separates words; keep Latin letters and digits only after folding.
const NON_WORD = /[^a-z0-9]+/g;

// Ð (U+00D0, Icelandic eth) looks exactly like Đ and some keyboards and old fonts produce it; its lower case is ð.
const ETH = /[\u00d0\u00f0]/g;

/** Lower case, NFC, tone and vowel marks stripped, đ → d (NFD does not decompose đ). Punctuation is kept. */
export function stripMarks(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(ETH, 'd')
    .replace(/\u0111/g, 'd') // đ
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC');
}

/** The folded key: marks stripped and every run of non-alphanumerics turned into one space. */
export function foldKey(text: string): string {
  return stripMarks(text).replace(NON_WORD, ' ').trim();
}

/** Syllables of the folded key. */
export function foldedTokens(text: string): string[] {
  const key = foldKey(text);
  return key === '' ? [] : key.split(' ');
}

/** Plain ASCII for SMS: marks stripped but case and punctuation kept, other symbols mapped or dropped. */
export function toAscii(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0111\u00f0]/g, 'd') // đ ð
    .replace(/[\u0110\u00d0]/g, 'D') // Đ Ð
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[\u2022\u00b7]/g, '-') // • ·
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"') // “ ” « »
    .replace(/[\u2018\u2019]/g, "'") // ‘ ’
    .replace(/[\u2013\u2014]/g, '-') // – —
    .replace(/\u2026/g, '...') // …
    .replace(/[^\x20-\x7e\n]/g, '');
}
