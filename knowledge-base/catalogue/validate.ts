import { CODE_PATTERN, type CatalogueProcedure } from './types.ts';

/** Longest text a field may hold: the register's longest agency list is about 1,350 characters. */
const MAX_FIELD = 4000;
const MAX_NAME = 1500;

const FIELDS = ['code', 'name', 'level', 'field', 'agency', 'url'] as const;
export type ProcedureField = (typeof FIELDS)[number];
export const PROCEDURE_FIELDS: readonly ProcedureField[] = FIELDS;

/** NFC, trimmed, inner runs of white space made one space: imported spreadsheets carry stray line breaks. */
function clean(value: unknown): string | undefined {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  return String(value).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Checks one procedure as imported (from CSV, JSON or the register): every problem is reported, so a staff
 * member fixes a line once. Code and name are required; a record link, when given, must be http(s).
 */
export function validateProcedure(raw: Readonly<Record<string, unknown>>): { procedure: CatalogueProcedure } | { problems: string[] } {
  const problems: string[] = [];
  const values: Partial<Record<ProcedureField, string>> = {};
  for (const field of FIELDS) {
    const value = clean(raw[field]);
    if (value === undefined) problems.push(`${field} must be text`);
    else if (value.length > (field === 'name' ? MAX_NAME : MAX_FIELD)) problems.push(`${field} is longer than ${field === 'name' ? MAX_NAME : MAX_FIELD} characters`);
    else values[field] = value;
  }
  const { code = '', name = '', level = '', field = '', agency = '', url = '' } = values;
  if (values.code !== undefined && !CODE_PATTERN.test(code)) problems.push(`code "${code}" is not a procedure code like 1.000178`);
  if (values.name !== undefined && name === '') problems.push('name is required');
  if (values.url !== undefined && url !== '' && !isWebAddress(url)) problems.push(`url "${url.slice(0, 80)}" is not an http(s) address`);
  if (problems.length > 0) return { problems };
  return { procedure: { code, name, level, field, agency, url } };
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
