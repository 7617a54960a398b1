import type { KnowledgeEntry, LabelDefinition } from './types.ts';

/** Problems with a piece of content, in words staff can act on; empty when it is fine. */
export type Problems = string[];

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LABEL = /^(kb|report|intent):[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const SHORT_ANSWER_LIMIT = 300;
export const MIN_EXAMPLES = 10;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function text(value: unknown, field: string, problems: Problems): string {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${field} is required`);
    return '';
  }
  return value.normalize('NFC');
}

/** Checks an entry read from a file or a form; returns the entry (NFC text) or the problems found. */
export function parseEntry(raw: unknown): { entry: KnowledgeEntry } | { problems: Problems } {
  const problems: Problems = [];
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const id = text(o.id, 'id', problems);
  if (id && !ID.test(id)) problems.push('id must be lower-case words joined by hyphens');
  const source = (typeof o.source === 'object' && o.source !== null ? o.source : {}) as Record<string, unknown>;
  const examples = isStringArray(o.examples) ? o.examples.map((e) => e.normalize('NFC').trim()).filter(Boolean) : [];
  if (examples.length < MIN_EXAMPLES) problems.push(`examples: at least ${MIN_EXAMPLES} phrasings are needed`);
  const reviewedAt = text(o.reviewedAt, 'reviewedAt', problems);
  if (reviewedAt && !DATE.test(reviewedAt)) problems.push('reviewedAt must be a date YYYY-MM-DD');
  const entry: KnowledgeEntry = {
    id,
    title: text(o.title, 'title', problems),
    group: text(o.group, 'group', problems),
    answer: text(o.answer, 'answer', problems),
    shortAnswer: text(o.shortAnswer, 'shortAnswer', problems),
    examples,
    keywords: isStringArray(o.keywords) ? o.keywords.map((k) => k.normalize('NFC')) : [],
    source: {
      procedureCodes: isStringArray(source.procedureCodes) ? source.procedureCodes : [],
      legalBasis: isStringArray(source.legalBasis) ? source.legalBasis : [],
    },
    reviewedAt,
  };
  if (entry.source.procedureCodes.length === 0 && entry.source.legalBasis.length === 0) {
    problems.push('source: give a procedure code or a legal basis');
  }
  return problems.length > 0 ? { problems } : { entry };
}

export function parseLabelDefinition(raw: unknown): { definition: LabelDefinition } | { problems: Problems } {
  const problems: Problems = [];
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const label = text(o.label, 'label', problems);
  if (label && !LABEL.test(label)) problems.push('label must look like report:<id> or intent:<name>');
  const examples = isStringArray(o.examples) ? o.examples.map((e) => e.normalize('NFC').trim()).filter(Boolean) : [];
  if (examples.length < MIN_EXAMPLES) problems.push(`examples: at least ${MIN_EXAMPLES} phrasings are needed`);
  const definition: LabelDefinition = {
    label,
    title: text(o.title, 'title', problems),
    examples,
    keywords: isStringArray(o.keywords) ? o.keywords.map((k) => k.normalize('NFC')) : [],
  };
  return problems.length > 0 ? { problems } : { definition };
}
