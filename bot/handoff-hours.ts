import { stripMarks } from '../intents/fold.ts';

/**
 * When staff sit at the desk that answers hand-offs, in Viet Nam time (UTC+7 all year, no daylight saving).
 * Read from HANDOFF_HOURS ("Mon-Fri 07:00-11:30,13:30-17:00; Sat 07:00-11:30"), else from OFFICE_HOURS when it
 * reads as a schedule ("Thứ Hai - Thứ Sáu, sáng 7:00-11:30, chiều 13:30-17:00"), else the usual hours of Viet
 * Nam's state offices (DEFAULT_HANDOFF_HOURS). Public holidays are not known: a holiday counts as a working day.
 */
export interface HandoffHours {
  /** The schedule as configured. */
  readonly source: string;
  /** The schedule in Vietnamese, day ranges grouped ("Thứ Hai - Thứ Sáu: 07:00-11:30, 13:30-17:00"). */
  readonly description: string;
  isOpen(at: Date): boolean;
  /** The next moment the desk opens at or after `at` (`at` itself when open); undefined for an empty schedule. */
  nextOpening(at: Date): Date | undefined;
  /** When the current open stretch ends (`at` must be open). */
  closingAfter(at: Date): Date | undefined;
}

export const DEFAULT_HANDOFF_HOURS = 'Mon-Fri 07:00-11:30,13:30-17:00';

const OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Vietnamese day names (folded) → the English token the parser reads. Longest first ("thu hai" before "t2"). */
const VIETNAMESE_DAYS: ReadonlyArray<[RegExp, string]> = [
  [/\bthu hai\b/g, 'mon'], [/\bthu ba\b/g, 'tue'], [/\bthu tu\b/g, 'wed'], [/\bthu nam\b/g, 'thu'],
  [/\bthu sau\b/g, 'fri'], [/\bthu bay\b/g, 'sat'], [/\bchu nhat\b/g, 'sun'],
  [/\bt2\b/g, 'mon'], [/\bt3\b/g, 'tue'], [/\bt4\b/g, 'wed'], [/\bt5\b/g, 'thu'], [/\bt6\b/g, 'fri'], [/\bt7\b/g, 'sat'], [/\bcn\b/g, 'sun'],
];

const TIME_RANGE = /(\d{1,2})(?:[:h](\d{2}))?\s*-\s*(\d{1,2})(?:[:h](\d{2}))?/g;
const DAY_RANGE = /\b(sun|mon|tue|wed|thu|fri|sat)\b(?:\s*-\s*\b(sun|mon|tue|wed|thu|fri|sat)\b)?/g;

/** Minutes after midnight, per weekday (0 = Sunday), as [start, end) pairs. */
type Week = ReadonlyArray<ReadonlyArray<readonly [number, number]>>;

function minutes(h: string, m: string | undefined): number | undefined {
  const value = Number(h) * 60 + Number(m ?? 0);
  return Number(h) <= 24 && Number(m ?? 0) < 60 && value <= 24 * 60 ? value : undefined;
}

/** One "days times" part: the days it names (a range wraps past Sunday) and its time ranges. */
function parsePart(part: string): { days: number[]; spans: Array<[number, number]> } | undefined {
  const spans: Array<[number, number]> = [];
  for (const t of part.matchAll(TIME_RANGE)) {
    const start = minutes(t[1] as string, t[2]);
    const end = minutes(t[3] as string, t[4]);
    if (start === undefined || end === undefined || end <= start) return undefined;
    spans.push([start, end]);
  }
  const days = new Set<number>();
  // Day names are read where no time is: "13:30-17:00" must not be mistaken for anything else.
  for (const d of part.replace(TIME_RANGE, ' ').matchAll(DAY_RANGE)) {
    const from = DAYS.indexOf(d[1] as (typeof DAYS)[number]);
    const to = d[2] === undefined ? from : DAYS.indexOf(d[2] as (typeof DAYS)[number]);
    for (let i = from; ; i = (i + 1) % 7) {
      days.add(i);
      if (i === to) break;
    }
  }
  if (spans.length === 0 || days.size === 0) return undefined;
  return { days: [...days], spans };
}

/** The week a schedule text describes, or undefined when it does not read as one. */
export function parseHandoffHours(text: string): Week | undefined {
  let folded = stripMarks(text);
  for (const [pattern, token] of VIETNAMESE_DAYS) folded = folded.replace(pattern, token);
  const week: Array<Array<[number, number]>> = DAYS.map(() => []);
  for (const part of folded.split(';')) {
    if (part.trim() === '') continue;
    const parsed = parsePart(part);
    if (parsed === undefined) return undefined;
    for (const day of parsed.days) week[day]?.push(...parsed.spans);
  }
  if (week.every((spans) => spans.length === 0)) return undefined;
  return week.map((spans) => [...spans].sort((a, b) => a[0] - b[0]));
}

const VIETNAMESE_DAY_NAMES = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

const clock = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Consecutive weekdays (Monday first) with the same hours become one line, so staff read it as a notice board. */
export function describeWeek(week: Week): string {
  const order = [1, 2, 3, 4, 5, 6, 0];
  const hoursOf = (day: number): string => (week[day] ?? []).map(([start, end]) => `${clock(start)}-${clock(end)}`).join(', ');
  const lines: string[] = [];
  for (let i = 0; i < order.length; ) {
    const hours = hoursOf(order[i] as number);
    let j = i;
    while (j + 1 < order.length && hoursOf(order[j + 1] as number) === hours) j++;
    if (hours !== '') {
      const first = VIETNAMESE_DAY_NAMES[order[i] as number];
      const last = VIETNAMESE_DAY_NAMES[order[j] as number];
      lines.push(`${i === j ? first : `${first} - ${last}`}: ${hours}`);
    }
    i = j + 1;
  }
  return lines.length === 0 ? 'không có giờ nào' : lines.join('; ');
}

export function createHandoffHours(source: string, week: Week): HandoffHours {
  /** Viet Nam wall-clock: the weekday and minute of the day, and the UTC instant of that day's midnight. */
  function local(at: Date) {
    const shifted = at.getTime() + OFFSET_MS;
    const midnightLocal = Math.floor(shifted / DAY_MS) * DAY_MS;
    return { weekday: new Date(midnightLocal).getUTCDay(), minute: Math.floor((shifted - midnightLocal) / 60_000), midnight: midnightLocal - OFFSET_MS };
  }
  const spansOf = (weekday: number) => week[weekday] ?? [];

  return {
    source,
    description: describeWeek(week),
    isOpen(at) {
      const { weekday, minute } = local(at);
      return spansOf(weekday).some(([start, end]) => minute >= start && minute < end);
    },
    nextOpening(at) {
      const { weekday, minute, midnight } = local(at);
      for (let day = 0; day <= 7; day++) {
        for (const [start, end] of spansOf((weekday + day) % 7)) {
          if (day === 0 && minute >= end) continue;
          if (day === 0 && minute >= start) return at;
          return new Date(midnight + day * DAY_MS + start * 60_000);
        }
      }
      return undefined;
    },
    closingAfter(at) {
      const { weekday, minute, midnight } = local(at);
      const span = spansOf(weekday).find(([start, end]) => minute >= start && minute < end);
      return span === undefined ? undefined : new Date(midnight + span[1] * 60_000);
    },
  };
}

/** HANDOFF_HOURS, else OFFICE_HOURS if it reads as a schedule, else the default; `problem` when HANDOFF_HOURS is unreadable. */
export function handoffHoursFrom(env: Readonly<Record<string, string | undefined>>): { hours: HandoffHours; problem?: string } {
  const own = env.HANDOFF_HOURS?.trim();
  if (own) {
    const week = parseHandoffHours(own);
    if (week) return { hours: createHandoffHours(own, week) };
  }
  const office = env.OFFICE_HOURS?.trim();
  const officeWeek = office ? parseHandoffHours(office) : undefined;
  const hours = office && officeWeek ? createHandoffHours(office, officeWeek) : createHandoffHours(DEFAULT_HANDOFF_HOURS, parseHandoffHours(DEFAULT_HANDOFF_HOURS) as Week);
  return own ? { hours, problem: `HANDOFF_HOURS "${own}" is not a schedule like "${DEFAULT_HANDOFF_HOURS}"; using "${hours.source}"` } : { hours };
}

const WEEKDAY_NAMES = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "13:30 hôm nay", "07:00 ngày mai (thứ Ba, 03/03)", "07:00 thứ Hai, 09/03": when a resident may expect the desk. */
export function describeOpening(at: Date, now: Date): string {
  const shifted = new Date(at.getTime() + OFFSET_MS);
  const time = `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
  const days = Math.floor((at.getTime() + OFFSET_MS) / DAY_MS) - Math.floor((now.getTime() + OFFSET_MS) / DAY_MS);
  const date = `${WEEKDAY_NAMES[shifted.getUTCDay()]}, ${pad(shifted.getUTCDate())}/${pad(shifted.getUTCMonth() + 1)}`;
  if (days <= 0) return `${time} hôm nay`;
  if (days === 1) return `${time} ngày mai (${date})`;
  return `${time} ${date}`;
}

/** "17:00" */
export function clockTime(at: Date): string {
  const shifted = new Date(at.getTime() + OFFSET_MS);
  return `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}
