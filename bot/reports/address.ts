import { stripMarks } from '../../intents/fold.ts';

/**
 * The address part of a resident's words ("đèn đường tắt hẻm 7 đường Trần Hưng Đạo" → "hẻm 7 đường Trần Hưng
 * Đạo"), so staff and Open311 get a place instead of the whole story. Heuristic by design: it starts at the
 * first word that names a place and ends with the clause; a commune name is cut out (it is stored on its own).
 */

// Words that open an address. "đường" and the like only with a name or number after them ("đèn đường" is a light).
const OPENERS = new Set(['hem', 'ngo', 'kiet', 'ap', 'khom', 'thon', 'xom', 'kdc', 'ql', 'tl']);
const OPENER_PAIRS = new Set(['so nha', 'khu vuc', 'khu pho', 'khu dan', 'to dan', 'quoc lo', 'tinh lo', 'nga ba', 'nga tu', 'nga nam', 'nga sau']);
const NAMED = new Set(['duong', 'cho', 'cau', 'kenh', 'rach', 'ben', 'truong', 'khu', 'cong']);
// Words that may carry an address on once it has started, in a text typed with capitals.
const CARRIERS = new Set([
  ...OPENERS, ...NAMED, 'so', 'nha', 'vuc', 'pho', 'dan', 'cu', 'quoc', 'tinh', 'nga',
  'gan', 'truoc', 'canh', 'doi', 'dien', 'cuoi', 'dau', 'trong', 'ngang', 'phuong', 'xa', 'p', 'thi', 'tran', 'tt',
]);
/**
 * Words that carry an address only as part of a name: "tổ" before a number or "dân" (tổ 5, tổ dân phố), "ba", "tư",
 * "năm", "sáu" after "ngã", "lộ" after "quốc" or "tỉnh". Elsewhere they are the story: "ổ gà đường 3/2 to lắm" (big)
 * had kept "to lắm" in the address.
 */
const CARRIES_AFTER: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['ba', new Set(['nga'])], ['tu', new Set(['nga'])], ['nam', new Set(['nga'])], ['sau', new Set(['nga'])], ['lo', new Set(['quoc', 'tinh'])],
]);
const carriesInName = (words: readonly Word[], i: number): boolean => {
  const word = (words[i] as Word).folded;
  if (word === 'to') return isNumber(words[i + 1]) || words[i + 1]?.folded === 'dan';
  return CARRIES_AFTER.get(word)?.has(words[i - 1]?.folded ?? '') === true;
};
/**
 * Words of the story that no place's name uses, which end an address typed without capitals ("duong 30 thang 4 nga
 * tu bi hu" is at "duong 30 thang 4 nga tu"): what happened ("bị", "hư", "ngập", "tắt", "sụp", "lún") and how long
 * or how much ("đang", "rồi", "quá", "rất", "nhiều", "bữa", "hoài", "không").
 */
const STORY = new Set(['bi', 'dang', 'roi', 'qua', 'rat', 'hu', 'ngap', 'tat', 'sup', 'lun', 'khong', 'ko', 'nhieu', 'bua', 'hoai']);
const CLAUSE_END = /[,.;!?\n()]/;
const TRAILING = new Set(['o', 'tai', 'gan', 'truoc', 'canh', 'va', 'doi', 'phuong', 'xa', 'p', 'thi', 'tran', 'tt']);

interface Word {
  readonly folded: string;
  readonly start: number;
  readonly end: number;
  readonly capital: boolean;
}

function wordsOf(text: string): Word[] | undefined {
  const stripped = stripMarks(text);
  // Folding keeps one character for one in Vietnamese; anything else (rare scripts) is not worth guessing at.
  if (stripped.length !== text.length) return undefined;
  return [...stripped.matchAll(/[a-z0-9]+/g)].map((m) => {
    const start = m.index ?? 0;
    const first = text.charAt(start);
    return { folded: m[0], start, end: start + m[0].length, capital: first !== first.toLowerCase() };
  });
}

const isNumber = (w: Word | undefined): boolean => w !== undefined && /\d/.test(w.folded);
/** "tháng" between two numbers: a street named for a date ("đường 3 tháng 2", "đường 30 tháng 4"), not the end of one. */
const inDateName = (words: readonly Word[], i: number): boolean => words[i]?.folded === 'thang' && isNumber(words[i - 1]) && isNumber(words[i + 1]);

function opensAt(words: readonly Word[], i: number): boolean {
  const word = words[i] as Word;
  const next = words[i + 1];
  if (OPENERS.has(word.folded)) return true;
  if (next !== undefined && OPENER_PAIRS.has(`${word.folded} ${next.folded}`)) return true;
  return NAMED.has(word.folded) && next !== undefined && (isNumber(next) || next.capital);
}

/**
 * The address in `text`, or undefined when no word names a place. `commune` is the commune name's word span
 * (as the gazetteer found it), left out of the address.
 */
export function addressIn(raw: string, commune?: readonly [number, number]): string | undefined {
  const text = raw.normalize('NFC');
  const words = wordsOf(text);
  const span = words === undefined ? undefined : spanOf(text, words);
  if (words === undefined || span === undefined) return undefined;
  const [first, last] = span;
  const kept: Array<[number, number]> = [];
  let from = first;
  if (commune !== undefined && commune[0] <= last && commune[1] > first) {
    if (commune[0] > first) kept.push([first, commune[0] - 1]);
    from = commune[1];
  }
  if (from <= last) kept.push([from, last]);
  const parts = kept
    .map(([a, b]) => {
      let end = b;
      while (end >= a && TRAILING.has((words[end] as Word).folded)) end--;
      return end < a ? '' : text.slice((words[a] as Word).start, (words[end] as Word).end);
    })
    .filter((p) => p !== '');
  return parts.length === 0 ? undefined : parts.join(', ');
}

/**
 * The words the address of `raw` spans, first and last (as folded words are counted: intents/fold.ts `foldKey`), a
 * commune name inside it included; undefined when no word names a place.
 */
export function addressWords(raw: string): readonly [number, number] | undefined {
  const text = raw.normalize('NFC');
  const words = wordsOf(text);
  return words === undefined ? undefined : spanOf(text, words);
}

function spanOf(text: string, words: readonly Word[]): [number, number] | undefined {
  const first = words.findIndex((_, i) => opensAt(words, i));
  if (first < 0) return undefined;
  // With capitals typed, a lower-case word that carries no address ends it. Without them, a word that carries
  // none ends it right after a number ("hem 5 den tat": the number closed the name), else the clause does.
  const typedCapitals = words.some((w) => w.capital);
  let last = first;
  for (let i = first + 1; i < words.length; i++) {
    const word = words[i] as Word;
    if (CLAUSE_END.test(text.slice((words[i - 1] as Word).end, word.start))) break;
    if (!typedCapitals && STORY.has(word.folded)) break;
    const carries = isNumber(word) || CARRIERS.has(word.folded) || carriesInName(words, i) || inDateName(words, i);
    if (!carries && (typedCapitals ? !word.capital : isNumber(words[i - 1]))) break;
    last = i;
  }
  return [first, last];
}
