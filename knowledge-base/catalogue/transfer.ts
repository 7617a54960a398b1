import { formatCsv, parseCsv } from './csv.ts';
import type { CatalogueProcedure } from './types.ts';
import { PROCEDURE_FIELDS, validateProcedure, type ProcedureField } from './validate.ts';

/**
 * Import and export of the catalogue as files staff handle: CSV (a spreadsheet) or JSON (an array of objects,
 * or one object a line). Column names are the catalogue's own or the national register's, so an export of the
 * register loads as it is. Nothing is written here: the caller stores what was valid.
 */

export type CatalogueFormat = 'csv' | 'json';

export interface LineProblem {
  /** The line of the file (CSV, JSON lines) or the position in a JSON array, 1-based. */
  readonly line: number;
  readonly problems: readonly string[];
}

export interface ParsedCatalogue {
  readonly procedures: CatalogueProcedure[];
  readonly problems: LineProblem[];
}

// The national register's field names (dichvucong.gov.vn exports and the collected index).
const ALIASES: Readonly<Record<string, ProcedureField>> = {
  ma_thu_tuc: 'code', ten_thu_tuc: 'name', cap_thuc_hien: 'level', linh_vuc: 'field', co_quan_thuc_hien: 'agency', detail_url: 'url',
  ma: 'code', ten: 'name', cap: 'level', co_quan: 'agency', lien_ket: 'url', link: 'url',
};

function fieldOf(column: string): ProcedureField | undefined {
  const key = column.normalize('NFC').trim().toLowerCase().replace(/\s+/g, '_');
  return (PROCEDURE_FIELDS as readonly string[]).includes(key) ? (key as ProcedureField) : ALIASES[key];
}

export function formatOf(fileName: string): CatalogueFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json') || lower.endsWith('.jsonl')) return 'json';
  return undefined;
}

export function parseCatalogue(text: string, format: CatalogueFormat): ParsedCatalogue {
  const raw = format === 'csv' ? csvObjects(text) : jsonObjects(text);
  if ('error' in raw) return { procedures: [], problems: [{ line: raw.line, problems: [raw.error] }] };
  const procedures: CatalogueProcedure[] = [];
  const problems: LineProblem[] = [];
  const firstLine = new Map<string, number>();
  for (const item of raw.objects) {
    const { line } = item;
    if ('error' in item) {
      problems.push({ line, problems: [item.error] });
      continue;
    }
    const checked = validateProcedure(item.object);
    if ('problems' in checked) {
      problems.push({ line, problems: checked.problems });
      continue;
    }
    const earlier = firstLine.get(checked.procedure.code);
    if (earlier !== undefined) {
      problems.push({ line, problems: [`code ${checked.procedure.code} already given on line ${earlier}`] });
      continue;
    }
    firstLine.set(checked.procedure.code, line);
    procedures.push(checked.procedure);
  }
  return { procedures, problems };
}

type RawObject = { line: number; object: Record<string, unknown> } | { line: number; error: string };
type RawObjects = { objects: RawObject[] } | { error: string; line: number };

/** Keeps the known columns under the catalogue's names; the first column of a name wins. */
function known(value: unknown): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return object;
  for (const [key, v] of Object.entries(value)) {
    const field = fieldOf(key);
    if (field !== undefined && object[field] === undefined) object[field] = v;
  }
  return object;
}

function csvObjects(text: string): RawObjects {
  const parsed = parseCsv(text);
  if ('error' in parsed) return { error: parsed.error, line: Number(/^line (\d+)/.exec(parsed.error)?.[1] ?? 1) };
  const [header, ...records] = parsed.records;
  if (header === undefined) return { error: 'the file is empty', line: 1 };
  const columns = header.fields.map(fieldOf);
  const missing = (['code', 'name'] as const).filter((f) => !columns.includes(f));
  if (missing.length > 0) return { error: `the header has no column for ${missing.join(', ')} (expected: ${PROCEDURE_FIELDS.join(', ')})`, line: header.line };
  return {
    objects: records.map((record) => {
      const object: Record<string, unknown> = {};
      // A register export has both agencies, the performing one first: the first column of a name wins.
      record.fields.forEach((value, i) => {
        const field = columns[i];
        if (field !== undefined && object[field] === undefined) object[field] = value;
      });
      return { line: record.line, object };
    }),
  };
}

/** A JSON array (or `{"procedures": [...]}`), numbered by position; otherwise JSON lines, numbered by line. */
function jsonObjects(text: string): RawObjects {
  const source = text.replace(/^\uFEFF/, '');
  let whole: unknown;
  try {
    whole = JSON.parse(source);
  } catch (error) {
    if (source.trimStart().startsWith('[')) return { error: `not valid JSON: ${(error as Error).message}`, line: 1 };
  }
  const list = Array.isArray(whole) ? whole : (whole as { procedures?: unknown } | undefined)?.procedures;
  if (Array.isArray(list)) return { objects: list.map((value, i) => ({ line: i + 1, object: known(value) })) };
  const objects: RawObject[] = [];
  for (const [i, line] of source.split('\n').entries()) {
    if (line.trim() === '') continue;
    try {
      objects.push({ line: i + 1, object: known(JSON.parse(line)) });
    } catch {
      objects.push({ line: i + 1, error: 'not a JSON object' });
    }
  }
  return { objects };
}

export function toCsv(procedures: readonly CatalogueProcedure[]): string {
  return formatCsv(PROCEDURE_FIELDS, procedures.map((p) => PROCEDURE_FIELDS.map((f) => p[f])));
}

export function toJson(procedures: readonly CatalogueProcedure[]): string {
  return JSON.stringify(procedures.map((p) => Object.fromEntries(PROCEDURE_FIELDS.map((f) => [f, p[f]]))), null, 1) + '\n';
}
