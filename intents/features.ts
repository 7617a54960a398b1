import { canonicalize, type CanonicalText } from './expand.ts';
import type { SpellingIndex } from './spelling.ts';
import { syllableNumber } from './syllable-numbers.ts';
import { readWords } from './word-reading.ts';

/** A message reduced to what the classifier reads, plus how much of it the vocabulary knew. */
export interface AnalysedText extends CanonicalText {
  /** Mark keys (marks.ts) of the syllables typed with marks, or decoded from Telex/VNI keystrokes. */
  readonly marks: readonly string[];
  /** Syllables neither known to the vocabulary nor repairable: a question about something else. */
  readonly unknown: number;
  /** The syllables of the folded key as typed (foldKey of the message), before decoding and expansion. */
  readonly typed: readonly string[];
  /** Each token's number (syllable-numbers.ts; -1: none), when read with a spelling index (the matcher's reading). */
  readonly numbers?: readonly number[];
}

/**
 * Folds the message, decodes Telex/VNI leftovers, expands abbreviations and repairs slips. Only a token that is
 * not a Vietnamese syllable is decoded or repaired: "hun" (khói) is a word the knowledge base lacks, not a typo.
 */
export function analyse(text: string, spelling?: SpellingIndex): AnalysedText {
  const { typed, folded, marks, classes } = readWords(text);
  const canonical = canonicalize(folded, classes);
  if (spelling === undefined) return { ...canonical, marks, unknown: 0, typed };
  let unknown = 0;
  // Each syllable is looked up once, by its number: the spelling, the matcher's features and the scope read that.
  const numbers = new Array<number>(canonical.tokens.length);
  const tokens = canonical.tokens.map((token, i) => {
    const n = syllableNumber(token);
    numbers[i] = n;
    if (token.startsWith('<') || spelling.knowsNumber(n)) return token;
    const repaired = spelling.correct(token);
    if (repaired === undefined) {
      unknown++;
      return token;
    }
    numbers[i] = syllableNumber(repaired);
    return repaired;
  });
  return { tokens, extras: canonical.extras, marks, unknown, typed, numbers };
}

/** How much each kind of feature counts before IDF weighting and normalisation. */
export const WEIGHT_UNIGRAM = 1;
export const WEIGHT_BIGRAM = 1;
export const WEIGHT_EXTRA = 0.5;
const WEIGHT_MARKED = 0.6;
const WEIGHT_CHARGRAM = 0.35;
// 4-grams alone: 3-grams added no accuracy on typos (the spelling index repairs most) and cost a third more time.
const CHARGRAM_SIZES: readonly number[] = [4];

/**
 * Sparse features of short texts: syllable unigrams and bigrams carry the meaning, marked syllables tell apart
 * words that fold alike, character n-grams across the folded text catch the typos the spelling index could not
 * repair. Returned as feature → weight.
 */
export function featuresOf(analysed: AnalysedText, chargramWeight = WEIGHT_CHARGRAM, markedWeight = WEIGHT_MARKED): Map<string, number> {
  const features = new Map<string, number>();
  const add = (key: string, weight: number): void => {
    features.set(key, Math.max(features.get(key) ?? 0, weight));
  };
  const { tokens } = analysed;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    add('u:' + token, WEIGHT_UNIGRAM);
    if (i + 1 < tokens.length) add('b:' + token + ' ' + tokens[i + 1], WEIGHT_BIGRAM);
  }
  for (const extra of analysed.extras) add('u:' + extra, WEIGHT_EXTRA);
  for (const mark of analysed.marks) add('m:' + mark, markedWeight);
  if (chargramWeight === 0) return features;
  const joined = ' ' + tokens.filter((t) => !t.startsWith('<')).join(' ') + ' ';
  for (const size of CHARGRAM_SIZES) {
    for (let i = 0; i + size <= joined.length; i++) add('c:' + joined.slice(i, i + size), chargramWeight);
  }
  return features;
}
