import type { SparseVector } from './linear-model.ts';

/**
 * The features the knowledge base uses, each with an index and an inverse document frequency. IDF lets a rare,
 * telling syllable ("mai táng", "đê") outweigh the words every question shares ("cho hỏi", "ở đâu", "làm sao").
 * A message's features are looked up once (`lookUp`) and then weighed for each model that reads them.
 */
export interface FeatureSpace {
  readonly size: number;
  /** Known features of a message: their indices and raw weights (unknown features are dropped). */
  readonly lookUp: (features: ReadonlyMap<string, number>) => SparseVector;
  /** Every feature with its index. */
  readonly entries: () => IterableIterator<[string, number]>;
  /** Document frequencies over the given subset of documents (all when omitted), for `weigh`. */
  readonly idf: (which?: (document: number) => boolean) => Float32Array;
}

export function buildFeatureSpace(documents: readonly ReadonlyMap<string, number>[]): FeatureSpace {
  const index = new Map<string, number>();
  // Features are numbered from the most frequent down, so the rows every message reads (the model's weights, the
  // IDFs, the neighbour lists of "ở", "làm", "không") lie together in memory and stay cached between messages.
  // Numbers only place rows: every sum runs in the message's own feature order, so scores do not depend on them.
  const firstSeen = new Map<string, number>();
  const counts: number[] = [];
  const provisional = documents.map((doc) => {
    const ids: number[] = [];
    for (const feature of doc.keys()) {
      let at = firstSeen.get(feature);
      if (at === undefined) {
        firstSeen.set(feature, (at = counts.length));
        counts.push(0);
      }
      counts[at] = (counts[at] as number) + 1;
      ids.push(at);
    }
    return ids;
  });
  // Most frequent first, ties in order of first sight (a stable sort).
  const byFrequency = counts.map((_, at) => at).sort((a, b) => (counts[b] as number) - (counts[a] as number));
  const numberOf = new Int32Array(counts.length);
  byFrequency.forEach((at, id) => (numberOf[at] = id));
  const features = [...firstSeen.keys()];
  for (const at of byFrequency) index.set(features[at] as string, index.size);
  const documentFeatures = provisional.map((ids) => ids.map((at) => numberOf[at] as number));
  return {
    size: index.size,
    entries: () => index.entries(),
    lookUp(features) {
      const indices = new Int32Array(features.size);
      const values = new Float32Array(features.size);
      let n = 0;
      for (const [feature, weight] of features) {
        const at = index.get(feature);
        if (at === undefined) continue;
        indices[n] = at;
        values[n] = weight;
        n++;
      }
      return { indices: indices.subarray(0, n), values: values.subarray(0, n) };
    },
    idf(which) {
      const counts = new Float32Array(index.size);
      let n = 0;
      documentFeatures.forEach((ids, d) => {
        if (which && !which(d)) return;
        n++;
        for (const id of ids) counts[id] = (counts[id] as number) + 1;
      });
      return counts.map((df) => (df === 0 ? 0 : 1 + Math.log((n + 1) / (df + 1))));
    },
  };
}

/**
 * Weighs looked-up features by IDF and divides by norm^power: power 1 is unit length; less keeps a long
 * message's features from shrinking as much. `mix` blends IDF in (0 ignores it, 1 multiplies by it).
 * The values are written into `into` when it is long enough (a message's scratch space), else a new array.
 */
export function weigh(raw: SparseVector, idf: Float32Array, mix: number, normPower: number, into?: Float32Array): SparseVector {
  const n = raw.values.length;
  const values = into !== undefined && into.length >= n ? into.subarray(0, n) : new Float32Array(n);
  let norm = 0;
  for (let k = 0; k < values.length; k++) {
    const value = (raw.values[k] as number) * (1 - mix + mix * (idf[raw.indices[k] as number] as number));
    values[k] = value;
    norm += value * value;
  }
  const scale = norm > 0 ? Math.pow(norm, -normPower / 2) : 0;
  for (let k = 0; k < values.length; k++) values[k] = (values[k] as number) * scale;
  return { indices: raw.indices, values };
}
