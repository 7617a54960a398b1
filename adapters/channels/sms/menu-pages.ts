import type { Fit } from './fit.ts';

/**
 * A numbered menu as SMS pages. Numbers run on across pages (page 2 starts "6. ..."), so a digit always means the
 * same option of the whole list the bot remembers; the next page is offered as "0", a number no option has.
 */

export const NEXT_MENU_LINE = '0. Xem tiep (THEM)';
/** Options the first page shows even when the question must be shortened for them: a menu must show a menu. */
export const MIN_FIRST_PAGE_OPTIONS = 3;

const join = (lines: readonly string[]): string => lines.filter((line) => line !== '').join('\n');

/**
 * `intro` is the question, `lines` the numbered options ("1. Khai sinh"), both folded. `pointerOnLast`: another
 * reply follows on request, so the last page offers "0" too.
 */
export function menuPages(intro: string, lines: readonly string[], fit: Fit, pointerOnLast: boolean): string[] {
  /** The page with these parts; offers the next page unless it shows the last option and nothing follows. */
  const page = (head: string, from: number, to: number): string =>
    join([head, ...lines.slice(from, to), to < lines.length || pointerOnLast ? NEXT_MENU_LINE : '']);

  if (fit.fits(page(intro, 0, lines.length))) return [page(intro, 0, lines.length)];

  const first = Math.min(MIN_FIRST_PAGE_OPTIONS, lines.length);
  const head = shortenedIntro(intro, (candidate) => fit.fits(page(candidate, 0, first)));
  const pages: string[] = [];
  let from = 0;
  let current = head;
  while (from < lines.length) {
    // At least one option a page, so paging ends even if one line alone were too long.
    let to = from + 1;
    while (to < lines.length && fit.fits(page(current, from, to + 1))) to++;
    pages.push(page(current, from, to));
    from = to;
    current = '';
  }
  return pages;
}

/**
 * The longest start of the question that leaves room for the first options: whole sentences when one fits
 * (the greeting keeps "Xin chao! Toi la ..."), else cut at a word with "...", else nothing.
 */
function shortenedIntro(intro: string, fits: (head: string) => boolean): string {
  if (fits(intro)) return intro;
  const sentenceEnds = [...intro.matchAll(/[.!?:](?=\s)/g)].map((match) => match.index + 1).reverse();
  for (const end of sentenceEnds) {
    const head = intro.slice(0, end);
    if (fits(head)) return head;
  }
  for (let i = intro.length - 1; i > 0; i--) {
    if (intro[i] !== ' ' && intro[i] !== '\n') continue;
    const head = `${intro.slice(0, i).replace(/[\s.,;:(\-]+$/, '')} ...`;
    if (fits(head)) return head;
  }
  return '';
}
