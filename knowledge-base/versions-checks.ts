import { toAscii } from '../intents/fold.ts';
import type { KnowledgeEntry } from './types.ts';
import { SHORT_ANSWER_LIMIT, type Problems } from './validate.ts';

// The placeholders knowledge-base/render.ts fills (placeholderValues); anything else would reach residents as "{{...}}".
const KNOWN_PLACEHOLDERS = new Set(['province', 'nationalPortal', 'provincePortal', 'hotline', 'oneStopAddress', 'officeHours', 'contact']);
const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/**
 * Checks on edited content beyond validate.ts's shape checks: the SMS answer's length once folded (what a
 * feature phone receives), and placeholders the renderer would leave unfilled. Same wording style as validate.ts
 * ("<field>: ..."), so the editor places each reason next to its field.
 */
export function contentProblems(entry: KnowledgeEntry): Problems {
  const problems: Problems = [];
  // Defensive: called on unchecked input too (an import row), where a field may be missing.
  const text = (field: 'answer' | 'shortAnswer'): string => (typeof entry[field] === 'string' ? entry[field] : '');
  const folded = toAscii(text('shortAnswer')).replace(/\s+/g, ' ').trim();
  if (folded.length > SHORT_ANSWER_LIMIT) problems.push(`shortAnswer: at most ${SHORT_ANSWER_LIMIT} characters once folded (now ${folded.length})`);
  for (const field of ['answer', 'shortAnswer'] as const) {
    for (const match of text(field).matchAll(PLACEHOLDER)) {
      if (!KNOWN_PLACEHOLDERS.has(match[1] as string)) problems.push(`${field}: unknown placeholder {{${match[1]}}}`);
    }
  }
  return problems;
}
