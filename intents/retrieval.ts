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
}

export interface RetrievalHit {
  readonly key: string;
  readonly group: number;
  /** Share of the query's attainable score this document reached (0..1): comparable across queries. */
  readonly score: number;
}

export interface RetrievalIndex {
  /** Best hit per key, at most `limit` keys per group, best first. */
  search(text: string, limit: number): RetrievalHit[];
  readonly stats: { readonly documents: number; readonly terms: number; readonly buildMs: number };
}

const K1 = 1.2;
const B = 0.75;
// A bigram says more than either syllable alone ("ho khau" vs "ho", "khau"), so it weighs more.
const BIGRAM_WEIGHT = 1.5;

/** The terms a text is indexed and queried by: syllables and adjacent pairs, numbers set aside. */
export function retrievalTerms(text: string): Map<string, number> {
  const tokens = canonicalize(foldedTokens(text)).tokens.filter((t) => !t.startsWith('<'));
  const terms = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    terms.set(token, (terms.get(token) ?? 0) + 1);
    if (i + 1 < tokens.length) {
      const pair = token + ' ' + (tokens[i + 1] as string);
      terms.set(pair, (terms.get(pair) ?? 0) + 1);
    }
  }
  return terms;
}

const weightOf = (term: string): number => (term.includes(' ') ? BIGRAM_WEIGHT : 1);

export function buildRetrievalIndex(documents: readonly RetrievalDocument[]): RetrievalIndex {
  const started = performance.now();
  const analysed = documents.map((d) => retrievalTerms(d.text));
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
  // Postings of every term in three flat arrays (term t's documents are docs[starts[t]..starts[t+1]]), not a pair
  // of typed arrays per term: ~30,000 terms would each carry two ArrayBuffers' overhead (about 15 MB in all).
  // `factors` holds the term's BM25 factor in each document, precomputed: tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)).
  const termIds = new Map<string, number>();
  const starts = new Int32Array(building.size + 1);
  let total = 0;
  for (const list of building.values()) total += list.docs.length;
  const docs = new Int32Array(total);
  const factors = new Float32Array(total);
  const idfs = new Float64Array(building.size);
  let at = 0;
  for (const [term, list] of building) {
    const t = termIds.size;
    termIds.set(term, t);
    starts[t] = at;
    docs.set(list.docs, at);
    factors.set(list.factors, at);
    at += list.docs.length;
    const df = list.docs.length;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    idfs[t] = idf * weightOf(term);
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
  const scores = new Float64Array(n);
  const touched = new Int32Array(n);
  const keyBest = new Float64Array(keyNames.length);
  const touchedKeys = new Int32Array(keyNames.length);
  // The most a term can add (a document made of it alone); an unknown term still counts, at the rarest IDF.
  const unknownIdf = Math.log(1 + (n + 0.5) / 0.5);

  function search(text: string, limit: number): RetrievalHit[] {
    const terms = retrievalTerms(text);
    let attainable = 0;
    let count = 0;
    for (const [term, tf] of terms) {
      const t = termIds.get(term);
      const idf = t === undefined ? unknownIdf * weightOf(term) : (idfs[t] as number);
      // A syllable repeated in the query counts once more, not in full.
      const qw = idf * (1 + 0.5 * (tf - 1));
      attainable += qw * (K1 + 1);
      if (t === undefined) continue;
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
      if (score > (keyBest[k] as number)) keyBest[k] = score;
    }
    const tops: number[][] = Array.from({ length: groupCount }, () => []);
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
    for (const top of tops) for (const k of top) hits.push({ key: keyNames[k] as string, group: keyGroups[k] as number, score: (keyBest[k] as number) / attainable });
    for (let j = 0; j < keyCount; j++) keyBest[touchedKeys[j] as number] = 0;
    return hits.sort((a, b) => b.score - a.score);
  }

  return { search, stats: { documents: n, terms: termIds.size, buildMs: performance.now() - started } };
}
