import { redactContacts } from '../../../bot/reports/redact-contacts.ts';
import { OPEN_STATUSES, STATUS_TITLES, type Report } from '../../../bot/reports/types.ts';
import { toVietnamTime } from './datetime.ts';
import type { Open311Service } from './types.ts';
import type { XmlValue } from './xml.ts';

export function open311Status(report: Report): 'open' | 'closed' {
  return OPEN_STATUSES.includes(report.status) ? 'open' : 'closed';
}

/**
 * Open311 has only open/closed, so the note leads with our own status title: a client can still tell a
 * rejected report (with its reason) from a resolved one, and "received" from "in progress".
 */
function statusNotes(report: Report): string {
  const title = STATUS_TITLES[report.status];
  return report.publicNote === null || report.publicNote.trim() === '' ? title : `${title}: ${redactContacts(report.publicNote)}`;
}

function publicMediaUrl(url: string | null): string | undefined {
  return url !== null && /^https?:\/\//i.test(url) ? url : undefined;
}

/** What the view needs besides the report: names for ids, and the photo staff attached when resolving. */
export interface ViewContext {
  readonly services: ReadonlyMap<string, Open311Service>;
  readonly agencyName: string;
  readonly communeName: (id: string) => string | undefined;
  readonly resultPhoto?: string;
}

function publicAddress(report: Report, communeName: ViewContext['communeName']): string {
  const commune = report.commune === null ? undefined : communeName(report.commune);
  const parts = [report.address === null ? undefined : redactContacts(report.address), commune].filter((p): p is string => p !== undefined && p !== '');
  return parts.join(', ');
}

/**
 * One service request as the public sees it. Built field by field from an allow-list, never by spreading the
 * report: contact details, conversation ids and the assignee stay in the database.
 * Free-text fields the spec always shows are "" when empty; typed fields (lat, long, media_url) are left out
 * when unknown rather than sent as a value a client would misread.
 */
export function requestView(report: Report, context: ViewContext): Record<string, XmlValue> {
  const { services, agencyName } = context;
  return {
    service_request_id: report.code,
    status: open311Status(report),
    status_notes: statusNotes(report),
    service_name: services.get(report.category)?.name ?? report.category,
    service_code: report.category,
    // Residents type phone numbers and emails into their words; those never leave the database.
    description: redactContacts(report.description),
    agency_responsible: agencyName,
    service_notice: '',
    requested_datetime: toVietnamTime(report.createdAt),
    updated_datetime: toVietnamTime(report.updatedAt),
    address: publicAddress(report, context.communeName),
    address_id: '',
    zipcode: '',
    lat: report.location?.latitude,
    long: report.location?.longitude,
    // The result photo staff attached tells the public more than the resident's own (which is often no URL at all).
    media_url: publicMediaUrl(context.resultPhoto ?? null) ?? publicMediaUrl(report.photoUrl),
  };
}
