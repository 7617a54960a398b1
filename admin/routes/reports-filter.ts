import type { ReportFilter } from '../../bot/reports/store.ts';
import { OPEN_STATUSES, REPORT_STATUSES, type ReportStatus } from '../../bot/reports/types.ts';
import { vietnamDayStart } from '../stats/vietnam-days.ts';

/** The board's filter as the form sends it (GET query), echoed back into the form. */
export interface BoardQuery {
  /** '' (all), 'open' (received or in progress), or one status. */
  readonly status: string;
  readonly category: string;
  readonly commune: string;
  /** Vietnamese days, "YYYY-MM-DD", inclusive; '' for no bound. */
  readonly from: string;
  readonly to: string;
  /** '' (anyone), '-' (not assigned yet), or a name. */
  readonly assignee: string;
}

export const UNASSIGNED = '-';
/** The board lists this many, newest first; the export takes more. */
export const BOARD_LIMIT = 200;
export const EXPORT_LIMIT = 5000;

export function boardQuery(get: (name: string) => string | undefined): BoardQuery {
  const read = (name: string) => (get(name) ?? '').trim();
  return { status: read('status'), category: read('category'), commune: read('commune'), from: read('from'), to: read('to'), assignee: read('assignee') };
}

/** The store filter for a query, or the reason it cannot be used (shown above the list). */
export function reportFilter(query: BoardQuery, limit: number): { filter: ReportFilter; error?: string } {
  const statuses: readonly ReportStatus[] =
    query.status === 'open' ? OPEN_STATUSES : (REPORT_STATUSES as readonly string[]).includes(query.status) ? [query.status as ReportStatus] : [];
  const since = query.from ? vietnamDayStart(query.from) : undefined;
  const next = query.to ? vietnamDayStart(query.to) : undefined;
  // The store's `until` is inclusive: the last millisecond of the "to" day.
  const until = next ? new Date(next.getTime() + 86_400_000 - 1) : undefined;
  const error =
    (query.from && !since) || (query.to && !until) || (since && until && since > until)
      ? 'Khoảng ngày không hợp lệ: dùng dạng năm-tháng-ngày, "từ ngày" không sau "đến ngày".'
      : undefined;
  const filter: ReportFilter = {
    limit,
    ...(statuses.length > 0 ? { status: statuses } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.commune ? { commune: query.commune } : {}),
    ...(query.assignee ? { assignee: query.assignee === UNASSIGNED ? null : query.assignee } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  };
  return error ? { filter, error } : { filter };
}

/** The query string of a filter, to carry it to the export link and back from a report. */
export function queryString(query: BoardQuery): string {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== ''));
  const text = params.toString();
  return text ? `?${text}` : '';
}
