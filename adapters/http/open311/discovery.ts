import type { XmlValue } from './xml.ts';

/** The date this endpoint's behaviour last changed; clients compare it to notice changes. */
export const CHANGESET = '2026-01-15T00:00:00+07:00';
export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
export const FORMATS = ['application/json', 'text/xml'] as const;

/** The discovery document, pointing at `baseUrl` (this endpoint as the client reached it). */
export function discoveryDocument(baseUrl: string, agencyName: string): Record<string, XmlValue> {
  return {
    changeset: CHANGESET,
    contact: `${agencyName}: tiếp nhận phản ánh hiện trường (Open311 GeoReport v2).`,
    key_service: `Reading needs no key. Filing a request (POST requests) needs an api_key: ask ${agencyName} for one, saying who will use it and for what.`,
    endpoints: [{ specification: SPECIFICATION, url: baseUrl, changeset: CHANGESET, type: 'production', formats: [...FORMATS] }],
  };
}
