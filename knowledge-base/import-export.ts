import { BOM, formatCsv, parseCsv } from './catalogue/csv.ts';
import type { DraftEntry, Publishing } from './publishing.ts';
import { parseEntry } from './validate.ts';
import { contentProblems } from './versions-checks.ts';

/**
 * Knowledge-base entries as CSV (UTF-8 with a byte-order mark, CRLF, one field per column, so Excel opens the
 * Vietnamese text correctly) or JSON (an array of entries). In CSV, list fields (examples, keywords, procedure
 * codes, legal basis) put one item per line inside the cell (LIST_SEPARATOR; Alt+Enter in Excel), which never
 * clashes with commas, semicolons or "|" inside a phrasing. `retired` is 1 or 0.
 *
 * Importing is two steps: `checkImport` reports every line (new / changed / unchanged / its problems) without
 * writing; `applyImport` saves the good rows as drafts, which staff then publish like any edit.
 */
export type TransferFormat = 'csv' | 'json';

export const LIST_SEPARATOR = '\n';

export const CSV_COLUMNS = ['id', 'title', 'group', 'answer', 'shortAnswer', 'examples', 'keywords', 'procedureCodes', 'legalBasis', 'reviewedAt', 'retired'] as const;
const REQUIRED_COLUMNS = CSV_COLUMNS.filter((c) => c !== 'retired');

export type RowChange = 'new' | 'changed' | 'unchanged';

export interface ImportRow {
  /** The CSV line the record starts on (header = 1), or the item's position in a JSON array (1-based). */
  readonly line: number;
  readonly id: string;
  readonly problems: readonly string[];
  /** Present when the row is valid. */
  readonly entry?: DraftEntry;
  readonly change?: RowChange;
}

export interface ImportCheck {
  /** A problem with the whole file (not CSV, a missing column, not a JSON array...). */
  readonly error?: string;
  readonly rows: readonly ImportRow[];
}

export function formatOf(fileName: string, contentType = ''): TransferFormat | undefined {
  if (/\.json$/i.test(fileName) || contentType.includes('json')) return 'json';
  if (/\.csv$/i.test(fileName) || contentType.includes('csv')) return 'csv';
  return undefined;
}

export function exportCsv(entries: readonly DraftEntry[]): string {
  return formatCsv(CSV_COLUMNS, entries.map((e) => [
    e.id, e.title, e.group, e.answer, e.shortAnswer,
    e.examples.join(LIST_SEPARATOR), e.keywords.join(LIST_SEPARATOR),
    e.source.procedureCodes.join(LIST_SEPARATOR), e.source.legalBasis.join(LIST_SEPARATOR),
    e.reviewedAt, e.retired ? '1' : '0',
  ]));
}

export function exportJson(entries: readonly DraftEntry[]): string {
  return JSON.stringify(entries, null, 2) + '\n';
}

const list = (cell: string): string[] => cell.split(/\r?\n/).map((item) => item.trim()).filter((item) => item !== '');

function retiredOf(value: unknown): boolean | 'bad' {
  if (value === undefined || value === '' || value === false || value === 0 || value === '0') return false;
  if (value === true || value === 1 || value === '1') return true;
  return 'bad';
}

/** One raw record (a CSV row as an object, or a JSON item) checked as the editor checks a form. */
function checkRecord(line: number, raw: Record<string, unknown>): ImportRow {
  const id = typeof raw.id === 'string' ? raw.id.trim() : '';
  const parsed = parseEntry(raw);
  const problems = [...('problems' in parsed ? parsed.problems : []), ...contentProblems(raw as never)];
  const retired = retiredOf(raw.retired);
  if (retired === 'bad') problems.push('retired must be 1 or 0');
  if ('problems' in parsed || problems.length > 0 || retired === 'bad') return { line, id, problems };
  return { line, id, problems: [], entry: { ...parsed.entry, retired } };
}

function csvRows(text: string): ImportCheck {
  const parsed = parseCsv(text);
  if ('error' in parsed) return { error: parsed.error, rows: [] };
  const [header, ...records] = parsed.records;
  if (header === undefined) return { error: 'the file is empty', rows: [] };
  const names = header.fields.map((f) => f.trim());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) return { error: `missing columns: ${missing.join(', ')}`, rows: [] };
  const rows = records
    .filter((r) => r.fields.some((f) => f.trim() !== ''))
    .map((record) => {
      const cell = (name: string): string => record.fields[names.indexOf(name)] ?? '';
      return checkRecord(record.line, {
        id: cell('id').trim(), title: cell('title'), group: cell('group').trim(), answer: cell('answer'), shortAnswer: cell('shortAnswer'),
        examples: list(cell('examples')), keywords: list(cell('keywords')),
        source: { procedureCodes: list(cell('procedureCodes')), legalBasis: list(cell('legalBasis')) },
        reviewedAt: cell('reviewedAt').trim(), retired: cell('retired').trim(),
      });
    });
  return { rows };
}

function jsonRows(text: string): ImportCheck {
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith(BOM) ? text.slice(1) : text);
  } catch (error) {
    return { error: `not valid JSON (${error instanceof Error ? error.message : 'parse error'})`, rows: [] };
  }
  const items = Array.isArray(data) ? data : typeof data === 'object' && data !== null && Array.isArray((data as { entries?: unknown }).entries) ? (data as { entries: unknown[] }).entries : undefined;
  if (items === undefined) return { error: 'expected an array of entries', rows: [] };
  return { rows: items.map((item, i) => checkRecord(i + 1, typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {})) };
}

/** The dry run: every line checked and compared with the current entries; nothing is written. */
export function checkImport(text: string, format: TransferFormat, current: ReadonlyMap<string, DraftEntry>): ImportCheck {
  const checked = format === 'csv' ? csvRows(text) : jsonRows(text);
  const seen = new Map<string, number>();
  const rows = checked.rows.map((row): ImportRow => {
    if (row.entry === undefined) return row;
    const earlier = seen.get(row.id);
    if (earlier !== undefined) return { line: row.line, id: row.id, problems: [`id: repeats line ${earlier}`] };
    seen.set(row.id, row.line);
    const existing = current.get(row.id);
    const change: RowChange = existing === undefined ? 'new' : JSON.stringify(existing) === JSON.stringify(row.entry) ? 'unchanged' : 'changed';
    return { ...row, change };
  });
  return { ...(checked.error ? { error: checked.error } : {}), rows };
}

export interface ApplyResult {
  readonly saved: number;
  readonly unchanged: number;
  readonly failed: ReadonlyArray<{ readonly id: string; readonly problems: readonly string[] }>;
}

/** Saves each entry as a draft (checked again by saveDraft); called per chunk by the page, or once for all. */
export async function applyImport(publishing: Publishing, entries: readonly DraftEntry[], actor: string): Promise<ApplyResult> {
  let saved = 0;
  let unchanged = 0;
  const failed: Array<{ id: string; problems: readonly string[] }> = [];
  for (const entry of entries) {
    const result = await publishing.saveDraft(entry, actor, { action: 'kb.import', note: 'nhập từ tệp' });
    if (result.kind === 'saved') saved++;
    else if (result.kind === 'unchanged') unchanged++;
    else failed.push({ id: entry.id, problems: result.kind === 'invalid' ? result.problems : ['conflict'] });
  }
  return { saved, unchanged, failed };
}
