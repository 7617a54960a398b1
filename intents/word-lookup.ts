import type { FeatureSpace } from './feature-space.ts';
import { WEIGHT_BIGRAM, WEIGHT_EXTRA, WEIGHT_UNIGRAM, type AnalysedText } from './features.ts';
import type { SparseVector } from './linear-model.ts';
import { buildPairTable } from './pair-table.ts';
import { bySyllableNumber, entryOf, syllableNumber } from './syllable-numbers.ts';

/**
 * The same vector as `space.lookUp(featuresOf(reading))` for word features, found without building a string per
 * feature: building "u:" + token and "b:" + a + " " + b keys cost a third of the matcher's per-message path. Each
 * syllable is looked up once (string-keyed lookups of a message's fresh strings are what a message costs most);
 * its unigram is then an array read and a pair of syllables a pair-table read (pair-table.ts).
 */
export type WordLookUp = (reading: AnalysedText) => SparseVector;

export function buildWordLookUp(space: FeatureSpace, markedWeight: number): WordLookUp {
  const words = new Map<string, number>();
  const wordOf = (word: string): number => {
    let w = words.get(word);
    if (w === undefined) words.set(word, (w = words.size));
    return w;
  };
  const unigramFeatures: Array<[word: number, id: number]> = [];
  const pairFeatures: Array<[first: number, second: number, id: number]> = [];
  const marks = new Map<string, number>();
  for (const [feature, id] of space.entries()) {
    const body = feature.slice(2);
    if (feature.startsWith('u:')) unigramFeatures.push([wordOf(body), id]);
    else if (feature.startsWith('m:')) marks.set(body, id);
    else if (feature.startsWith('b:')) {
      const cut = body.indexOf(' ');
      pairFeatures.push([wordOf(body.slice(0, cut)), wordOf(body.slice(cut + 1)), id]);
    }
  }
  // The message's syllables come numbered (analyse): their words are read by number, not looked up by string.
  const wordOfNumber = bySyllableNumber(words);
  const unigrams = new Int32Array(words.size).fill(-1);
  for (const [w, id] of unigramFeatures) unigrams[w] = id;
  const pairs = buildPairTable(words.size, pairFeatures);

  // Position of a feature in the vector being built, valid when stamped with the current message.
  const slot = new Int32Array(space.size);
  const stamp = new Int32Array(space.size);
  let current = 0;
  let indices = new Int32Array(0);
  let values = new Float32Array(0);
  let n = 0;
  function add(id: number, weight: number): void {
    if (id < 0) return;
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
  }

  // The vector is a view of scratch space, valid until the next message: the matcher reads it before that.
  return (reading) => {
    current++;
    const { tokens } = reading;
    const capacity = tokens.length * 2 + reading.extras.length + reading.marks.length;
    if (indices.length < capacity) {
      indices = new Int32Array(2 * capacity);
      values = new Float32Array(2 * capacity);
    }
    n = 0;
    // Each syllable's unigram, then its pair with the next (the order featuresOf gives: sums add up the same).
    const numbers = reading.numbers ?? tokens.map(syllableNumber);
    let w = tokens.length === 0 ? -1 : entryOf(wordOfNumber, numbers[0] as number);
    for (let i = 0; i < tokens.length; i++) {
      const next = i + 1 < tokens.length ? entryOf(wordOfNumber, numbers[i + 1] as number) : -1;
      if (w >= 0) {
        add(unigrams[w] as number, WEIGHT_UNIGRAM);
        if (next >= 0) add(pairs.get(w, next), WEIGHT_BIGRAM);
      }
      w = next;
    }
    for (const extra of reading.extras) {
      const w = words.get(extra);
      if (w !== undefined) add(unigrams[w] as number, WEIGHT_EXTRA);
    }
    for (const mark of reading.marks) add(marks.get(mark) ?? -1, markedWeight);
    return { indices: indices.subarray(0, n), values: values.subarray(0, n) };
  };
}
