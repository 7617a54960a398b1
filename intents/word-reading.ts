import { classify, isAbbreviation, type TokenClass } from './expand.ts';
import { stripMarks } from './fold.ts';
import { foldWord, wordAt, wordSpans } from './marks.ts';
import { isSyllable } from './syllable.ts';
import { decodeTyped } from './typed-marks.ts';

/** One word of a message as the matcher reads it before expansion: the same whatever surrounds it. */
interface WordReading {
  /** Its folded pieces as typed (foldKey's syllables). */
  readonly typed: readonly string[];
  /** The syllables read: letters held down read once, Telex/VNI leftovers decoded. */
  readonly folded: readonly string[];
  /** Mark keys (marks.ts) of those syllables typed with marks or decoded from keystrokes, in order. */
  readonly marks: readonly string[];
  /** How each syllable read expands, whatever surrounds it (expand.ts). */
  readonly classes: readonly TokenClass[];
}

const ELONGATED = /(.)\1\1/;
const ELONGATED_ALL = /(.)\1\1+/g;

function readWord(raw: string): WordReading {
  const { parts, key: typedKey } = foldWord(raw);
  const folded: string[] = [];
  const marks: string[] = [];
  for (let token of parts) {
    let key = typedKey;
    // Letters held down for emphasis ("cháyyyy", "cứuuu", "rồiii"): no Vietnamese word has a letter three times.
    // Marks make the word plain ("cứuuu" is cưu + u held: cứu); without them keep a double letter if that is
    // the syllable ("cuuu" → cuu) and a single one otherwise ("chayyy" → chay).
    if (ELONGATED.test(token)) {
      key = key?.replace(ELONGATED_ALL, '$1');
      const twice = token.replace(ELONGATED_ALL, '$1$1');
      const once = token.replace(ELONGATED_ALL, '$1');
      token = key !== undefined ? stripMarks(key.slice(0, -1)) : isSyllable(twice) || !isSyllable(once) ? twice : once;
    }
    // Only a token that is not a Vietnamese syllable (nor an abbreviation) may be keystrokes to decode.
    if (key === undefined && token.length >= 2 && !isSyllable(token) && !isAbbreviation(token)) {
      const decoded = decodeTyped(token);
      if (decoded !== undefined) {
        token = decoded.folded;
        marks.push(decoded.key);
      }
    } else if (key !== undefined) {
      marks.push(key);
    }
    folded.push(token);
  }
  return { typed: parts, folded, marks, classes: folded.map(classify) };
}

/**
 * Words read so far, found by their letters in the message itself: a message costs one look-up a word without
 * cutting the word out of the text first (a fresh string, hashed anew, then compared inside a Map: about 90 ns a word,
 * a third of this step). Open addressing over a power-of-two table, emptied once it holds CACHE_LIMIT words:
 * residents use a few thousand distinct words, so only a flood of new ones empties it, and a word is then read again.
 */
const CACHE_LIMIT = 20000;
const SLOTS = 32768;
const slotOf = new Int32Array(SLOTS).fill(-1);
const keys: string[] = [];
const hashes: number[] = [];
const readings: WordReading[] = [];

/** FNV-1a over the UTF-16 code units of text[start .. end]. */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** The reading of the word text[start .. end], read once and then found here. */
function readingOf(text: string, start: number, end: number): WordReading {
  const hash = hashOf(text, start, end);
  const length = end - start;
  let slot = hash & (SLOTS - 1);
  for (let at = slotOf[slot] as number; at >= 0; slot = (slot + 1) & (SLOTS - 1), at = slotOf[slot] as number) {
    const key = keys[at] as string;
    if (hashes[at] === hash && key.length === length && text.startsWith(key, start)) return readings[at] as WordReading;
  }
  if (keys.length >= CACHE_LIMIT) {
    slotOf.fill(-1);
    keys.length = 0;
    hashes.length = 0;
    readings.length = 0;
    slot = hash & (SLOTS - 1);
  }
  const word = text.slice(start, end);
  const reading = readWord(word);
  slotOf[slot] = keys.length;
  keys.push(word);
  hashes.push(hash);
  readings.push(reading);
  return reading;
}

/** A message's syllables as typed and as read, the marks read and the syllables' classes, word by word. */
export function readWords(text: string): { typed: string[]; folded: string[]; marks: string[]; classes: TokenClass[] } {
  const typed: string[] = [];
  const folded: string[] = [];
  const marks: string[] = [];
  const classes: TokenClass[] = [];
  const lower = text.normalize('NFC').toLowerCase();
  const { spans, count } = wordSpans(lower);
  for (let w = 0; w < count; w++) {
    // A word with Ð or ð is read as written with Đ (rare): found by its corrected letters.
    let reading: WordReading;
    if (spans[3 * w + 2] === 1) {
      const word = wordAt(lower, spans, w);
      reading = readingOf(word, 0, word.length);
    } else {
      reading = readingOf(lower, spans[3 * w] as number, spans[3 * w + 1] as number);
    }
    for (let i = 0; i < reading.typed.length; i++) typed.push(reading.typed[i] as string);
    for (let i = 0; i < reading.folded.length; i++) {
      folded.push(reading.folded[i] as string);
      classes.push(reading.classes[i] as TokenClass);
    }
    for (let i = 0; i < reading.marks.length; i++) marks.push(reading.marks[i] as string);
  }
  return { typed, folded, marks, classes };
}
