import { stripMarks } from './fold.ts';
import { isSyllable } from './syllable.ts';

/**
 * Telex and VNI leftovers: a resident whose keyboard's Vietnamese input is off types the keystrokes themselves
 * ("ddawng kys" for đăng ký in Telex, "d9a8ng ky1" in VNI). A token is decoded only when the decoding is a
 * Vietnamese syllable; the caller asks only about tokens that are not syllables as typed.
 * Returns the folded syllable and its mark key (as marks.ts writes it), or undefined.
 */
export interface DecodedSyllable {
  readonly folded: string;
  readonly key: string;
}

const TELEX_TONES: Readonly<Record<string, number>> = { s: 1, f: 2, r: 3, x: 4, j: 5 };

function result(letters: string, tone: number): DecodedSyllable | undefined {
  const folded = stripMarks(letters);
  return isSyllable(folded) ? { folded, key: letters.normalize('NFC') + tone } : undefined;
}

export function decodeTelex(token: string): DecodedSyllable | undefined {
  if (!/^[a-z]{2,9}$/.test(token)) return undefined;
  const firstVowel = token.search(/[aeiouyw]/);
  if (firstVowel < 0) return undefined;
  let tone = 0;
  let body = token;
  // The tone key is typed after the vowel it belongs to, usually last ("kys", "ddaxng" both happen).
  for (let i = body.length - 1; i > firstVowel; i--) {
    const t = TELEX_TONES[body[i] as string];
    if (t !== undefined) {
      tone = t;
      body = body.slice(0, i) + body.slice(i + 1);
      break;
    }
  }
  const letters = body
    .replace(/^dd/, 'đ')
    .replace(/uwow|uow|uwo/, 'ươ')
    .replace(/aw/, 'ă')
    .replace(/aa/, 'â')
    .replace(/ee/, 'ê')
    .replace(/oo/, 'ô')
    .replace(/ow/, 'ơ')
    .replace(/uw/, 'ư')
    .replace(/w/, 'ư');
  if (tone === 0 && letters === body) return undefined;
  return result(letters, tone);
}

// A letter of a Vietnamese syllable (a-z ă â ê ô ơ ư đ), escaped: see tests/one-byte-bundle.test.ts.
const LETTER = /[a-z\u0103\u00e2\u00ea\u00f4\u01a1\u01b0\u0111]/;
const CIRCUMFLEX: Readonly<Record<string, string>> = { a: 'â', e: 'ê', o: 'ô' };

export function decodeVni(token: string): DecodedSyllable | undefined {
  if (!/^[a-z1-9]{3,10}$/.test(token) || !/^[a-z]/.test(token) || !/\d/.test(token)) return undefined;
  let tone = 0;
  let letters = '';
  for (const ch of token) {
    if (ch < '1' || ch > '9') {
      letters += ch;
      continue;
    }
    const digit = Number(ch);
    if (digit <= 5) {
      if (tone !== 0) return undefined;
      tone = digit;
      continue;
    }
    const before = letters;
    if (digit === 6) letters = letters.replace(/[aeo](?=[^aeo]*$)/, (v) => CIRCUMFLEX[v] as string);
    else if (digit === 7) letters = /uo[^uo]*$/.test(letters) ? letters.replace(/uo(?=[^uo]*$)/, 'ươ') : letters.replace(/[uo](?=[^uo]*$)/, (v) => (v === 'u' ? 'ư' : 'ơ'));
    else if (digit === 8) letters = letters.replace(/a(?=[^a]*$)/, 'ă');
    else letters = letters.replace(/^d/, 'đ');
    if (letters === before) return undefined;
  }
  if ([...letters].filter((c) => LETTER.test(c)).length < 2) return undefined;
  return result(letters, tone);
}

/** Either keyboard's leftovers; VNI only when the token carries digits. */
export function decodeTyped(token: string): DecodedSyllable | undefined {
  return /\d/.test(token) ? decodeVni(token) : decodeTelex(token);
}
