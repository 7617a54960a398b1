import type { GeoPoint, NewReport } from '../../../bot/reports/types.ts';
import { invalid, type Open311Service, type Parsed } from './types.ts';

export const MAX_DESCRIPTION = 4000;
const MAX_ADDRESS = 500;
const MAX_CONTACT_FIELD = 200;
const MAX_URL = 2000;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const CONTACT_FIELDS = ['email', 'first_name', 'last_name', 'phone'] as const;

export interface SubmissionContext {
  readonly services: ReadonlyMap<string, Open311Service>;
  readonly withinArea: (latitude: number, longitude: number) => boolean;
}

function text(form: Readonly<Record<string, string>>, name: string): string {
  return (form[name] ?? '').normalize('NFC').trim();
}

/** Counted in code points, as a person would count characters, not UTF-16 units. */
function length(value: string): number {
  return [...value].length;
}

function locationFrom(form: Readonly<Record<string, string>>, withinArea: SubmissionContext['withinArea']): Parsed<GeoPoint | null> {
  const lat = text(form, 'lat');
  const long = text(form, 'long');
  if (lat === '' && long === '') return { ok: true, value: null };
  if (lat === '' || long === '') return invalid('lat and long must be given together');
  // Number() would also take "0x1A" or "1e2"; a coordinate is a plain decimal.
  if (!DECIMAL.test(lat) || !DECIMAL.test(long)) return invalid('lat and long must be decimal degrees (WGS84)');
  const latitude = Number(lat);
  const longitude = Number(long);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return invalid('lat must be within ±90 and long within ±180');
  if (!withinArea(latitude, longitude)) return invalid('the location (lat, long) is outside the province this service covers');
  return { ok: true, value: { latitude, longitude } };
}

function mediaUrlFrom(value: string): Parsed<string | null> {
  if (value === '') return { ok: true, value: null };
  if (value.length > MAX_URL) return invalid(`media_url is longer than ${MAX_URL} characters`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return invalid('media_url is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return invalid('media_url must be an http or https URL');
  return { ok: true, value: url.href };
}

/**
 * Validates a POST /requests body (api_key already checked) into the report to file. The contact fields are
 * kept for staff as reporterContact and never published.
 */
export function parseSubmission(form: Readonly<Record<string, string>>, context: SubmissionContext): Parsed<NewReport> {
  const code = text(form, 'service_code');
  if (code === '') return invalid('service_code is required');
  const service = context.services.get(code);
  if (service === undefined) return invalid(`unknown service_code "${code}"; GET services.json lists them`);

  const location = locationFrom(form, context.withinArea);
  if (!location.ok) return location;
  // address_id names an address in a jurisdiction's own register; we keep none, so it is stored as the text given.
  const address = text(form, 'address_string') || text(form, 'address_id');
  if (location.value === null && address === '') return invalid('a location is required: lat and long, or address_string');
  if (length(address) > MAX_ADDRESS) return invalid(`address_string is longer than ${MAX_ADDRESS} characters`);

  const description = text(form, 'description');
  if (length(description) > MAX_DESCRIPTION) return invalid(`description is longer than ${MAX_DESCRIPTION} characters`);
  const media = mediaUrlFrom(text(form, 'media_url'));
  if (!media.ok) return media;

  const contact: Record<string, string> = {};
  for (const field of CONTACT_FIELDS) {
    const value = text(form, field);
    if (length(value) > MAX_CONTACT_FIELD) return invalid(`${field} is longer than ${MAX_CONTACT_FIELD} characters`);
    if (value !== '') contact[field] = value;
  }

  return {
    ok: true,
    value: {
      category: code,
      // The spec lets description be empty; staff and residents still need a line to read.
      description: description === '' ? service.name : description,
      address: address === '' ? null : address,
      location: location.value,
      photoUrl: media.value,
      source: 'open311',
      reporterContact: Object.keys(contact).length > 0 ? contact : null,
    },
  };
}
