import { stripMarks } from './fold.ts';

/**
 * The marks a resident typed, kept beside the folded syllables. Folding makes "dang ky" meet "đăng ký", but it
 * also makes đê (dike) meet để (in order to) and sạt lở (landslide) meet sát lộ (next to the road): when marks
 * are present they are evidence, and the matcher reads them as extra features.
 *
 * A syllable's marks are written as a key: the letters with their vowel marks (ă â ê ô ơ ư đ) and the tone as a
 * digit (0 level, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng). The key does not depend on where the tone was placed
 * ("hòa" and "hoà" are both hoa2) nor on NFC/NFD, and Telex/VNI decoding (typed-marks.ts) produces the same key.
 */

const TONE_OF: Readonly<Record<string, number>> = { '\u0301': 1, '\u0300': 2, '\u0309': 3, '\u0303': 4, '\u0323': 5 };
const QUALITY = /[\u0302\u0306\u031b]/;
const ANY_MARK = /[\u0300-\u036f]/g;
const NON_WORD = /[^a-z0-9]+/g;
const PLAIN = /^[a-z0-9]*$/;
// Ð (U+00D0) and its lower case ð stand for Đ/đ, as in fold.ts.
const ETH = /[\u00d0\u00f0]/g;

/** The key of one lower-case syllable, or undefined when it carries no Vietnamese mark at all. */
export function markKey(syllable: string): string | undefined {
  if (PLAIN.test(syllable)) return undefined;
  let tone = 0;
  let letters = '';
  let marked = false;
  for (const ch of syllable.normalize('NFD')) {
    const t = TONE_OF[ch];
    if (t !== undefined) {
      tone = t;
      marked = true;
    } else if (QUALITY.test(ch) || ch === 'đ') {
      letters += ch;
      marked = true;
    } else if (!ANY_MARK.test(ch)) {
      letters += ch;
    }
    ANY_MARK.lastIndex = 0;
  }
  return marked ? letters.normalize('NFC') + tone : undefined;
}

/** Folded syllables (exactly foldedTokens' output) with the mark key of each, where the resident typed one. */
export interface MarkedTokens {
  readonly folded: string[];
  readonly keys: Array<string | undefined>;
}

/**
 * The folded pieces of one word as typed (lower case, NFC) and its mark key: a word mixing scripts splits into
 * pieces as in foldKey, and its marks then belong to no single piece.
 */
export function foldWord(raw: string): { readonly parts: readonly string[]; readonly key: string | undefined } {
  if (PLAIN.test(raw)) return { parts: [raw], key: undefined };
  const pieces = stripMarks(raw).replace(NON_WORD, ' ').trim();
  const parts = pieces === '' ? [] : pieces.split(' ');
  return { parts, key: parts.length === 1 ? markKey(raw) : undefined };
}

// Whether a code unit of the Basic Multilingual Plane belongs to a word (letter, mark or digit), as SEPARATOR
// decides: 0 not asked yet, 1 yes, 2 no. One table read a character instead of a Unicode-property match.
const WORD_PART = new Uint8Array(0x10000);
const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}]$/u;

function isWordPart(code: number): boolean {
  let known = WORD_PART[code] as number;
  if (known === 0) WORD_PART[code] = known = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/**
 * Where the words of `lower` (a message already lower case and NFC) are: the runs of letters, marks and digits,
 * exactly `split(SEPARATOR)` without its empty pieces, found by one pass over the characters. Word w is
 * lower[spans[3w] .. spans[3w + 1]], and spans[3w + 2] is 1 when it holds Ð or ð (read as đ). Written into a scratch
 * array kept between calls (no array a message), which the next call overwrites: read the spans before calling again.
 */
export function wordSpans(lower: string): { readonly spans: Int32Array; readonly count: number } {
  let count = 0;
  let start = -1;
  let eth = 0;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 0x20;
    let inWord: boolean;
    let width = 1;
    if (code < 0x80) inWord = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
    else if (code >= 0xd800 && code <= 0xdbff && (lower.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A character beyond the BMP (an emoji, a rare ideograph) is asked of the expression as a whole.
      width = 2;
      inWord = WORD_CHARACTER.test(lower.slice(i, i + 2));
    } else inWord = isWordPart(code);
    if (inWord) {
      if (start < 0) start = i;
      if (code === 0xd0 || code === 0xf0) eth = 1;
    } else if (start >= 0) {
      if (spanScratch.length < 3 * (count + 1)) {
        const grown = new Int32Array(2 * spanScratch.length);
        grown.set(spanScratch);
        spanScratch = grown;
      }
      spanScratch[3 * count] = start;
      spanScratch[3 * count + 1] = i;
      spanScratch[3 * count + 2] = eth;
      count++;
      start = -1;
      eth = 0;
    }
    i += width - 1;
  }
  return { spans: spanScratch, count };
}

let spanScratch = new Int32Array(3 * 64);

/** A word of `wordSpans` as text (Ð read as Đ). */
export function wordAt(lower: string, spans: Int32Array, w: number): string {
  const word = lower.slice(spans[3 * w] as number, spans[3 * w + 1] as number);
  return spans[3 * w + 2] === 1 ? word.replace(ETH, 'đ') : word;
}

/** The words of a message as typed, lower case and NFC (Ð read as Đ), before folding (`wordSpans`). */
export function rawWords(text: string): string[] {
  const lower = text.normalize('NFC').toLowerCase();
  const { spans, count } = wordSpans(lower);
  const words: string[] = [];
  for (let w = 0; w < count; w++) words.push(wordAt(lower, spans, w));
  return words;
}

export function markedTokens(text: string): MarkedTokens {
  const folded: string[] = [];
  const keys: Array<string | undefined> = [];
  for (const raw of rawWords(text)) {
    const { parts, key } = foldWord(raw);
    for (const part of parts) {
      folded.push(part);
      keys.push(key);
    }
  }
  return { folded, keys };
}
