import type { NewReport, Report } from '../../../bot/reports/types.ts';
import type { ReportStore } from '../../../bot/reports/store.ts';

/** One report category as Open311 clients see it; `code` is the catalogue's report id (chieu-sang...). */
export interface Open311Service {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly keywords: readonly string[];
  readonly group: string;
}

export interface Open311Deps {
  readonly reports: ReportStore;
  readonly services: readonly Open311Service[];
  /** POST needs this key; when undefined, POST answers 403 (read-only). */
  readonly apiKey?: string;
  /** Files a report exactly like the chat does (duplicate linking included); returns the report residents will track. */
  readonly fileReport: (report: NewReport) => Promise<Report>;
  /** Inside the province? (lat/long outside → 400). */
  readonly withinArea: (latitude: number, longitude: number) => boolean;
  /** agency_responsible, e.g. "UBND thành phố Cần Thơ". */
  readonly agencyName: string;
  /** A commune id as the public reads it ("phường Vị Tân"); ids are internal. */
  readonly communeName?: (id: string) => string | undefined;
  /** The address clients should use (PUBLIC_BASE_URL): behind a proxy the request's own URL is a loopback one. */
  readonly publicBaseUrl?: string;
  readonly now?: () => Date;
}

/** The error codes the GeoReport v2 spec uses; each is also the HTTP status. */
export type Open311ErrorCode = 400 | 403 | 404 | 413;

export interface Open311Error {
  readonly code: Open311ErrorCode;
  readonly description: string;
}

/** Parsers return this instead of throwing, so each route decides how to answer. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Open311Error };

export function invalid(description: string): { ok: false; error: Open311Error } {
  return { ok: false, error: { code: 400, description } };
}
