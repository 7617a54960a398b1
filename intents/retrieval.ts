import { canonicalize } from './expand.ts';
import { foldedTokens } from './fold.ts';
import { freshCopy } from './fresh-code.ts';
import { indexArray, indexArrayOf } from './index-array.ts';
import { KeyCounter } from './key-counter.ts';
import { buildPairTable } from './pair-table.ts';
import { createSearch } from './retrieval-search.ts';
import { bySyllableNumber, entryOf } from './syllable-numbers.ts';

/**
 * Okapi BM25 over syllable unigrams and bigrams of the folded text (abbreviations expanded as the matcher reads
 * them). Built once; a query touches only the postings of its own terms. Documents belong to groups (official
 * procedure names, residents' phrasings...) that differ in length, so length is normalised within a group while
 * term rarity (IDF) is shared: scores of different groups stay comparable.
 */

export interface RetrievalDocument {
  /** What a hit stands for (a catalogue code, a knowledge-base label...); several documents may share it. */
  readonly key: string;
  readonly text: string;
  readonly group: number;
  /** The syllables to index it by, when the caller already read the text (else `canonicalTokens(text)`). */
  readonly tokens?: readonly string[];
  /**
   * A prior on the document, 0..1, multiplying every term's contribution (1 when absent): built into the postings,
   * so the search ranks by it with no extra work and its pruning stays exact.
   */
  readonly weight?: number;
  /** The key whose vocabulary the document's terms join (`key` when absent): several ranked keys may share one. */
  readonly vocabularyKey?: string;
}

export interface RetrievalHit {
  readonly key: string;
  readonly group: number;
  /** Share of the query's attainable score this document reached (0..1): comparable across queries. */
  readonly score: number;
  /** The document that scored it (for `shared`). */
  readonly doc: number;
}

/** A message's terms looked up once: every question asked about it (search, vocabulary checks) reuses them. */
export interface RetrievalQuery {
  /** Term ids, -1 for a term no document has. Plain arrays: a typed array this size is allocated outside the heap. */
  readonly ids: readonly number[];
  /** Each term's weight in the query: IDF (bigrams weigh more), a repeated term a little more. */
  readonly weights: readonly number[];
  /** The most the query could score against one document: scores are shares of it. */
  readonly attainable: number;
}

export interface RetrievalIndex {
  /** `numbers`: the tokens' numbers (syllable-numbers.ts) when the caller has them, so none is looked up again. */
  query(tokens: readonly string[], numbers?: readonly number[]): RetrievalQuery;
  /**
   * Best hit per key, at most `limits[g]` keys of group g (none when absent), best first; only keys scoring at least
   * `closeTo` of their group's best, when given (the search then follows fewer documents).
   */
  search(query: RetrievalQuery, limits: readonly number[], closeTo?: number): RetrievalHit[];
  /** Whether some document of `group` scores at least `share` (0..1) of what the query could attain: no ranking. */
  reaches(query: RetrievalQuery, group: number, share: number): boolean;
  /** True when some document of `group` contains the term. */
  groupHas(termId: number, group: number): boolean;
  /** The terms of the documents filed under `key` (keys of the groups given at build only; none for others). */
  vocabulary(key: string): TermSet;
  /** The terms (a syllable, or two joined by a space) that pass `test`. */
  termsWhere(test: (term: string) => boolean): TermSet;
  /** The query terms document `doc` contains, as their summed weight, and the document's own summed term weight. */
  shared(query: RetrievalQuery, doc: number): { readonly weight: number; readonly docWeight: number; readonly terms: readonly number[] };
  /**
   * Given documents' scores for the query, as shares of what the query could attain (as `search` scores them), with
   * the summed weight of the query terms each holds and its own summed term weight (as `shared` gives them).
   */
  documentMatches(query: RetrievalQuery, documents: readonly number[]): Array<{ readonly score: number; readonly weight: number; readonly docWeight: number }>;
  /** The index's number of the document given at position `given` to buildRetrievalIndex (documents are renumbered by group). */
  documentOf(given: number): number;
  readonly stats: { readonly documents: number; readonly terms: number; readonly buildMs: number };
}

/** A set of term ids as bits. */
export class TermSet {
  private readonly bits: Uint32Array;
  constructor(termCount: number) {
    this.bits = new Uint32Array((termCount >> 5) + 1);
  }
  add(term: number): void {
    this.bits[term >> 5] = (this.bits[term >> 5] as number) | (1 << (term & 31));
  }
  /** False for -1 (a term no document has). */
  has(term: number): boolean {
    return term >= 0 && ((this.bits[term >> 5] as number) & (1 << (term & 31))) !== 0;
  }
}
const NO_TERMS = new TermSet(0);

const K1 = 1.2;
const B = 0.75;
// A bigram says more than either syllable alone ("ho khau" vs "ho", "khau"), so it weighs more.
const BIGRAM_WEIGHT = 1.5;

/** Canonical syllables of a text as the matcher reads them (numbers and codes are placeholders, set aside here). */
export function canonicalTokens(text: string): readonly string[] {
  return canonicalize(foldedTokens(text)).tokens;
}

/** The terms a text is indexed and queried by: syllables and adjacent pairs, placeholders set aside. */
export function termsOf(tokens: readonly string[]): Map<string, number> {
  const terms = new Map<string, number>();
  let previous: string | undefined;
  for (const token of tokens) {
    if (token.startsWith('<')) {
      previous = undefined;
      continue;
    }
    terms.set(token, (terms.get(token) ?? 0) + 1);
    if (previous !== undefined) {
      const pair = previous + ' ' + token;
      terms.set(pair, (terms.get(pair) ?? 0) + 1);
    }
    previous = token;
  }
  return terms;
}

export const retrievalTerms = (text: string): Map<string, number> => termsOf(canonicalTokens(text));

const weightOf = (term: string): number => (term.includes(' ') ? BIGRAM_WEIGHT : 1);
/** A syllable repeated in the query counts once more, not in full. */
const weightOfCount = (idf: number, tf: number): number => idf * (1 + 0.5 * (tf - 1));

export function buildRetrievalIndex(input: readonly RetrievalDocument[], vocabularyGroups: readonly number[] = []): RetrievalIndex {
  const started = performance.now();
  // Documents are numbered group by group (in their given order within a group), so each term's postings of one
  // group are one run (retrieval-search.ts walks a group's runs only). Terms are numbered in the order the given
  // documents first use them, so sums over a document's terms (docWeights) add up in the same order as ever.
  const byGroup = input.map((_, i) => i).sort((a, b) => (input[a] as RetrievalDocument).group - (input[b] as RetrievalDocument).group || a - b);
  const numberOf = new Int32Array(input.length);
  byGroup.forEach((original, d) => (numberOf[original] = d));
  const documents = byGroup.map((original) => input[original] as RetrievalDocument);
  const analysed = documents.map((d) => (d.tokens === undefined ? retrievalTerms(d.text) : termsOf(d.tokens)));
  const lengths = analysed.map((terms) => {
    let n = 0;
    for (const count of terms.values()) n += count;
    return n;
  });
  const groupLength = new Map<number, { total: number; n: number }>();
  documents.forEach((d, i) => {
    const g = groupLength.get(d.group) ?? { total: 0, n: 0 };
    g.total += lengths[i] as number;
    g.n++;
    groupLength.set(d.group, g);
  });
  const building = new Map<string, { docs: number[]; factors: number[] }>();
  for (let original = 0; original < input.length; original++) {
    const i = numberOf[original] as number;
    const group = groupLength.get((documents[i] as RetrievalDocument).group) as { total: number; n: number };
    const norm = K1 * (1 - B + (B * (lengths[i] as number)) / Math.max(1, group.total / group.n));
    const prior = (documents[i] as RetrievalDocument).weight ?? 1;
    for (const [term, tf] of analysed[i] as Map<string, number>) {
      let list = building.get(term);
      if (list === undefined) building.set(term, (list = { docs: [], factors: [] }));
      list.docs.push(i);
      list.factors.push((prior * (tf * (K1 + 1))) / (tf + norm));
    }
  }
  const n = documents.length;
  const groupCount = Math.max(0, ...documents.map((d) => d.group)) + 1;
  const docGroup = Int32Array.from(documents, (d) => d.group);
  // Postings of every term in flat arrays (term t's documents of group g are docs[slices[t·G + g] .. slices[t·G + g + 1]],
  // ascending), not a pair of typed arrays per term: ~30,000 terms would each carry two ArrayBuffers' overhead.
  // `factors` holds the term's BM25 factor in each document, precomputed: tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)).
  const termIds = new Map<string, number>();
  const slices = new Int32Array(building.size * groupCount + 1);
  const maxFactors = new Float32Array(building.size * groupCount);
  let total = 0;
  for (const list of building.values()) total += list.docs.length;
  const docs = indexArray(total, n);
  const factors = new Float32Array(total);
  const idfs = new Float64Array(building.size);
  // Bit g set when a document of group g holds the term: "is this word only in the catalogue?" without a search.
  const groupBits = new Uint32Array(building.size);
  const docWeights = new Float64Array(n);
  const termsPerDoc = new Int32Array(n + 1);
  const fillGroup = new Int32Array(groupCount);
  let at = 0;
  for (const [term, list] of building) {
    const t = termIds.size;
    termIds.set(term, t);
    // A list holds each group's documents ascending, groups interleaved: each group's run is placed in turn.
    fillGroup.fill(0);
    for (const d of list.docs) fillGroup[docGroup[d] as number] = (fillGroup[docGroup[d] as number] as number) + 1;
    for (let g = 0, start = at; g < groupCount; g++) {
      slices[t * groupCount + g] = start;
      start += fillGroup[g] as number;
      fillGroup[g] = slices[t * groupCount + g] as number;
    }
    list.docs.forEach((d, j) => {
      const to = fillGroup[docGroup[d] as number] as number;
      fillGroup[docGroup[d] as number] = to + 1;
      docs[to] = d;
      factors[to] = list.factors[j] as number;
      const slot = t * groupCount + (docGroup[d] as number);
      maxFactors[slot] = Math.max(maxFactors[slot] as number, factors[to] as number);
    });
    at += list.docs.length;
    const df = list.docs.length;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)) * weightOf(term);
    idfs[t] = idf;
    for (const d of list.docs) {
      groupBits[t] = (groupBits[t] as number) | (1 << (docGroup[d] as number));
      docWeights[d] = (docWeights[d] as number) + idf;
      termsPerDoc[d + 1] = (termsPerDoc[d + 1] as number) + 1;
    }
  }
  slices[building.size * groupCount] = at;
  const termEnd = (t: number): number => slices[(t + 1) * groupCount] as number;
  // The same postings by document (terms ascending): a document's exact score without walking whole term lists.
  for (let d = 0; d < n; d++) termsPerDoc[d + 1] = (termsPerDoc[d + 1] as number) + (termsPerDoc[d] as number);
  const termStarts = termsPerDoc;
  const docTerms = indexArray(total, building.size);
  const docFactors = new Float32Array(total);
  const docMaxFactors = new Float32Array(n);
  const fill = termStarts.slice(0, n);
  for (let t = 0; t < building.size; t++) {
    for (let p = slices[t * groupCount] as number; p < termEnd(t); p++) {
      const d = docs[p] as number;
      const to = fill[d] as number;
      docTerms[to] = t;
      docFactors[to] = factors[p] as number;
      docMaxFactors[d] = Math.max(docMaxFactors[d] as number, factors[p] as number);
      fill[d] = to + 1;
    }
  }

  // Hits are collected per key (a label has many phrasings), so keys are numbered once here.
  const keyIds = new Map<string, number>();
  const keyOfDoc = indexArrayOf(documents.map((d) => {
    let id = keyIds.get(d.key);
    if (id === undefined) keyIds.set(d.key, (id = keyIds.size));
    return id;
  }));
  const keyNames = [...keyIds.keys()];
  // Each key's vocabulary (only for the groups asked for: our own topics), one bit per term: a few kilobytes a key.
  const vocabularies = new Map<string, TermSet>();
  analysed.forEach((terms, i) => {
    const d = documents[i] as RetrievalDocument;
    if (!vocabularyGroups.includes(d.group)) return;
    const key = d.vocabularyKey ?? d.key;
    let vocabulary = vocabularies.get(key);
    if (vocabulary === undefined) vocabularies.set(key, (vocabulary = new TermSet(termIds.size)));
    for (const term of terms.keys()) vocabulary.add(termIds.get(term) as number);
  });
  // A copy of the search's code for this index alone: see fresh-code.ts (a rebuilt index ran a third slower).
  const ranked = freshCopy(createSearch)({
    groupCount, slices, docs, factors, maxFactors, termStarts, terms: docTerms, termFactors: docFactors, docMaxFactors, termCount: building.size, keyOfDoc, keyCount: keyNames.length,
  });

  // An unknown term still counts toward what was attainable, at the rarest IDF.
  const unknownIdf = Math.log(1 + (n + 0.5) / 0.5);

  // A message's syllables are looked up among the syllables alone (a fifth of the terms), and a pair of known
  // syllables by their numbers (pair-table.ts), so a query builds no "a b" strings.
  const syllables = new Map<string, number>();
  const syllableTerms: number[] = [];
  for (const [term, t] of termIds) {
    if (term.includes(' ')) continue;
    syllables.set(term, syllables.size);
    syllableTerms.push(t);
  }
  const termOfSyllable = Int32Array.from(syllableTerms);
  const syllableOfNumber = bySyllableNumber(syllables);
  const pairs: Array<[number, number, number]> = [];
  for (const [term, t] of termIds) {
    const space = term.indexOf(' ');
    if (space < 0) continue;
    const left = syllables.get(term.slice(0, space));
    const right = syllables.get(term.slice(space + 1));
    if (left !== undefined && right !== undefined) pairs.push([left, right, t]);
  }
  const pairTerms = buildPairTable(syllables.size, pairs);
  const unigramIdf = unknownIdf;
  const bigramIdf = unknownIdf * BIGRAM_WEIGHT;
  // Per-query scratch: the terms documents have, and those none has (counted only for what the query could have
  // scored), each by number in order of first use with how often it occurs. A syllable no document has is numbered
  // within the query (from syllableCount up), so an unknown syllable or pair is a number too, never a joined string.
  const known = new KeyCounter();
  const unknown = new KeyCounter();
  const unknownSyllables = new Map<string, number>();
  const syllableCount = syllables.size;

  function query(tokens: readonly string[], numbers?: readonly number[]): RetrievalQuery {
    known.reset(2 * tokens.length);
    unknown.reset(2 * tokens.length);
    // Emptied only when used: clearing a Map allocates it a new table, and most messages have no unknown syllable.
    if (unknownSyllables.size > 0) unknownSyllables.clear();
    // Pair keys first·span + second (negative: unigrams of unknown syllables are the syllable numbers themselves).
    const span = syllableCount + tokens.length;
    let previous = -1;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      if (token.startsWith('<')) {
        previous = -1;
        continue;
      }
      let syllable = numbers === undefined ? syllables.get(token) ?? -1 : entryOf(syllableOfNumber, numbers[i] as number);
      if (syllable < 0) {
        syllable = unknownSyllables.get(token) ?? syllableCount + unknownSyllables.size;
        unknownSyllables.set(token, syllable);
        unknown.add(syllable);
      } else {
        known.add(termOfSyllable[syllable] as number);
      }
      // The pair (when both syllables are known to some document together) right after the syllable.
      if (previous >= 0) {
        const pair = previous < syllableCount && syllable < syllableCount ? pairTerms.get(previous, syllable) : -1;
        if (pair >= 0) known.add(pair);
        else unknown.add(-1 - (previous * span + syllable));
      }
      previous = syllable;
    }
    // Sized once (grown by pushing, each query reallocated its arrays three or four times).
    const ids = new Array<number>(known.size + unknown.size);
    const weights = new Array<number>(ids.length);
    let attainable = 0;
    for (let i = 0; i < known.size; i++) {
      const t = known.key(i);
      const weight = weightOfCount(idfs[t] as number, known.count(i));
      ids[i] = t;
      weights[i] = weight;
      attainable += weight * (K1 + 1);
    }
    for (let i = 0, at = known.size; i < unknown.size; i++, at++) {
      const weight = weightOfCount(unknown.key(i) < 0 ? bigramIdf : unigramIdf, unknown.count(i));
      ids[at] = -1;
      weights[at] = weight;
      attainable += weight * (K1 + 1);
    }
    return { ids, weights, attainable };
  }

  function search(q: RetrievalQuery, limits: readonly number[], closeTo?: number): RetrievalHit[] {
    const hits = ranked.top(q, limits, closeTo).map((h) => ({ key: keyNames[h.key] as string, group: h.group, score: h.score / q.attainable, doc: h.doc }));
    // One group's hits come best first already (most searches rank one group): only several groups' are merged.
    return hits.length > 1 && (hits[0] as RetrievalHit).group !== (hits[hits.length - 1] as RetrievalHit).group ? hits.sort((a, b) => b.score - a.score) : hits;
  }

  // The terms a document shares with a query are read from the document's own terms (a score reads them the same
  // way), not by a binary search of each query term's postings: a procedure name holds a few dozen terms, a
  // message's query has up to fifty, some in lists of thousands.
  function shared(q: RetrievalQuery, doc: number) {
    const { weight, terms } = ranked.sharedTerms(q, doc);
    return { weight, docWeight: docWeights[doc] as number, terms };
  }

  return {
    query,
    search,
    documentMatches: (q, documents) =>
      ranked.scoreDocuments(q, documents).map(({ score, sharedWeight }, i) => ({
        score: q.attainable === 0 ? 0 : score / q.attainable,
        weight: sharedWeight,
        docWeight: docWeights[documents[i] as number] as number,
      })),
    documentOf: (given) => numberOf[given] as number,
    reaches: (q, group, share) => ranked.reaches(q, group, share),
    groupHas: (t, group) => t >= 0 && ((groupBits[t] as number) & (1 << group)) !== 0,
    vocabulary: (key) => vocabularies.get(key) ?? NO_TERMS,
    termsWhere(test) {
      const passed = new TermSet(termIds.size);
      for (const [term, t] of termIds) if (test(term)) passed.add(t);
      return passed;
    },
    shared,
    stats: { documents: n, terms: termIds.size, buildMs: performance.now() - started },
  };
}
