import distances from 'natural/lib/natural/distance/levenshtein_distance.js';
import { isSyllable } from './syllable.ts';
import { bySyllableNumber, entryOf } from './syllable-numbers.ts';

/**
 * Typo repair against the vocabulary the knowledge base uses: a token the index has never seen is replaced
 * by the most frequent known syllable one edit away (a dropped, added, changed or swapped letter).
 * Only a token that cannot be a Vietnamese syllable is a slip (syllable.ts): "hun" (khói) or "đê" the knowledge
 * base never used are real words about something else, and "repairing" them into "hon" or "de" misled the model.
 * Candidates come from a deletion index (each word filed under itself with one letter removed), so a lookup
 * costs a handful of map reads instead of a scan of the vocabulary.
 */
export interface SpellingIndex {
  /** Whether the vocabulary has the syllable of that number (syllable-numbers.ts; -1: none). */
  readonly knowsNumber: (n: number) => boolean;
  /** The repaired token, or undefined when the token is known, a real syllable, too short, or has no close neighbour. */
  readonly correct: (token: string) => string | undefined;
}

const MIN_LENGTH = 3;
const CACHE_LIMIT = 5000;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export function buildSpellingIndex(frequencies: ReadonlyMap<string, number>): SpellingIndex {
  const byDeletion = new Map<string, string[]>();
  for (const word of frequencies.keys()) {
    if (word.length < MIN_LENGTH || word.startsWith('<')) continue;
    for (const variant of deletions(word)) {
      const list = byDeletion.get(variant);
      if (list) list.push(word);
      else byDeletion.set(variant, [word]);
    }
  }
  const cache = new Map<string, string | undefined>();
  const known = bySyllableNumber(Array.from(frequencies.keys(), (word) => [word, 1] as const));

  function lookUp(token: string): string | undefined {
    const candidates = new Set<string>(byDeletion.get(token) ?? []);
    for (const variant of deletions(token)) {
      if (frequencies.has(variant) && variant.length >= MIN_LENGTH - 1) candidates.add(variant);
      for (const word of byDeletion.get(variant) ?? []) candidates.add(word);
    }
    let best: string | undefined;
    let bestFrequency = 0;
    for (const candidate of candidates) {
      if (distances.DamerauLevenshteinDistance(token, candidate) !== 1) continue;
      const frequency = frequencies.get(candidate) ?? 0;
      if (frequency > bestFrequency || (frequency === bestFrequency && best !== undefined && candidate < best)) {
        best = candidate;
        bestFrequency = frequency;
      }
    }
    return best;
  }

  return {
    knowsNumber: (n) => entryOf(known, n) === 1,
    correct(token) {
      if (token.length < MIN_LENGTH || frequencies.has(token) || /\d/.test(token) || isSyllable(token)) return undefined;
      if (cache.has(token)) return cache.get(token);
      const corrected = lookUp(token);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(token, corrected);
      return corrected;
    },
  };
}
