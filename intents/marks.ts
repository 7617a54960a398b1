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
const SEPARATOR = /[^\p{L}\p{M}\p{N}]+/u;

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

// Residents use a few thousand distinct syllables: each marked one is folded and keyed once.
const CACHE_LIMIT = 20000;
const cache = new Map<string, { readonly parts: readonly string[]; readonly key: string | undefined }>();

function readRaw(raw: string): { readonly parts: readonly string[]; readonly key: string | undefined } {
  const known = cache.get(raw);
  if (known !== undefined) return known;
  const pieces = stripMarks(raw).replace(NON_WORD, ' ').trim();
  const parts = pieces === '' ? [] : pieces.split(' ');
  // A word mixing scripts splits into pieces as in foldKey; its marks then belong to no single piece.
  const read = { parts, key: parts.length === 1 ? markKey(raw) : undefined };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, read);
  return read;
}

export function markedTokens(text: string): MarkedTokens {
  const folded: string[] = [];
  const keys: Array<string | undefined> = [];
  const lower = text.normalize('NFC').toLowerCase().replace(ETH, 'đ');
  for (const raw of lower.split(SEPARATOR)) {
    if (raw === '') continue;
    if (PLAIN.test(raw)) {
      folded.push(raw);
      keys.push(undefined);
      continue;
    }
    const { parts, key } = readRaw(raw);
    for (const part of parts) {
      folded.push(part);
      keys.push(key);
    }
  }
  return { folded, keys };
}
