/**
 * Calendar days in Viet Nam for the dashboard. Viet Nam keeps UTC+7 all year, so a day runs from 17:00 UTC the
 * day before to 17:00 UTC; times in the database are UTC ISO strings (`toISOString()`), which compare as text,
 * so a range is two ISO bounds every dialect can use with >= and <.
 */
const OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The longest range the dashboard draws: a year of days keeps every chart and CSV small. */
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 30;

export interface DayRange {
  /** First and last Vietnamese day, inclusive, "YYYY-MM-DD". */
  readonly from: string;
  readonly to: string;
  /** UTC bounds: from's 00:00 in Viet Nam, and the 00:00 after `to` (exclusive). */
  readonly startIso: string;
  readonly endIso: string;
  /** Every day of the range, in order (the x axis of the daily charts). */
  readonly days: readonly string[];
}

/** The Vietnamese calendar day an instant falls on. */
export function vietnamDayOf(iso: string): string {
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The Vietnamese day of a UTC hour bucket "YYYY-MM-DDTHH" (what substr(created_at, 1, 13) gives): whole-hour
 * offset, so an hour never straddles two Vietnamese days.
 */
export function vietnamDayOfHour(hour: string): string {
  return vietnamDayOf(`${hour}:00:00.000Z`);
}

function dayStart(day: string): number | undefined {
  const m = DAY.exec(day);
  if (!m) return undefined;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2026-02-31 over into March: such a day is refused, not moved.
  return new Date(at).toISOString().slice(0, 10) === day ? at - OFFSET_MS : undefined;
}

/** The instant a Vietnamese day starts, or undefined for a malformed day. */
export function vietnamDayStart(day: string): Date | undefined {
  const at = dayStart(day);
  return at === undefined ? undefined : new Date(at);
}

export function rangeOf(from: string, to: string): DayRange | undefined {
  const start = dayStart(from);
  const last = dayStart(to);
  if (start === undefined || last === undefined || last < start) return undefined;
  const count = Math.round((last - start) / DAY_MS) + 1;
  if (count > MAX_RANGE_DAYS) return undefined;
  const days = Array.from({ length: count }, (_, i) => vietnamDayOf(new Date(start + i * DAY_MS).toISOString()));
  return { from, to, startIso: new Date(start).toISOString(), endIso: new Date(last + DAY_MS).toISOString(), days };
}

/** The last `days` days up to today in Viet Nam. */
export function defaultRange(now: Date, days = DEFAULT_RANGE_DAYS): DayRange {
  const today = vietnamDayOf(now.toISOString());
  const from = new Date(Date.parse(`${today}T00:00:00.000Z`) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  return rangeOf(from, today) as DayRange;
}

/** The range a request asks for (?from=&to=), or the default with the reason it was not taken. */
export function rangeFromQuery(now: Date, from: string | undefined, to: string | undefined): { range: DayRange; error?: string } {
  if (!from && !to) return { range: defaultRange(now) };
  const fallback = defaultRange(now);
  const asked = rangeOf(from || fallback.from, to || fallback.to);
  if (asked) return { range: asked };
  return { range: fallback, error: `Khoảng ngày không hợp lệ: dùng dạng năm-tháng-ngày, "từ ngày" không sau "đến ngày", tối đa ${MAX_RANGE_DAYS} ngày.` };
}
