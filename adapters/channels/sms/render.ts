import type { Reply } from '../../../bot/types.ts';
import { budgetFit, DEFAULT_SEGMENT_BUDGET, type Fit } from './fit.ts';
import { foldForSms } from './fold.ts';
import { smsTitle } from './short-title.ts';

/**
 * A bot reply as one SMS text: Vietnamese folded to ASCII (GSM-7 costs 2-3 times fewer segments than UCS-2,
 * and "không dấu" is the usual SMS convention), and cut to a segment budget with a pointer to the full answer.
 */

export interface SmsRenderOptions {
  /** Most SMS segments one reply may cost; default 2. */
  readonly segmentBudget?: number;
  /** Where the rest of a cut answer is, e.g. "Chi tiet: dichvucong.gov.vn"; folded like the text. */
  readonly moreInfo: string;
}

export { DEFAULT_SEGMENT_BUDGET, foldForSms };

export function renderSms(reply: Reply, options: SmsRenderOptions): string {
  const fit = budgetFit(options.segmentBudget);
  const pointer = foldForSms(options.moreInfo).replace(/\n/g, ' ');
  const moreTail = pointer === '' ? ' ...' : ` ... ${pointer}`;

  if (reply.kind === 'choices') {
    // The numbered options are what the resident answers with a digit: shorten the question, never the list.
    const intro = foldForSms(reply.text);
    const list = reply.options.map((option, i) => `${i + 1}. ${smsTitle(option)}`).join('\n');
    const whole = intro === '' ? list : `${intro}\n${list}`;
    if (fit.fits(whole)) return whole;
    const shortened = cutAtWord(intro, ` ...\n${list}`, fit);
    if (shortened !== undefined) return shortened;
    return cutToFit(whole, moreTail, fit);
  }

  if (reply.kind === 'link') {
    // The link is where the rest is: it is the pointer, so the text is cut before it.
    const intro = foldForSms(reply.text);
    const url = foldForSms(reply.url).replace(/\s+/g, '');
    const whole = intro === '' ? url : `${intro} ${url}`;
    if (fit.fits(whole)) return whole;
    return cutAtWord(intro, ` ... ${url}`, fit) ?? cutToFit(whole, moreTail, fit);
  }

  const text = foldForSms(reply.kind === 'text' && reply.short !== undefined && reply.short.trim() !== '' ? reply.short : reply.text);
  return fit.fits(text) ? text : cutToFit(text, moreTail, fit);
}

// Dangling separators look broken before "...".
const tidy = (prefix: string): string => prefix.replace(/[\s.,;:(\-]+$/, '');

/** The longest prefix ending before a space or line break that fits with `tail` after it. */
export function cutAtWord(text: string, tail: string, fit: Fit): string | undefined {
  const window = text.slice(0, fit.maxChars + 1);
  for (let i = window.length - 1; i > 0; i--) {
    if (window[i] !== ' ' && window[i] !== '\n') continue;
    const prefix = tidy(window.slice(0, i));
    if (prefix !== '' && fit.fits(prefix + tail)) return prefix + tail;
  }
  return undefined;
}

/** Cuts at a word when it can, inside a word when one word is too long, and shortens the tail as a last resort. */
function cutToFit(text: string, tail: string, fit: Fit): string {
  const atWord = cutAtWord(text, tail, fit);
  if (atWord !== undefined) return atWord;
  for (let n = Math.min(text.length, fit.maxChars); n > 0; n--) {
    const prefix = tidy(text.slice(0, n));
    if (prefix !== '' && fit.fits(prefix + tail)) return prefix + tail;
  }
  let rest = tail.trim();
  while (rest !== '' && !fit.fits(rest)) rest = rest.slice(0, -1);
  return rest;
}
