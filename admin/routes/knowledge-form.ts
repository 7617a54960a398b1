import type { DraftEntry } from '../../knowledge-base/publishing.ts';

/** What the edit form posts, as strings (re-shown as typed when a save is refused). */
export interface EntryForm {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly answer: string;
  readonly shortAnswer: string;
  readonly examples: string;
  readonly keywords: string;
  readonly procedureCodes: string;
  readonly legalBasis: string;
  readonly reviewedAt: string;
  readonly retired: boolean;
}

const lines = (text: string): string[] => text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
// Browsers send CRLF from a textarea; entries keep LF like the seed files.
const text = (value: string): string => value.replace(/\r\n?/g, '\n').trim();

export function formFromEntry(entry: DraftEntry): EntryForm {
  return {
    id: entry.id,
    title: entry.title,
    group: entry.group,
    answer: entry.answer,
    shortAnswer: entry.shortAnswer,
    examples: entry.examples.join('\n'),
    keywords: entry.keywords.join('\n'),
    procedureCodes: entry.source.procedureCodes.join('\n'),
    legalBasis: entry.source.legalBasis.join('\n'),
    reviewedAt: entry.reviewedAt,
    retired: entry.retired,
  };
}

export function formFromFields(field: (name: string) => string, retired: boolean): EntryForm {
  return {
    id: field('id').trim(),
    title: text(field('title')),
    group: field('group').trim(),
    answer: text(field('answer')),
    shortAnswer: text(field('shortAnswer')),
    examples: field('examples'),
    keywords: field('keywords'),
    procedureCodes: field('procedureCodes'),
    legalBasis: field('legalBasis'),
    reviewedAt: field('reviewedAt').trim(),
    retired,
  };
}

/** The entry a form stands for; validation happens in saveDraft (validate.ts), not here. */
export function entryFromForm(form: EntryForm): DraftEntry {
  return {
    id: form.id,
    title: form.title,
    group: form.group,
    answer: form.answer,
    shortAnswer: form.shortAnswer,
    examples: lines(form.examples),
    keywords: lines(form.keywords),
    source: { procedureCodes: lines(form.procedureCodes), legalBasis: lines(form.legalBasis) },
    reviewedAt: form.reviewedAt,
    retired: form.retired,
  };
}
