import type { CatalogueStore } from './store.ts';
import { parseCatalogue, toCsv, toJson, type CatalogueFormat, type LineProblem } from './transfer.ts';

export interface ImportReport {
  /** Valid procedures written (new or updated). */
  readonly written: number;
  /** Lines that were not imported, each with every problem found on it. */
  readonly problems: readonly LineProblem[];
}

/**
 * Imports a catalogue file: valid lines are written, invalid ones are reported line by line and skipped, so a
 * spreadsheet with one bad row still loads the rest. Use `dryRun` to check a file without writing.
 */
export async function importCatalogue(store: CatalogueStore, text: string, format: CatalogueFormat, options: { dryRun?: boolean } = {}): Promise<ImportReport> {
  const parsed = parseCatalogue(text, format);
  const written = options.dryRun ? 0 : await store.upsert(parsed.procedures);
  return { written, problems: parsed.problems };
}

export async function exportCatalogue(store: CatalogueStore, format: CatalogueFormat): Promise<string> {
  const procedures = await store.list();
  return format === 'csv' ? toCsv(procedures) : toJson(procedures);
}

/** The report as lines a person reads: "line 12: code ... ; name is required". */
export function describeProblems(problems: readonly LineProblem[]): string[] {
  return problems.map((p) => `line ${p.line}: ${p.problems.join('; ')}`);
}
