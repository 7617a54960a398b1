/**
 * The Prometheus text exposition format (version 0.0.4), the small part of it this service uses: counters,
 * gauges and histograms with labels. Written here rather than taken from a library: it is a page of code.
 */

export type Labels = Readonly<Record<string, string>>;

export interface Family {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge' | 'histogram';
  readonly samples: ReadonlyArray<{ readonly suffix?: string; readonly labels: Labels; readonly value: number }>;
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

// Label values: backslash, double quote and newline escaped; HELP text: backslash and newline.
const labelValue = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const helpText = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '' : `{${entries.map(([k, v]) => `${k}="${labelValue(v)}"`).join(',')}}`;
}

export function formatFamilies(families: readonly Family[]): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${helpText(family.help)}`, `# TYPE ${family.name} ${family.type}`);
    for (const sample of family.samples) lines.push(`${family.name}${sample.suffix ?? ''}${labelText(sample.labels)} ${formatNumber(sample.value)}`);
  }
  return lines.join('\n') + '\n';
}
