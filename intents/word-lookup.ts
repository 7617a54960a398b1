import type { FeatureSpace } from './feature-space.ts';
import { WEIGHT_BIGRAM, WEIGHT_EXTRA, WEIGHT_UNIGRAM, type AnalysedText } from './features.ts';
import type { SparseVector } from './linear-model.ts';

/**
 * The same vector as `space.lookUp(featuresOf(reading))` for word features, found without building a string
 * per feature: each syllable string is hashed once (V8 keeps a string's hash) and bigrams are a map of maps.
 * This is the matcher's per-message path; building "u:" + token and "b:" + a + " " + b keys cost a third of it.
 */
export type WordLookUp = (reading: AnalysedText) => SparseVector;

export function buildWordLookUp(space: FeatureSpace, markedWeight: number): WordLookUp {
  const unigrams = new Map<string, number>();
  const bigrams = new Map<string, Map<string, number>>();
  const marks = new Map<string, number>();
  for (const [feature, id] of space.entries()) {
    const body = feature.slice(2);
    if (feature.startsWith('u:')) unigrams.set(body, id);
    else if (feature.startsWith('m:')) marks.set(body, id);
    else if (feature.startsWith('b:')) {
      const cut = body.indexOf(' ');
      const first = body.slice(0, cut);
      const after = bigrams.get(first) ?? new Map<string, number>();
      after.set(body.slice(cut + 1), id);
      bigrams.set(first, after);
    }
  }
  // Position of a feature in the vector being built, valid when stamped with the current message.
  const slot = new Int32Array(space.size);
  const stamp = new Int32Array(space.size);
  let current = 0;

  return (reading) => {
    current++;
    const capacity = reading.tokens.length * 2 + reading.extras.length + reading.marks.length;
    const indices = new Int32Array(capacity);
    const values = new Float32Array(capacity);
    let n = 0;
    const add = (id: number | undefined, weight: number): void => {
      if (id === undefined) return;
      if (stamp[id] === current) {
        const at = slot[id] as number;
        if ((values[at] as number) < weight) values[at] = weight;
        return;
      }
      stamp[id] = current;
      slot[id] = n;
      indices[n] = id;
      values[n] = weight;
      n++;
    };
    const { tokens } = reading;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      add(unigrams.get(token), WEIGHT_UNIGRAM);
      if (i + 1 < tokens.length) add(bigrams.get(token)?.get(tokens[i + 1] as string), WEIGHT_BIGRAM);
    }
    for (const extra of reading.extras) add(unigrams.get(extra), WEIGHT_EXTRA);
    for (const mark of reading.marks) add(marks.get(mark), markedWeight);
    return { indices: indices.subarray(0, n), values: values.subarray(0, n) };
  };
}
