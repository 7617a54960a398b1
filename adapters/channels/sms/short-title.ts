import type { ChoiceOption } from '../../../bot/types.ts';
import { foldForSms } from './fold.ts';

/**
 * An option's title as one SMS menu line. A title written for SMS (`short`) is used as it is; any other (knowledge
 * base entries, report categories, clarifications) is shortened here, so a page holds several options.
 */

/** Longest title line that still leaves room for about six options in two segments. */
export const MAX_TITLE_CHARS = 45;
// A clause shorter than this says too little on its own ("Cap, doi").
const MIN_CLAUSE_CHARS = 12;
// Where a title's first clause ends: lists of cases and alternatives follow these.
const CLAUSE_ENDS = /, |; | - | va | hoac /g;

const oneLine = (text: string): string => foldForSms(text).replace(/\s+/g, ' ').trim();

export function smsTitle(option: ChoiceOption): string {
  const written = option.short !== undefined && option.short.trim() !== '' ? option.short : option.title;
  // Even a title written short is held to the line limit: a page's room is counted on it.
  return shortenTitle(oneLine(written));
}

export function shortenTitle(title: string): string {
  if (title.length <= MAX_TITLE_CHARS) return title;
  // The bracketed part is an aside ("(so do)", "(ke ca ...)"); dropped only when the title is too long with it.
  const bare = title.replace(/\s*\([^)]*\)/g, '').replace(/\s+/g, ' ').trim() || title;
  if (bare.length <= MAX_TITLE_CHARS) return bare;
  let clause: string | undefined;
  for (const match of bare.matchAll(CLAUSE_ENDS)) {
    if (match.index > MAX_TITLE_CHARS) break;
    if (match.index >= MIN_CLAUSE_CHARS) clause = bare.slice(0, match.index);
  }
  if (clause !== undefined) return clause;
  const lastSpace = bare.lastIndexOf(' ', MAX_TITLE_CHARS - 3);
  const cut = (lastSpace > 0 ? bare.slice(0, lastSpace) : bare.slice(0, MAX_TITLE_CHARS - 3)).replace(/[\s.,;:(\-]+$/, '');
  return `${cut}...`;
}
