import type { Chart } from './charts.ts';

/** Excel reads a CSV as UTF-8 (Vietnamese intact) only when it starts with a byte-order mark. */
export const BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180 quoting). A field starting with = + - @ (or a tab/CR) is prefixed with ' so a
 * spreadsheet shows a resident's "=HYPERLINK(...)" as text instead of running it; numbers are written bare.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A chart's numbers as its table shows them: the x column, then one column per series. */
export function chartCsv(chart: Chart): string {
  return csvText(
    [chart.xTitle, ...chart.series.map((s) => s.label)],
    chart.x.map((x, i) => [x, ...chart.series.map((s) => s.values[i] ?? null)]),
  );
}

/** Headers for a CSV download named `file`. */
export function csvHeaders(file: string): Record<string, string> {
  return { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${file}"` };
}
