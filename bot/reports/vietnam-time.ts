/** Viet Nam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact. */
const OFFSET_MS = 7 * 3600 * 1000;

const pad = (n: number): string => String(n).padStart(2, '0');

function shifted(iso: string): Date {
  return new Date(Date.parse(iso) + OFFSET_MS);
}

/** "2026-11-27T08:05:00+07:00" (Open311 wants the local offset, not Z). */
export function isoVietnam(iso: string): string {
  const d = shifted(iso);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+07:00`;
}

/** "08:05 27/11/2026", as residents read a time. */
export function displayVietnam(iso: string): string {
  const d = shifted(iso);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}
