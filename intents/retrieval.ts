import { canonicalize } from './expand.ts';
import { foldedTokens } from './fold.ts';

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
  /** Term ids, -1 for a term no document has. */
  readonly ids: Int32Array;
  /** Each term's weight in the query: IDF (bigrams weigh more), a repeated term a little more. */
  readonly weights: Float64Array;
  /** The most the query could score against one document: scores are shares of it. */
  readonly attainable: number;
}

export interface RetrievalIndex {
  query(tokens: readonly string[]): RetrievalQuery;
  /** Best hit per key, at most `limit` keys per group, best first. */
  search(query: RetrievalQuery, limit: number): RetrievalHit[];
  /** True when some document of `group` contains the term. */
  groupHas(termId: number, group: number): boolean;
  /** True when some document filed under `key` contains the term (keys of the groups given at build only). */
  keyHas(key: string, termId: number): boolean;
  /** The query terms document `doc` contains, as their summed weight, and the document's own summed term weight. */
  shared(query: RetrievalQuery, doc: number): { readonly weight: number; readonly docWeight: number; readonly terms: readonly number[] };
  readonly stats: { readonly documents: number; readonly terms: number; readonly buildMs: number };
}

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

export function buildRetrievalIndex(documents: readonly RetrievalDocument[], vocabularyGroups: readonly number[] = []): RetrievalIndex {
  const started = performance.now();
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
  analysed.forEach((terms, i) => {
    const group = groupLength.get((documents[i] as RetrievalDocument).group) as { total: number; n: number };
    const norm = K1 * (1 - B + (B * (lengths[i] as number)) / Math.max(1, group.total / group.n));
    for (const [term, tf] of terms) {
      let list = building.get(term);
      if (list === undefined) building.set(term, (list = { docs: [], factors: [] }));
      list.docs.push(i);
      list.factors.push((tf * (K1 + 1)) / (tf + norm));
    }
  });
  const n = documents.length;
  // Postings of every term in three flat arrays (term t's documents are docs[starts[t]..starts[t+1]], ascending), not
  // a pair of typed arrays per term: ~30,000 terms would each carry two ArrayBuffers' overhead (about 15 MB in all).
  // `factors` holds the term's BM25 factor in each document, precomputed: tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)).
  const termIds = new Map<string, number>();
  const starts = new Int32Array(building.size + 1);
  let total = 0;
  for (const list of building.values()) total += list.docs.length;
  const docs = new Int32Array(total);
  const factors = new Float32Array(total);
  const idfs = new Float64Array(building.size);
  // Bit g set when a document of group g holds the term: "is this word only in the catalogue?" without a search.
  const groupBits = new Uint32Array(building.size);
  const docWeights = new Float64Array(n);
  let at = 0;
  for (const [term, list] of building) {
    const t = termIds.size;
    termIds.set(term, t);
    starts[t] = at;
    docs.set(list.docs, at);
    factors.set(list.factors, at);
    at += list.docs.length;
    const df = list.docs.length;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)) * weightOf(term);
    idfs[t] = idf;
    for (const d of list.docs) {
      groupBits[t] = (groupBits[t] as number) | (1 << (documents[d] as RetrievalDocument).group);
      docWeights[d] = (docWeights[d] as number) + idf;
    }
  }
  starts[building.size] = at;

  // Hits are collected per key (a label has many phrasings), so keys are numbered once here.
  const keyIds = new Map<string, number>();
  const keyOfDoc = Int32Array.from(documents, (d) => {
    let id = keyIds.get(d.key);
    if (id === undefined) keyIds.set(d.key, (id = keyIds.size));
    return id;
  });
  const keyNames = [...keyIds.keys()];
  const keyGroups = new Int32Array(keyNames.length);
  documents.forEach((d, i) => (keyGroups[keyOfDoc[i] as number] = d.group));
  const groupCount = Math.max(0, ...documents.map((d) => d.group)) + 1;
  // Each key's vocabulary (only for the groups asked for: our own topics, a few thousand terms in all).
  const vocabularies = new Map<string, Set<number>>();
  analysed.forEach((terms, i) => {
    const d = documents[i] as RetrievalDocument;
    if (!vocabularyGroups.includes(d.group)) return;
    let vocabulary = vocabularies.get(d.key);
    if (vocabulary === undefined) vocabularies.set(d.key, (vocabulary = new Set()));
    for (const term of terms.keys()) vocabulary.add(termIds.get(term) as number);
  });

  // Scratch space reused by every search: a query allocates only its hits.
  const scores = new Float64Array(n);
  const touched = new Int32Array(n);
  const keyBest = new Float64Array(keyNames.length);
  const keyDoc = new Int32Array(keyNames.length);
  const touchedKeys = new Int32Array(keyNames.length);
  const tops: number[][] = Array.from({ length: groupCount }, () => []);
  // An unknown term still counts toward what was attainable, at the rarest IDF.
  const unknownIdf = Math.log(1 + (n + 0.5) / 0.5);

  // Pairs looked up by their syllables' ids, so a query builds no "a b" strings: ids < 2^21, keys stay exact.
  const PAIR = 2 ** 21;
  const pairIds = new Map<number, number>();
  for (const [term, t] of termIds) {
    const space = term.indexOf(' ');
    if (space < 0) continue;
    const left = termIds.get(term.slice(0, space));
    const right = termIds.get(term.slice(space + 1));
    if (left !== undefined && right !== undefined) pairIds.set(left * PAIR + right, t);
  }
  const unigramIdf = unknownIdf;
  const bigramIdf = unknownIdf * BIGRAM_WEIGHT;
  // Per-query scratch: term ids and how often each occurs (a query has at most a few dozen terms).
  let seenIds = new Int32Array(64);
  let seenCounts = new Int32Array(64);

  function query(tokens: readonly string[]): RetrievalQuery {
    if (seenIds.length < 2 * tokens.length) {
      seenIds = new Int32Array(4 * tokens.length);
      seenCounts = new Int32Array(4 * tokens.length);
    }
    let size = 0;
    // Terms no document has are kept apart (by their text) only to count what the query could have scored.
    let unknown: Map<string, number> | undefined;
    let previous = -2;
    let previousToken = '';
    for (const token of tokens) {
      if (token.startsWith('<')) {
        previous = -2;
        continue;
      }
      const t = termIds.get(token) ?? -1;
      // Each term once with its count; the pair (when both syllables are known) right after it.
      for (let step = 0; step < 2; step++) {
        const id = step === 0 ? t : previous === -2 ? -3 : previous >= 0 && t >= 0 ? pairIds.get(previous * PAIR + t) ?? -1 : -1;
        if (id === -3) break;
        if (id < 0) {
          const term = step === 0 ? token : previousToken + ' ' + token;
          unknown ??= new Map();
          unknown.set(term, (unknown.get(term) ?? 0) + 1);
          continue;
        }
        let i = 0;
        while (i < size && seenIds[i] !== id) i++;
        if (i === size) {
          seenIds[size] = id;
          seenCounts[size++] = 0;
        }
        seenCounts[i] = (seenCounts[i] as number) + 1;
      }
      previous = t;
      previousToken = token;
    }
    const n = size + (unknown?.size ?? 0);
    const ids = new Int32Array(n);
    const weights = new Float64Array(n);
    let attainable = 0;
    // A syllable repeated in the query counts once more, not in full.
    const weightOfCount = (idf: number, tf: number): number => idf * (1 + 0.5 * (tf - 1));
    for (let i = 0; i < size; i++) {
      const t = seenIds[i] as number;
      ids[i] = t;
      weights[i] = weightOfCount(idfs[t] as number, seenCounts[i] as number);
      attainable += (weights[i] as number) * (K1 + 1);
    }
    let i = size;
    if (unknown !== undefined) {
      for (const [term, tf] of unknown) {
        ids[i] = -1;
        weights[i] = weightOfCount(term.includes(' ') ? bigramIdf : unigramIdf, tf);
        attainable += (weights[i++] as number) * (K1 + 1);
      }
    }
    return { ids, weights, attainable };
  }

  function search(q: RetrievalQuery, limit: number): RetrievalHit[] {
    let count = 0;
    for (let i = 0; i < q.ids.length; i++) {
      const t = q.ids[i] as number;
      if (t < 0) continue;
      const qw = q.weights[i] as number;
      const end = starts[t + 1] as number;
      for (let j = starts[t] as number; j < end; j++) {
        const d = docs[j] as number;
        if (scores[d] === 0) touched[count++] = d;
        scores[d] = (scores[d] as number) + qw * (factors[j] as number);
      }
    }
    // Best document per key, then the best `limit` keys of each group by insertion into a short list.
    let keyCount = 0;
    for (let j = 0; j < count; j++) {
      const d = touched[j] as number;
      const k = keyOfDoc[d] as number;
      const score = scores[d] as number;
      scores[d] = 0;
      if (keyBest[k] === 0) touchedKeys[keyCount++] = k;
      if (score > (keyBest[k] as number)) {
        keyBest[k] = score;
        keyDoc[k] = d;
      }
    }
    for (const top of tops) top.length = 0;
    for (let j = 0; j < keyCount; j++) {
      const k = touchedKeys[j] as number;
      const top = tops[keyGroups[k] as number] as number[];
      const score = keyBest[k] as number;
      if (top.length >= limit && (keyBest[top[top.length - 1] as number] as number) >= score) continue;
      let i = top.length;
      while (i > 0 && (keyBest[top[i - 1] as number] as number) < score) i--;
      top.splice(i, 0, k);
      if (top.length > limit) top.pop();
    }
    const hits: RetrievalHit[] = [];
    for (const top of tops) {
      for (const k of top) hits.push({ key: keyNames[k] as string, group: keyGroups[k] as number, score: (keyBest[k] as number) / q.attainable, doc: keyDoc[k] as number });
    }
    for (let j = 0; j < keyCount; j++) keyBest[touchedKeys[j] as number] = 0;
    return hits.sort((a, b) => b.score - a.score);
  }

  /** Whether document d is in term t's postings: binary search, the postings are in document order. */
  function contains(t: number, d: number): boolean {
    let lo = starts[t] as number;
    let hi = (starts[t + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = docs[mid] as number;
      if (at === d) return true;
      if (at < d) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  function shared(q: RetrievalQuery, doc: number) {
    let weight = 0;
    const terms: number[] = [];
    for (let i = 0; i < q.ids.length; i++) {
      const t = q.ids[i] as number;
      if (t >= 0 && contains(t, doc)) {
        weight += q.weights[i] as number;
        terms.push(i);
      }
    }
    return { weight, docWeight: docWeights[doc] as number, terms };
  }

  return {
    query,
    search,
    groupHas: (t, group) => t >= 0 && ((groupBits[t] as number) & (1 << group)) !== 0,
    keyHas: (key, t) => vocabularies.get(key)?.has(t) ?? false,
    shared,
    stats: { documents: n, terms: termIds.size, buildMs: performance.now() - started },
  };
}
