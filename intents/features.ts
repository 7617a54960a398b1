import { canonicalize, type CanonicalText } from './expand.ts';
import { foldedTokens } from './fold.ts';
import type { SpellingIndex } from './spelling.ts';

/** A message reduced to what the classifier reads, plus how much of it the vocabulary knew. */
export interface AnalysedText extends CanonicalText {
  /** Syllables neither known to the vocabulary nor repairable: a question about something else. */
  readonly unknown: number;
}

export function analyse(text: string, spelling?: SpellingIndex): AnalysedText {
  const canonical = canonicalize(foldedTokens(text));
  if (spelling === undefined) return { ...canonical, unknown: 0 };
  let unknown = 0;
  const tokens = canonical.tokens.map((token) => {
    if (token.startsWith('<') || spelling.knows(token)) return token;
    const repaired = spelling.correct(token);
    if (repaired === undefined) unknown++;
    return repaired ?? token;
  });
  return { tokens, extras: canonical.extras, unknown };
}

/** How much each kind of feature counts before the vector is normalised. */
const WEIGHT_UNIGRAM = 1;
const WEIGHT_BIGRAM = 1;
const WEIGHT_EXTRA = 0.5;
const WEIGHT_CHARGRAM = 0.35;
// 4-grams alone: 3-grams added no accuracy on typos (the spelling index repairs most) and cost a third more time.
const CHARGRAM_SIZES: readonly number[] = [4];

/**
 * Sparse features of short texts: syllable unigrams and bigrams carry the meaning, character n-grams across
 * the folded text catch the typos the spelling index could not repair. Returned as feature → weight.
 */
export function featuresOf(analysed: CanonicalText): Map<string, number> {
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
  const joined = ' ' + tokens.filter((t) => !t.startsWith('<')).join(' ') + ' ';
  for (const size of CHARGRAM_SIZES) {
    for (let i = 0; i + size <= joined.length; i++) add('c:' + joined.slice(i, i + size), WEIGHT_CHARGRAM);
  }
  return features;
}
