import { ADDRESSEES, SPEAKERS } from './speaker-words.ts';

/**
 * A message with nothing asked in it yet: the resident only says they want to ask ("cho em hỏi", "ad ơi cho mình
 * hỏi chút", "dạ cho con hỏi") or that they do not know ("không biết", "tui hổng biết gì hết"). Read by the matcher,
 * the first had been "ngoài phạm vi" with the out-of-scope menu and the second a goodbye ("tạm biệt" folds like
 * "không biết" but for one syllable): both are an invitation to ask, with the menu. Words only: folded canonical
 * syllables as the matcher reads them (result.tokens), abbreviations already expanded.
 */

/** Saying one wants to ask. */
const ASK = new Set(['hoi']);
/** Saying one does not know (or is not sure), as syllable pairs. */
const DO_NOT_KNOW = new Set(['khong biet', 'hong biet', 'khong bit', 'hong bit', 'khong bt', 'hong bt', 'chua biet', 'khong ro', 'hong ro', 'chua ro']);
/**
 * What goes with either without asking anything: who writes and whom they address, politeness, "a little", "this
 * one", "may I" and sentence endings.
 */
const BESIDE = new Set([
  ...SPEAKERS, ...ADDRESSEES, 'e', 'co', 'bot', 'cho', 'xin', 'muon', 'can',
  'a', 'da', 'vay', 'ha', 'nhe', 'nha', 'ne', 'voi', 'chut', 'xiu', 'ti', 'cai', 'nay', 'nua', 'gi', 'het', 'luon', 'la', 'duoc', 'dc', 'khong', 'ko',
  'sao', 'lam', 'that', 'thiet', 'ca',
]);
/** Past this many syllables it is a message with something in it, whatever its words. */
const MOST_SYLLABLES = 10;

export type NothingAsked = 'wants-to-ask' | 'does-not-know';

/** What a message says when it asks nothing yet, or undefined when it may ask something (or say anything else). */
export function nothingAskedYet(tokens: readonly string[]): NothingAsked | undefined {
  if (tokens.length === 0 || tokens.length > MOST_SYLLABLES) return undefined;
  let asks = false;
  let unsure = false;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i] as string;
    if (i + 1 < tokens.length && DO_NOT_KNOW.has(`${word} ${tokens[i + 1]}`)) {
      unsure = true;
      i++;
    } else if (ASK.has(word)) asks = true;
    else if (!BESIDE.has(word)) return undefined;
  }
  // "không biết hỏi sao" is not knowing how to ask: shown how, as "không biết" is.
  if (unsure) return 'does-not-know';
  return asks ? 'wants-to-ask' : undefined;
}
