/**
 * Times platforms put in their payloads, checked before they become a Date. `new Date(x)` accepts numbers whose
 * Date is invalid (past ±8.64e15 ms), and `toISOString()` on one throws a RangeError deep inside storage: a 500
 * on every retry. Times past year 9999 are refused too, because stored times are ISO strings compared as text
 * (retention, recovery), and a six-digit "+275760-..." year would sort wrongly.
 */
const LAST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A Date for a count of milliseconds since 1970, or undefined when it is not a time we can store. */
export function timeFromMs(ms: number): Date | undefined {
  return Number.isFinite(ms) && ms >= 0 && ms <= LAST_MS ? new Date(ms) : undefined;
}
