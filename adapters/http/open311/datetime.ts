/**
 * Open311 times are W3C datetimes with an offset. The store keeps UTC; residents and staff think in
 * Vietnam time, which has had no daylight saving since 1975, so a fixed +07:00 is exact.
 */
const OFFSET_MS = 7 * 60 * 60 * 1000;
const OFFSET = '+07:00';

/** "2026-11-27T01:05:00.000Z" → "2026-11-27T08:05:00+07:00". */
export function toVietnamTime(utcIso: string): string {
  const ms = Date.parse(utcIso);
  if (Number.isNaN(ms)) return utcIso;
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 19) + OFFSET;
}

const W3C_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(Z|[+\- ]\d{2}:?\d{2})?$/i;

export interface ParsedDatetime {
  readonly at: Date;
  /** A bare date ("2026-11-27") names a whole day, so an end date should reach its last moment. */
  readonly dateOnly: boolean;
}

/**
 * Parses a W3C datetime ("2026-11-27", "2026-11-27T08:05:00+07:00", "...Z"). A missing offset means
 * Vietnam time. A "+" sent unencoded in a query string arrives as a space, so " 07:00" is read as "+07:00".
 */
export function parseW3cDatetime(text: string): ParsedDatetime | undefined {
  const match = W3C_DATETIME.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone] = match;
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  // Date.parse rolls 31 February over into March; a client that sent it made a mistake worth reporting.
  if (m < 1 || m > 12 || d < 1 || new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  const offset = zone === undefined ? OFFSET : zone.toUpperCase() === 'Z' ? 'Z' : normalOffset(zone);
  const ms = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${offset}`);
  if (Number.isNaN(ms)) return undefined;
  return { at: new Date(ms), dateOnly: match[4] === undefined };
}

function normalOffset(zone: string): string {
  const sign = zone.startsWith('-') ? '-' : '+';
  const digits = zone.replace(/[^\d]/g, '');
  return `${sign}${digits.slice(0, 2)}:${digits.slice(2, 4)}`;
}
