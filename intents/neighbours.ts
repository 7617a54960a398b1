import { freshCopy } from './fresh-code.ts';
import { indexArray, indexArrayOf } from './index-array.ts';
import type { SparseVector } from './linear-model.ts';
import { compiledNeighbourWalk, type NeighbourPostings } from './neighbour-kernel.ts';

/**
 * Nearest-neighbour evidence over the example phrasings: how close the message comes to the closest phrasing of
 * each label (cosine over IDF-weighted word features). A linear model averages a label's phrasings into one
 * weight vector; a resident who asks the way one phrasing does (an unusual wording staff wrote down once) is
 * recognised here even when the average forgot it.
 * Stored as an inverted index: a message touches only the phrasings that share a feature with it. Features
 * in more than COMMON of the phrasings ("ở", "không", "làm") are left out of the index: their IDF is low, so
 * they move a cosine little, and walking their long lists would cost most of the time.
 */
const COMMON = 0.02;
export interface NeighbourIndex {
  /** Writes each label's best cosine into `out` (length: label count) and returns it. */
  readonly nearest: (vector: SparseVector, out: Float64Array) => Float64Array;
}

export function buildNeighbourIndex(documents: readonly { vector: SparseVector; label: number }[], featureCount: number): NeighbourIndex {
  const counts = new Int32Array(featureCount + 1);
  for (const doc of documents) for (const f of doc.vector.indices) counts[f + 1] = (counts[f + 1] as number) + 1;
  const limit = Math.max(20, COMMON * documents.length);
  const kept = new Uint8Array(featureCount);
  for (let f = 0; f < featureCount; f++) {
    if ((counts[f + 1] as number) > limit) counts[f + 1] = 0;
    else if ((counts[f + 1] as number) > 0) kept[f] = 1;
  }
  const indexed = (f: number): boolean => kept[f] === 1;
  for (let f = 0; f < featureCount; f++) counts[f + 1] = (counts[f + 1] as number) + (counts[f] as number);
  const starts = counts;
  const postingDoc = indexArray(starts[featureCount] as number, documents.length);
  const postingValue = new Float32Array(postingDoc.length);
  const fill = starts.slice(0, featureCount);
  const norms = documents.map((doc) => Math.hypot(...doc.vector.values) || 1);
  documents.forEach((doc, d) => {
    const { indices, values } = doc.vector;
    for (let k = 0; k < indices.length; k++) {
      const f = indices[k] as number;
      if (!indexed(f)) continue;
      const at = fill[f] as number;
      postingDoc[at] = d;
      postingValue[at] = (values[k] as number) / (norms[d] as number);
      fill[f] = at + 1;
    }
  });
  const labels = indexArrayOf(documents.map((doc) => doc.label));
  const postings: NeighbourPostings = { kept, starts, postingDoc, postingValue, labels, documentCount: documents.length };
  const compiled = compiledNeighbourWalk(postings);
  // A copy of the walk's code for this index alone (fresh-code.ts): a matcher built again (staff publish an entry)
  // otherwise walked on generic code, 1.3 us a message slower.
  if (compiled === undefined) return freshCopy(neighbourWalk)(postings);
  // The compiled walk, and for a message longer than its scratch space the JavaScript walk over the same memory.
  let long: NeighbourIndex | undefined;
  return {
    nearest: (vector, out) => compiled.nearest(vector, out) ?? (long ??= neighbourWalk(compiled.postings)).nearest(vector, out),
  };
}

/** The walk over `index`. Self-contained (no binding of this module inside), so each index gets a copy of its own. */
export function neighbourWalk(index: NeighbourPostings): NeighbourIndex {
  const { kept, starts, postingDoc, postingValue, labels } = index;
  const sims = new Float32Array(index.documentCount);
  // Phrasings reached by the message: a typed array with a count (emptying a plain array let go of its storage,
  // so every message grew a new one: most of what a message allocated).
  // The walk writes each posting's phrasing at `reached` before knowing whether it is new, and a phrasing whose sum is
  // still zero after a posting (a feature of zero weight) counts as new again: a slot for every posting, and one more.
  // (One per phrasing, as it was, let such a message write past the end, and that phrasing's sum was never cleared.)
  const touched = new Int32Array(postingDoc.length + 1);

  return {
    nearest(vector, out) {
      out.fill(0);
      const { indices, values } = vector;
      let norm = 0;
      for (let k = 0; k < values.length; k++) norm += (values[k] as number) * (values[k] as number);
      if (norm === 0) return out;
      const scale = 1 / Math.sqrt(norm);
      let reached = 0;
      for (let k = 0; k < indices.length; k++) {
        const f = indices[k] as number;
        if (kept[f] !== 1) continue;
        const value = (values[k] as number) * scale;
        for (let p = starts[f] as number, end = starts[f + 1] as number; p < end; p++) {
          const d = postingDoc[p] as number;
          const before = sims[d] as number;
          // Recorded without a branch, kept only when new: whether a phrasing was reached before is unpredictable.
          touched[reached] = d;
          reached += +(before === 0);
          sims[d] = before + value * (postingValue[p] as number);
        }
      }
      for (let j = 0; j < reached; j++) {
        const d = touched[j] as number;
        const label = labels[d] as number;
        if ((sims[d] as number) > (out[label] as number)) out[label] = sims[d] as number;
        sims[d] = 0;
      }
      return out;
    },
  };
}
