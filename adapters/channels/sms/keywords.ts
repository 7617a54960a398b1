import { foldKey } from '../../../intents/fold.ts';

/**
 * The opt-out, opt-in and help keywords of SMS (CHANNELS.md §3.8), in English and Vietnamese. Only a message that
 * is the keyword and nothing else counts: "huy dang ky tam tru" asks about a procedure, it does not opt out.
 */

export type SmsKeyword = 'stop' | 'start' | 'help';

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
