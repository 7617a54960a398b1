/**
 * One number per syllable for the whole process, shared by every index that reads a message's syllables: the
 * matcher's features and spelling, official wording, the retrieval index. A message's syllables are looked up
 * here once (analyse) and each index then reads an array by number: four string-keyed Maps looked up each
 * syllable again (about 50-80 ns a look-up once the rest of the path had run, some 110 a message).
 *
 * Numbers are given as indexes are built (with every syllable they know) and never taken back, so an index
 * reads a number it has no entry for, or one given after it was built, as a syllable it does not know. The
 * table grows only with the vocabularies indexes are built from (tens of thousands of syllables), never with
 * what residents send: a message only looks numbers up.
 */
const numbers = new Map<string, number>();

/** Numbers stay below this, so a pair of them makes one exact key (first × LIMIT + second). */
export const SYLLABLE_NUMBER_LIMIT = 1 << 21;

/** The syllable's number, given now if it has none (index builds). */
export function numberSyllable(syllable: string): number {
  let n = numbers.get(syllable);
  if (n === undefined) {
    if (numbers.size >= SYLLABLE_NUMBER_LIMIT) throw new Error('too many distinct syllables to number');
    numbers.set(syllable, (n = numbers.size));
  }
  return n;
}

/** The syllable's number, -1 when no index has it. */
export function syllableNumber(syllable: string): number {
  return numbers.get(syllable) ?? -1;
}

/**
 * An index's entries by syllable number: `entries` gives (syllable, value) pairs; the array holds -1 for every
 * number it was not given, and is as long as the numbers given so far (later numbers read as unknown).
 */
export function bySyllableNumber(entries: Iterable<readonly [syllable: string, value: number]>): Int32Array {
  const pairs: Array<readonly [number, number]> = [];
  for (const [syllable, value] of entries) pairs.push([numberSyllable(syllable), value]);
  const table = new Int32Array(numbers.size).fill(-1);
  for (const [n, value] of pairs) table[n] = value;
  return table;
}

/** The entry of number n in a table made by `bySyllableNumber` (-1 for n = -1 or a number given after it). */
export const entryOf = (table: Int32Array, n: number): number => (n >= 0 && n < table.length ? (table[n] as number) : -1);
