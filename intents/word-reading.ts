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
 *
 * What each word reads as is kept in flat pools (its syllables at a run of positions), not as an object holding four
 * arrays: a message's twenty words were then some two hundred objects spread over the heap, each a cache miss once the
 * rest of the path had run (this step took 5.6 us of a median message in the path, 2 us run alone).
 */
const CACHE_LIMIT = 20000;
const SLOTS = 32768;
const slotOf = new Int32Array(SLOTS).fill(-1);
const keys: string[] = [];
const hashes = new Int32Array(CACHE_LIMIT);
/** Word `at`'s syllables are pool positions syllableStart[at] .. syllableStart[at + 1]; its marks, markStart's. */
const syllableStart = new Int32Array(CACHE_LIMIT + 1);
const markStart = new Int32Array(CACHE_LIMIT + 1);
const typedPool: string[] = [];
const foldedPool: string[] = [];
const classPool: TokenClass[] = [];
const markPool: string[] = [];

/** FNV-1a over the UTF-16 code units of text[start .. end]. */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** The cache position of the word text[start .. end], read and added on first sight. */
function readingOf(text: string, start: number, end: number): number {
  const hash = hashOf(text, start, end) | 0;
  const length = end - start;
  let slot = hash & (SLOTS - 1);
  for (let at = slotOf[slot] as number; at >= 0; slot = (slot + 1) & (SLOTS - 1), at = slotOf[slot] as number) {
    const key = keys[at] as string;
    if (hashes[at] === hash && key.length === length && text.startsWith(key, start)) return at;
  }
  if (keys.length >= CACHE_LIMIT) {
    slotOf.fill(-1);
    keys.length = 0;
    typedPool.length = 0;
    foldedPool.length = 0;
    classPool.length = 0;
    markPool.length = 0;
    slot = hash & (SLOTS - 1);
  }
  const word = text.slice(start, end);
  const reading = readWord(word);
  const at = keys.length;
  slotOf[slot] = at;
  keys.push(word);
  hashes[at] = hash;
  for (let i = 0; i < reading.folded.length; i++) {
    typedPool.push(reading.typed[i] as string);
    foldedPool.push(reading.folded[i] as string);
    classPool.push(reading.classes[i] as TokenClass);
  }
  for (const mark of reading.marks) markPool.push(mark);
  syllableStart[at + 1] = foldedPool.length;
  markStart[at + 1] = markPool.length;
  return at;
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
    let at: number;
    if (spans[3 * w + 2] === 1) {
      const word = wordAt(lower, spans, w);
      at = readingOf(word, 0, word.length);
    } else {
      at = readingOf(lower, spans[3 * w] as number, spans[3 * w + 1] as number);
    }
    for (let i = syllableStart[at] as number, end = syllableStart[at + 1] as number; i < end; i++) {
      typed.push(typedPool[i] as string);
      folded.push(foldedPool[i] as string);
      classes.push(classPool[i] as TokenClass);
    }
    for (let i = markStart[at] as number, end = markStart[at + 1] as number; i < end; i++) marks.push(markPool[i] as string);
  }
  return { typed, folded, marks, classes };
}
