/**
 * CSV as spreadsheets write it (RFC 4180): quoted fields may hold commas, quotes ("") and line breaks; a UTF-8
 * byte-order mark is skipped on reading and written on export, so Excel opens Vietnamese text correctly.
 */

export const BOM = '\uFEFF';

export interface CsvRecord {
  /** Line of the file the record starts on (1-based, the header is line 1). */
  readonly line: number;
  readonly fields: readonly string[];
}

/** Splits CSV text into records; an unterminated quote is reported at the line it opened. */
export function parseCsv(text: string): { records: CsvRecord[] } | { error: string } {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      fields.push(field);
      if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (quoted) return { error: `line ${quoteLine}: a quoted field is never closed` };
  fields.push(field);
  if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
  return { records };
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV with a byte-order mark and CRLF line ends, as Excel expects. */
export function formatCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return BOM + [header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}
