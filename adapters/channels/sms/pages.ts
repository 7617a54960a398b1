import type { Reply } from '../../../bot/types.ts';
import { budgetFit, type Fit } from './fit.ts';
import { foldForSms } from './fold.ts';
import { menuPages } from './menu-pages.ts';
import { smsTitle } from './short-title.ts';
import { FULL_TEXT_LINE, textPages } from './text-pages.ts';

/**
 * A turn's replies as SMS pages: what is sent at once, and the pages held until the resident replies THEM (or 0),
 * one page each time. Nothing is cut away: an answer too long for the segment budget is read page by page.
 */
export interface SmsPages {
  readonly now: string[];
  readonly later: string[];
}

export function paginateSms(replies: readonly Reply[], segmentBudget?: number): SmsPages {
  const fit = budgetFit(segmentBudget);
  const alone = replies.map((reply) => replyPages(reply, fit, false));
  const first = alone.findIndex((pages) => pages.length > 1);
  if (first === -1) return { now: alone.flat(), later: [] };
  // From the first reply that needs paging on, every page is sent on request, so each but the very last must
  // say how to ask for the next, also the last page of a reply that another reply follows.
  const final = replies.length - 1;
  const paged = replies.map((reply, i) => (i < first ? (alone[i] ?? []) : replyPages(reply, fit, i !== final)));
  const [head = '', ...rest] = paged[first] ?? [];
  return { now: [...paged.slice(0, first).flat(), head], later: [...rest, ...paged.slice(first + 1).flat()] };
}

/** One reply's pages; `pointerOnLast` when more is held after it. An empty reply has no page. */
export function replyPages(reply: Reply, fit: Fit, pointerOnLast: boolean): string[] {
  switch (reply.kind) {
    case 'choices': {
      const lines = reply.options.map((option, i) => `${i + 1}. ${smsTitle(option)}`);
      return menuPages(foldForSms(reply.text), lines, fit, pointerOnLast);
    }
    case 'link': {
      // The address is one word to the pager: it is never split between pages while it fits on one.
      const url = foldForSms(reply.url).replace(/\s+/g, '');
      return textPages(`${foldForSms(reply.text)} ${url}`, fit, { pointerOnLast });
    }
    case 'text':
      return reply.short !== undefined && reply.short.trim() !== '' ? summarised(reply.text, reply.short, fit, pointerOnLast) : textPages(foldForSms(reply.text), fit, { pointerOnLast });
    case 'ask-location':
      return textPages(foldForSms(reply.text), fit, { pointerOnLast });
  }
}

/**
 * A text written with a short form for SMS: the short form first, as its author meant; when the full text needs
 * more than one page, it follows on request, so a knowledge-base answer can be read in full on a feature phone.
 */
function summarised(text: string, short: string, fit: Fit, pointerOnLast: boolean): string[] {
  const full = foldForSms(text);
  if (textPages(full, fit, { pointerOnLast: false }).length <= 1) return textPages(foldForSms(short), fit, { pointerOnLast });
  return [...textPages(foldForSms(short), fit, { pointerOnLast: true, pointer: FULL_TEXT_LINE }), ...textPages(full, fit, { pointerOnLast })];
}
