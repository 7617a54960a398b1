/**
 * Values (feature or term ids) of pairs of syllable ids, stored per first id as one run sorted by the second: a
 * look-up reads the run's bounds and binary-searches a few neighbouring entries. A Map keyed by first·n + second
 * read scattered memory for each of a message's pairs, among the costliest lines of every message in profiles.
 */
export interface PairTable {
  /** The value of (first, second), or -1 when the pair was not given (or either id is negative). */
  get(first: number, second: number): number;
}

export function buildPairTable(firstCount: number, pairs: ReadonlyArray<readonly [first: number, second: number, value: number]>): PairTable {
  const starts = new Int32Array(firstCount + 1);
  for (const [first] of pairs) starts[first + 1] = (starts[first + 1] as number) + 1;
  for (let f = 0; f < firstCount; f++) starts[f + 1] = (starts[f + 1] as number) + (starts[f] as number);
  const seconds = new Int32Array(pairs.length);
  const values = new Int32Array(pairs.length);
  const sorted = [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  sorted.forEach(([, second, value], i) => {
    seconds[i] = second;
    values[i] = value;
  });
  return {
    get(first, second) {
      if (first < 0 || second < 0 || first >= firstCount) return -1;
      let lo = starts[first] as number;
      let hi = (starts[first + 1] as number) - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const at = seconds[mid] as number;
        if (at === second) return values[mid] as number;
        if (at < second) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    },
  };
}
