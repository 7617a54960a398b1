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
  // Each pair into its first's run, kept sorted by the second as it goes in (a run holds a few pairs).
  const fill = starts.slice(0, firstCount);
  for (const [first, second, value] of pairs) {
    let at = (fill[first] as number)++;
    while (at > (starts[first] as number) && (seconds[at - 1] as number) > second) {
      seconds[at] = seconds[at - 1] as number;
      values[at] = values[at - 1] as number;
      at--;
    }
    seconds[at] = second;
    values[at] = value;
  }
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
