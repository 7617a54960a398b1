import { foldKey } from '../../intents/fold.ts';
import { ADDRESSEES, SPEAKERS } from '../speaker-words.ts';

/**
 * How a resident says yes or no to "Gửi phản ánh: ... 1. Gửi phản ánh 2. Hủy" in their own words. A few words
 * only, all of them of the same kind: "ok gửi đi", "dạ gửi giúp em ạ", "đúng rồi", "không gửi", "thôi khỏi". A
 * longer message, or one with any other word in it ("ok nhưng đèn ở hẻm 5"), is not taken as an answer: a
 * report sent or dropped by a wrong reading cannot be taken back.
 */

/** Words that say yes alone (folded): at least one of them must be there. */
const YES_CORE = new Set(['ok', 'oke', 'okie', 'oki', 'okay', 'gui', 'dong y', 'dung', 'duoc', 'xac nhan', 'vang', 'da', 'u', 'uh', 'uhm', 'co', 'yes', 'chuan']);
/** Words that say no alone: "không", its chat spellings and southern forms, "thôi", "khỏi", "hủy". */
// Not "k": many type it for "ok".
const NO_CORE = new Set(['khong', 'ko', 'kg', 'hong', 'hok', 'hem', 'thoi', 'khoi', 'huy', 'no']);
/**
 * Words that go with either without changing it: particles, "đi", "luôn", "giúp", "rồi", the pronouns, and how the
 * resident addresses whoever reads ("gửi đi anh", "dạ gửi giùm chị", "ok ad", "chị ơi": it had been added to the description).
 */
const GOES_WITH = new Set([
  'di', 'luon', 'nhe', 'nha', 'nghen', 'ne', 'a', 'roi', 'giup', 'gium', 'dum', 'len', 'nua', 'can', 'phan anh', 'lai', 'cam on', 'vay', 'la',
  ...SPEAKERS, ...ADDRESSEES,
]);
/**
 * Words of "nothing more" ("hết rồi", "không có gì thêm", "vậy thôi"): neither a yes nor a no, and no detail either.
 * Nor is "không có ảnh/hình" (no photo to send), which had been added to the description.
 */
const NOTHING_MORE = new Set(['het', 'them', 'gi', 'du', 'vay thoi', 'the thoi', 'co anh', 'co hinh']);
/** Two-syllable words read as one ("đồng ý", "xác nhận", "phản ánh", "cảm ơn"). */
const PAIRS = new Set([...YES_CORE, ...NO_CORE, ...GOES_WITH, ...NOTHING_MORE].filter((w) => w.includes(' ')));
/** Past this many words it is a message, not an answer. */
const MOST_WORDS = 6;

/** 'unclear': words of an answer only, but no clear yes or no ('ok thôi', 'dạ không', 'hết rồi'). */
type Answer = 'yes' | 'no' | 'unclear' | undefined;

/** The words of a folded text, two-syllable words kept whole. */
function wordsOf(folded: string): string[] {
  const syllables = folded.split(' ').filter((s) => s !== '');
  const words: string[] = [];
  for (let i = 0; i < syllables.length; i++) {
    const pair = `${syllables[i]} ${syllables[i + 1]}`;
    if (i + 1 < syllables.length && PAIRS.has(pair)) {
      words.push(pair);
      i++;
    } else words.push(syllables[i] as string);
  }
  return words;
}

/** What a short answer made of such words only says; undefined for any other text (a detail, a question, a place). */
export function confirmAnswer(text: string): Answer {
  // "dừng" folds to "dung" (yes, as "đúng"): said with its marks it stops, never sends.
  if (/d\u1eebng/iu.test(text.normalize('NFC'))) return undefined;
  const words = wordsOf(foldKey(text).replace(/[^a-z0-9 ]+/g, ' '));
  if (words.length === 0 || words.length > MOST_WORDS) return undefined;
  let yes = false;
  let no = false;
  let more = false;
  for (const word of words) {
    if (NOTHING_MORE.has(word)) more = true;
    else if (NO_CORE.has(word)) no = true;
    // "gửi" is what is said yes or no to: "không gửi" is a no.
    else if (YES_CORE.has(word)) yes ||= word !== 'gui';
    else if (!GOES_WITH.has(word)) return undefined;
  }
  if (more || (no && yes)) return 'unclear';
  if (no) return 'no';
  // "gửi" alone, or with "đi", "luôn", "giúp em": a yes.
  return yes || words.includes('gui') ? 'yes' : 'unclear';
}
