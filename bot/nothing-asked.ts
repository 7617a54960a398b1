import { ADDRESSEES, SPEAKERS } from './speaker-words.ts';

/**
 * A message with nothing asked in it yet: the resident only says they want to ask ("cho em hỏi", "ad ơi cho mình
 * hỏi chút", "dạ cho con hỏi") or to report something ("tui muốn phản ánh"), or that they do not know ("không biết",
 * "tui hổng biết gì hết"). Read by the matcher,
 * the first had been "ngoài phạm vi" with the out-of-scope menu and the second a goodbye ("tạm biệt" folds like
 * "không biết" but for one syllable): both are an invitation to ask, with the menu. Words only: folded canonical
 * syllables as the matcher reads them (result.tokens), abbreviations already expanded.
 */

/** Saying one wants to ask. */
const ASK = new Set(['hoi']);
/** Saying one wants to report something, as syllable pairs ("phản ánh", "báo cáo" a problem, "gửi" one). */
const REPORT = new Set(['phan anh', 'bao cao']);
/** What may stand beside a report's verb without saying what happened: "sự việc", "vụ này", "cái". */
const BESIDE_REPORT = new Set(['gui', 'su', 'viec', 'vu', 'hien', 'truong']);
/** Saying one does not know (or is not sure), as syllable pairs. */
const DO_NOT_KNOW = new Set(['khong biet', 'hong biet', 'khong bit', 'hong bit', 'khong bt', 'hong bt', 'chua biet', 'khong ro', 'hong ro', 'chua ro', 'khong nho', 'hong nho']);
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

export type NothingAsked = 'wants-to-ask' | 'wants-to-report' | 'does-not-know';

/** What a message says when it asks nothing yet, or undefined when it may ask something (or say anything else). */
export function nothingAskedYet(tokens: readonly string[]): NothingAsked | undefined {
  if (tokens.length === 0 || tokens.length > MOST_SYLLABLES) return undefined;
  let asks = false;
  let reports = false;
  let unsure = false;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i] as string;
    const pair = i + 1 < tokens.length ? `${word} ${tokens[i + 1]}` : '';
    if (DO_NOT_KNOW.has(pair)) {
      unsure = true;
      i++;
    } else if (REPORT.has(pair)) {
      reports = true;
      i++;
    } else if (ASK.has(word)) asks = true;
    else if (!BESIDE.has(word) && !BESIDE_REPORT.has(word)) return undefined;
  }
  // "không biết hỏi sao" is not knowing how to ask: shown how, as "không biết" is.
  if (unsure) return 'does-not-know';
  // "tui muốn phản ánh" had opened a report of "vấn đề khác" with those words as what happened.
  if (reports) return 'wants-to-report';
  return asks ? 'wants-to-ask' : undefined;
}
