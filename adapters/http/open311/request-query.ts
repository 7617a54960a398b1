import type { ReportFilter, ReportStore } from '../../../bot/reports/store.ts';
import { OPEN_STATUSES, REPORT_STATUSES, type Report, type ReportStatus } from '../../../bot/reports/types.ts';
import { inChunks } from './chunks.ts';
import { parseW3cDatetime } from './datetime.ts';
import { invalid, type Parsed } from './types.ts';

/** The spec's defaults: the last 90 days, at most 1000 requests; a range may not span more than 90 days. */
export const WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const WINDOW_MS = WINDOW_DAYS * DAY_MS;

const CLOSED_STATUSES: readonly ReportStatus[] = REPORT_STATUSES.filter((s) => !OPEN_STATUSES.includes(s));

function commaList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');
}

function statusesFor(value: string | undefined): Parsed<readonly ReportStatus[] | undefined> {
  const asked = commaList(value).map((s) => s.toLowerCase());
  if (asked.length === 0) return { ok: true, value: undefined };
  const unknown = asked.find((s) => s !== 'open' && s !== 'closed');
  if (unknown !== undefined) return invalid(`status must be open or closed (comma separated), not "${unknown}"`);
  return { ok: true, value: [...(asked.includes('open') ? OPEN_STATUSES : []), ...(asked.includes('closed') ? CLOSED_STATUSES : [])] };
}

function rangeFor(start: string | undefined, end: string | undefined, now: Date): Parsed<{ since: Date; until: Date }> {
  const from = start === undefined || start === '' ? undefined : parseW3cDatetime(start);
  if (start !== undefined && start !== '' && from === undefined) return invalid('start_date must be a W3C datetime such as 2026-11-27T08:00:00+07:00');
  const to = end === undefined || end === '' ? undefined : parseW3cDatetime(end);
  if (end !== undefined && end !== '' && to === undefined) return invalid('end_date must be a W3C datetime such as 2026-11-27T17:00:00+07:00');
  const until = to === undefined ? undefined : new Date(to.at.getTime() + (to.dateOnly ? DAY_MS - 1 : 0));
  // One bound alone opens a 90-day window from it; neither means the 90 days before now.
  const since = from?.at ?? new Date((until ?? now).getTime() - WINDOW_MS);
  const last = until ?? (from === undefined ? now : new Date(since.getTime() + WINDOW_MS));
  if (last.getTime() < since.getTime()) return invalid('end_date is before start_date');
  if (last.getTime() - since.getTime() > WINDOW_MS) return invalid(`start_date and end_date may not span more than ${WINDOW_DAYS} days`);
  return { ok: true, value: { since, until: last } };
}

/**
 * Turns the query of GET /requests into store filters, one per service code asked (the store filters one
 * category at a time). service_request_id overrides every other argument, as the spec says.
 */
export function parseRequestQuery(query: Readonly<Record<string, string | undefined>>, knownCodes: ReadonlySet<string>, now: Date): Parsed<ReportFilter[]> {
  const ids = commaList(query['service_request_id']);
  if (ids.length > MAX_REQUESTS) return invalid(`at most ${MAX_REQUESTS} service_request_id values at once`);
  if (ids.length > 0) return { ok: true, value: inChunks([...new Set(ids.map((id) => id.toUpperCase()))]).map((codes) => ({ codes, limit: MAX_REQUESTS })) };

  const codes = commaList(query['service_code']);
  const unknown = codes.find((code) => !knownCodes.has(code));
  if (unknown !== undefined) return invalid(`unknown service_code "${unknown}"; GET services.json lists them`);
  const statuses = statusesFor(query['status']);
  if (!statuses.ok) return statuses;
  const range = rangeFor(query['start_date'], query['end_date'], now);
  if (!range.ok) return range;

  const base: ReportFilter = { since: range.value.since, until: range.value.until, limit: MAX_REQUESTS, ...(statuses.value ? { status: statuses.value } : {}) };
  const categories = [...new Set(codes)];
  return { ok: true, value: categories.length === 0 ? [base] : categories.map((category) => ({ ...base, category })) };
}

/** Runs the filters and keeps the newest MAX_REQUESTS across them all. */
export async function findRequests(store: ReportStore, filters: readonly ReportFilter[]): Promise<Report[]> {
  const found = (await Promise.all(filters.map((filter) => store.list(filter)))).flat();
  return found.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)).slice(0, MAX_REQUESTS);
}
