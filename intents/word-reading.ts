import { classify, isAbbreviation, type TokenClass } from './expand.ts';
import { stripMarks } from './fold.ts';
import { foldWord, rawWords } from './marks.ts';
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

// Residents use a few thousand distinct words: each is read once, and a message costs one look-up a word.
const CACHE_LIMIT = 20000;
const cache = new Map<string, WordReading>();

/** A message's syllables as typed and as read, the marks read and the syllables' classes, word by word. */
export function readWords(text: string): { typed: string[]; folded: string[]; marks: string[]; classes: TokenClass[] } {
  const typed: string[] = [];
  const folded: string[] = [];
  const marks: string[] = [];
  const classes: TokenClass[] = [];
  for (const raw of rawWords(text)) {
    let reading = cache.get(raw);
    if (reading === undefined) {
      reading = readWord(raw);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(raw, reading);
    }
    for (const syllable of reading.typed) typed.push(syllable);
    for (let i = 0; i < reading.folded.length; i++) {
      folded.push(reading.folded[i] as string);
      classes.push(reading.classes[i] as TokenClass);
    }
    for (const mark of reading.marks) marks.push(mark);
  }
  return { typed, folded, marks, classes };
}
