import { foldKey } from '../intents/fold.ts';

import type { Reply } from './types.ts';

/**
 * The opt-out, opt-in and help keywords of SMS (CHANNELS.md §3.8), in English and Vietnamese, and THEM for the
 * next page of a long reply. Only a message that is the keyword and nothing else counts: "huy dang ky tam tru"
 * asks about a procedure, it does not opt out.
 */

export type SmsKeyword = 'stop' | 'start' | 'help' | 'more';

// Written with their marks: a resident may type them with or without marks, in any case.
const KEYWORDS: ReadonlyArray<readonly [string, SmsKeyword]> = [
  ['stop', 'stop'],
  ['unsubscribe', 'stop'],
  ['hủy', 'stop'],
  ['huỷ', 'stop'],
  ['dừng', 'stop'],
  ['từ chối', 'stop'],
  ['start', 'start'],
  ['bắt đầu', 'start'],
  ['đăng ký lại', 'start'],
  ['đăng kí lại', 'start'],
  ['help', 'help'],
  ['trợ giúp', 'help'],
  ['hướng dẫn', 'help'],
  ['thêm', 'more'],
  ['xem thêm', 'more'],
  ['xem tiếp', 'more'],
  ['tiếp', 'more'],
  ['more', 'more'],
];

const syllables = (text: string): string[] => text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Matching is on folded syllables, but a syllable typed WITH marks must carry the keyword's marks: "đúng" (yes,
 * right: the commonest one-word answer to a question) folds to "dung" like "dừng" (stop) and must not opt anyone out.
 */
function matches(typed: readonly string[], keyword: readonly string[]): boolean {
  if (typed.length !== keyword.length) return false;
  return typed.every((syllable, i) => {
    const expected = keyword[i] ?? '';
    if (foldKey(syllable) !== foldKey(expected)) return false;
    return foldKey(syllable) === syllable || syllable === expected;
  });
}

export function smsKeyword(text: string): SmsKeyword | undefined {
  const typed = syllables(text);
  if (typed.length === 0) return undefined;
  for (const [keyword, meaning] of KEYWORDS) if (matches(typed, syllables(keyword))) return meaning;
  return undefined;
}

/**
 * "0" asks for the next page as THEM does ("0. Xem tiep"): no option is numbered 0. It counts only while a page is
 * held, since elsewhere a resident may mean the number itself.
 */
export function isNextPageDigit(text: string): boolean {
  return text.trim() === '0';
}

/** The answer to THEM when nothing is held: the last reply was complete, or it was too long ago. */
export const NOTHING_MORE: Reply = {
  kind: 'text',
  text: 'Dạ, tin nhắn trước đã hết, không còn phần tiếp theo. Bạn cứ nhắn câu hỏi mới nhé.',
};
