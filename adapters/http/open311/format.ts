import type { Context } from 'hono';
import type { Open311Error } from './types.ts';
import { xmlDocument, type XmlValue } from './xml.ts';

export type Format = 'json' | 'xml';

/** Splits "PA4821.xml" into the name and the format its extension asks for; no extension means JSON. */
export function splitFormat(file: string): { name: string; format: Format } {
  const match = /^(.*)\.(json|xml)$/i.exec(file);
  if (match === null) return { name: file, format: 'json' };
  return { name: match[1] ?? '', format: (match[2] ?? 'json').toLowerCase() as Format };
}

/** The format of a request judged by its path alone: what a 404 for an unknown path should answer in. */
export function formatOfPath(path: string): Format {
  return /\.xml$/i.test(path) ? 'xml' : 'json';
}

/** A GeoReport document: `root` and `item` are the XML names; JSON is the value itself. */
export interface Document {
  readonly root: string;
  readonly item?: string;
  readonly value: XmlValue;
}

export function respond(c: Context, format: Format, document: Document, status: 200 | Open311Error['code'] = 200): Response {
  if (format === 'xml') return c.body(xmlDocument(document.root, document.value, document.item), status, { 'content-type': 'text/xml; charset=utf-8' });
  return c.body(JSON.stringify(document.value), status, { 'content-type': 'application/json; charset=utf-8' });
}

/** Errors in the spec's shape, a list even for one, with the HTTP status equal to the code. */
export function respondError(c: Context, format: Format, error: Open311Error): Response {
  return respond(c, format, { root: 'errors', item: 'error', value: [{ code: error.code, description: error.description }] }, error.code);
}
