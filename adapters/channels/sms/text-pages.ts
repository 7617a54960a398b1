import type { Fit } from './fit.ts';

/**
 * A long folded text as SMS pages, each within the budget. Nothing is dropped: the pages joined again give the
 * whole text. A page that has a next one ends with how to ask for it, since an SMS reader cannot scroll.
 */

/** The last line of a text page that has a next one. */
export const NEXT_PAGE_LINE = '(Nhan THEM de xem tiep)';
/** The last line of a summary whose full text follows on request. */
export const FULL_TEXT_LINE = '(Nhan THEM de xem day du)';

// A page cut at a line or sentence end reads better, unless that wastes more than this share of the page.
const TIDY_BREAK_SHARE = 0.6;
const SENTENCE_END = /[.!?;:]$/;

export interface TextPaging {
  /** The last page also ends with the pointer: another reply follows it on request. */
  readonly pointerOnLast: boolean;
  /** The pointer line; default NEXT_PAGE_LINE. */
  readonly pointer?: string;
}

export function textPages(text: string, fit: Fit, paging: TextPaging): string[] {
  const pointer = paging.pointer ?? NEXT_PAGE_LINE;
  const withPointer = (chunk: string): string => `${chunk}${SENTENCE_END.test(chunk) ? '' : ' ...'}\n${pointer}`;
  const pages: string[] = [];
  let rest = text.trim();
  while (rest !== '') {
    const last = paging.pointerOnLast ? withPointer(rest) : rest;
    if (fit.fits(last)) {
      pages.push(last);
      break;
    }
    const at = breakPoint(rest, fit, withPointer);
    pages.push(withPointer(rest.slice(0, at).trimEnd()));
    rest = rest.slice(at).trimStart();
  }
  return pages;
}

/** Where to end this page: the longest fitting cut at a space, moved back to a line or sentence end nearby. */
function breakPoint(text: string, fit: Fit, page: (chunk: string) => string): number {
  const fitsAt = (i: number): boolean => text.slice(0, i).trim() !== '' && fit.fits(page(text.slice(0, i).trimEnd()));
  const breaks: number[] = [];
  for (let i = Math.min(text.length - 1, fit.maxChars); i > 0; i--) if (text[i] === ' ' || text[i] === '\n') breaks.push(i);
  const longest = breaks.find(fitsAt);
  if (longest === undefined) return hardCut(text, fit, page);
  const near = (i: number): boolean => i >= longest * TIDY_BREAK_SHARE && fitsAt(i);
  const lineEnd = breaks.find((i) => text[i] === '\n' && near(i));
  if (lineEnd !== undefined) return lineEnd;
  const sentenceEnd = breaks.find((i) => SENTENCE_END.test(text.slice(0, i).trimEnd()) && near(i));
  return sentenceEnd ?? longest;
}

/** One word longer than a page (a long link): cut inside it, at least one character a page so paging ends. */
function hardCut(text: string, fit: Fit, page: (chunk: string) => string): number {
  for (let n = Math.min(text.length, fit.maxChars); n > 1; n--) if (fit.fits(page(text.slice(0, n)))) return n;
  return 1;
}
