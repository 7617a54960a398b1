import type { Reply } from '../../../bot/types.ts';
import { toAscii } from '../../../intents/fold.ts';
import { isGsm7, smsSegments } from './segments.ts';

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

export const DEFAULT_SEGMENT_BUDGET = 2;

// Symbols toAscii would drop that read better as ASCII.
const SYMBOLS: ReadonlyArray<readonly [RegExp, string]> = [
  [/→/g, '->'],
  [/←/g, '<-'],
  [/≥/g, '>='],
  [/≤/g, '<='],
  [/×/g, 'x'],
];

/** Folds to GSM-7-safe ASCII, one space between words, no blank lines. */
export function foldForSms(text: string): string {
  let folded = text.replace(/\r\n?/g, '\n').replace(/[^\S\n]/g, ' ');
  for (const [pattern, replacement] of SYMBOLS) folded = folded.replace(pattern, replacement);
  // The backtick is the one printable ASCII character GSM-7 lacks.
  folded = toAscii(folded).replace(/`/g, "'");
  folded = [...folded].filter((char) => isGsm7(char)).join('');
  return folded
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

export function renderSms(reply: Reply, options: SmsRenderOptions): string {
  const budget = Math.max(1, Math.floor(options.segmentBudget ?? DEFAULT_SEGMENT_BUDGET));
  const fit: Fit = {
    fits: (text) => {
      const { encoding, segments } = smsSegments(text);
      return encoding === 'GSM-7' && segments <= budget;
    },
    // Every character costs at least one unit: no longer text can fit, which bounds the search for a cut.
    maxChars: 160 * budget,
  };
  const pointer = foldForSms(options.moreInfo).replace(/\n/g, ' ');
  const moreTail = pointer === '' ? ' ...' : ` ... ${pointer}`;

  if (reply.kind === 'choices') {
    // The numbered options are what the resident answers with a digit: shorten the question, never the list.
    const intro = foldForSms(reply.text);
    const list = reply.options.map((option, i) => `${i + 1}. ${foldForSms(option.title).replace(/\n/g, ' ')}`).join('\n');
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

interface Fit {
  fits(text: string): boolean;
  readonly maxChars: number;
}

// Dangling separators look broken before "...".
const tidy = (prefix: string): string => prefix.replace(/[\s.,;:(\-]+$/, '');

/** The longest prefix ending before a space or line break that fits with `tail` after it. */
function cutAtWord(text: string, tail: string, fit: Fit): string | undefined {
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
