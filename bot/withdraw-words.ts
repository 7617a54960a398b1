import { ADDRESSEES, SPEAKERS } from './speaker-words.ts';

/**
 * "thôi khỏi", "không cần nữa ạ", "hủy": the resident takes back what they asked for, with nothing else said.
 * Read on folded canonical syllables (abbreviations expanded: "ko can" is "khong can"); politeness, whom they address
 * and sentence endings set aside.
 */
const ASIDE = new Set([...SPEAKERS, ...ADDRESSEES, 'a', 'da', 'nha', 'nhe', 'ne', 'roi', 'nua', 'di', 'vay', 'luon', 'cam', 'on']);
const TAKING_BACK = new Set([
  'thoi', 'khoi', 'thoi khoi', 'huy', 'huy yeu cau', 'huy gap', 'bo', 'thoi bo', 'khong can', 'thoi khong can', 'khong can gap', 'khong gap',
  'thoi khong gap', 'khoi gap', 'thoi khoi gap', 'khong can gap can bo', 'khoi gap can bo', 'huy gap can bo', 'thoi khong can gap',
]);

export function takesBack(tokens: readonly string[]): boolean {
  const said = tokens.filter((token) => !ASIDE.has(token)).join(' ');
  return TAKING_BACK.has(said);
}
