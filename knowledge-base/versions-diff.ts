import type { DraftEntry } from './publishing.ts';

/** One line of a line diff: kept, removed (only in the older text) or added (only in the newer). */
export interface DiffLine {
  readonly op: 'same' | 'removed' | 'added';
  readonly text: string;
}

export interface FieldDiff {
  readonly field: EntryField;
  readonly lines: readonly DiffLine[];
}

export type EntryField = 'title' | 'group' | 'answer' | 'shortAnswer' | 'examples' | 'keywords' | 'procedureCodes' | 'legalBasis' | 'reviewedAt' | 'retired';

export const ENTRY_FIELDS: readonly EntryField[] = ['title', 'group', 'answer', 'shortAnswer', 'examples', 'keywords', 'procedureCodes', 'legalBasis', 'reviewedAt', 'retired'];

/** Each field as lines: text split at line breaks, lists one item a line, so a diff shows what an editor changed. */
export function fieldLines(entry: DraftEntry, field: EntryField): string[] {
  switch (field) {
    case 'examples': return [...entry.examples];
    case 'keywords': return [...entry.keywords];
    case 'procedureCodes': return [...entry.source.procedureCodes];
    case 'legalBasis': return [...entry.source.legalBasis];
    case 'retired': return [entry.retired ? 'retired' : 'active'];
    default: return entry[field] === '' ? [] : entry[field].split('\n');
  }
}

// Entries are a few hundred lines at most; past this the quadratic table would be wasteful, so fall back.
const MAX_CELLS = 4_000_000;

/** Longest-common-subsequence line diff, in the order the newer text reads. */
export function lineDiff(before: readonly string[], after: readonly string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  if (n * m > MAX_CELLS) return [...before.map((text) => ({ op: 'removed' as const, text })), ...after.map((text) => ({ op: 'added' as const, text }))];
  // lcs[i][j]: length of the LCS of before[i..] and after[j..], in one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => lcs[i * (m + 1) + j] as number;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = before[i] === after[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      lines.push({ op: 'same', text: before[i] as string });
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) lines.push({ op: 'removed', text: before[i++] as string });
    else lines.push({ op: 'added', text: after[j++] as string });
  }
  while (i < n) lines.push({ op: 'removed', text: before[i++] as string });
  while (j < m) lines.push({ op: 'added', text: after[j++] as string });
  return lines;
}

/** The fields that differ between two versions (an absent `before` is an empty entry: everything added). */
export function diffEntries(before: DraftEntry | undefined, after: DraftEntry): FieldDiff[] {
  return ENTRY_FIELDS.flatMap((field) => {
    const old = before ? fieldLines(before, field) : [];
    const now = fieldLines(after, field);
    if (old.length === now.length && old.every((line, k) => line === now[k])) return [];
    return [{ field, lines: lineDiff(old, now) }];
  });
}
