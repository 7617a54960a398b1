/**
 * Arrays of small non-negative integers (document, term or label numbers) in 16 bits when every value fits: the
 * postings and per-document arrays a message reads are then half the memory, so more of them stay cached.
 */
export type IndexArray = Uint16Array | Int32Array;

/** An array of `length` numbers, none above `largest`. */
export function indexArray(length: number, largest: number): IndexArray {
  return largest <= 0xffff ? new Uint16Array(length) : new Int32Array(length);
}

/** The numbers of `values` in an index array. */
export function indexArrayOf(values: ArrayLike<number>): IndexArray {
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, values[i] as number);
  const out = indexArray(values.length, largest);
  out.set(Array.from(values));
  return out;
}
