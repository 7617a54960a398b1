import { foldKey } from '../intents/fold.ts';
import { namesNoTopicAlone } from '../intents/no-topic.ts';

/**
 * A question about the topic just answered ("phí bao nhiêu", "ở đâu làm", "con mấy tuổi thì phải làm" after the
 * identity-card answer). Alone such a message names no topic, so the matcher guesses among those whose phrasings
 * share its words (fee: online payment, funeral support; where: passport, the one-stop desk's address) or reads it
 * as out of scope. In a conversation it is about what was just answered, and the part of that answer it asks for
 * is what the resident wants.
 */
export type Aspect = 'late' | 'fee' | 'time' | 'where' | 'documents' | 'who' | 'online' | 'how';

/** The topic a conversation holds after a report was filed or its status shown. */
export const REPORT_STATUS_LABEL = 'intent:report-status';

/** Aspects a follow-up about a report just filed or looked up asks: when, who comes, how it goes on. */
export const REPORT_ASPECTS: ReadonlySet<Aspect> = new Set(['time', 'who', 'how']);

/** How long after an answer a short question is still taken to be about it. */
export const FOLLOW_UP_MS = 30 * 60 * 1000;

/** What a short question asks, read from its folded words (abbreviations already read: "bn" is "bao nhieu"). */
const ASKS: ReadonlyArray<readonly [Aspect, RegExp]> = [
  // Late, or fined for it: before time ("trễ hạn" holds "hạn") and fee. Not "muộn": it folds like "muốn".
  ['late', /\b(?:tre han|qua han|de tre|lam tre|dang ky tre|bi phat|phat khong|phat ko|phat hong|xu phat)\b/],
  ['time', /\b(?:bao lau|may ngay|bao nhieu ngay|may tuan|thoi gian|thoi han|lau khong|lau ko|khi nao|chung nao|bao gio)\b/],
  // After time: "bao lâu thì nhận được tiền" asks how long.
  ['fee', /\b(?:le phi|phi|chi phi|bao nhieu tien|may tien|ton tien|mat tien|het tien|tien|gia)\b/],
  ['where', /\b(?:o dau|noi nao|cho nao|dau lam|di dau|nop dau|lam dau)\b/],
  ['documents', /\b(?:giay to|giay gi|ho so|can (?:nhung )?gi|mang (?:theo )?gi|can mang|chuan bi gi)\b/],
  ['who', /\b(?:may tuoi|bao nhieu tuoi|tuoi nao|ai (?:phai|duoc|lam|di)|doi tuong|dieu kien)\b/],
  ['online', /\b(?:online|onl|truc tuyen|qua mang|tren mang|vneid|tai nha|qua dien thoai)\b/],
  ['how', /\b(?:lam sao|the nao|ra sao|nhu nao|cach nao|cach lam)\b/],
];

/**
 * Words such a question is made of besides "no topic" ones (intents/no-topic.ts): the aspects' own words and the
 * verbs any procedure shares ("làm", "nộp", "lấy"). A question with another word in it may name a topic of its own.
 */
const QUESTION_WORDS = new Set([
  'le', 'phi', 'chi', 'bao', 'nhieu', 'tien', 'may', 'ton', 'mat', 'het', 'gia', 'lau', 'ngay', 'tuan', 'thoi', 'gian', 'han',
  'khi', 'nao', 'gio', 'o', 'noi', 'dau', 'giay', 'to', 'ho', 'so', 'can', 'nhung', 'gi', 'mang', 'theo', 'chuan', 'bi', 'tuoi',
  'phai', 'doi', 'tuong', 'dieu', 'kien', 'online', 'onl', 'truc', 'tuyen', 'qua', 'mang', 'tren', 'vneid', 'tai', 'nha', 'dien',
  'thoai', 'lam', 'sao', 'ra', 'nhu', 'cach', 'nop', 'lay', 'nhan', 'xong', 'di', 'duoc', 'khong', 'vay', 'the', 'a', 'con',
  'cho', 'minh', 'roi', 'nua', 'thi', 'hoi', 'xin', 'voi', 'cua', 'moi', 'lan', 'mot', 'dang', 'ky', 'cap', 'lai',
  // Politeness and address: "cảm ơn, cho em hỏi phí bao nhiêu ạ", "ad ơi".
  'cam', 'on', 'biet', 'ad', 'admin', 'ak', 'gom', 'nhu', 'chung', 'tre', 'phat', 'xu', 'de',
]);

/** At most this many syllables: a longer message says what it is about. */
const MOST_SYLLABLES = 12;

/** The aspect a short question asks about, or undefined when it is no such question. */
export function askedAspect(tokens: readonly string[]): Aspect | undefined {
  if (tokens.length === 0 || tokens.length > MOST_SYLLABLES) return undefined;
  const said = tokens.join(' ');
  for (const [aspect, pattern] of ASKS) if (pattern.test(said)) return aspect;
  return undefined;
}

/** Whether the question is made only of question words and words that name no topic ("phí bao nhiêu", "nộp ở đâu"). */
export function namesNothingElse(tokens: readonly string[]): boolean {
  return tokens.every((token) => QUESTION_WORDS.has(token) || namesNoTopicAlone(token));
}

/** Headings of an answer's parts, by the aspect they answer (folded, without a parenthesis): "Thời hạn nộp", "Nơi làm". */
const HEADINGS: Readonly<Record<Exclude<Aspect, 'how'>, RegExp>> = {
  late: /\bthoi han\b/,
  fee: /\b(?:le phi|chi phi|muc phi|nghia vu tai chinh|khoan thu)\b|\bphi$/,
  time: /\b(?:thoi gian|thoi han)\b/,
  where: /^(?:noi |cach nop|cach khai bao)/,
  documents: /^(?:ho so|giay to)/,
  who: /\b(?:ai phai|ai duoc|dieu kien|doi tuong|truong hop)\b/,
  online: /\btruc tuyen\b|^cach nop/,
};
/**
 * Where an answer has no part headed for the aspect, the lines that speak of it: where to do it online, an amount
 * in đồng or an exemption, a number of days. (No such fallback for the rest: "tại", "hồ sơ" are on every line.)
 */
const MENTIONS: Partial<Record<Aspect, RegExp>> = {
  late: /\b(?:qua han|tre han|dung han|xu phat|bi phat|qua \d+ ngay)\b/,
  online: /\b(?:truc tuyen|vneid|online)\b/,
  fee: /\b(?:le phi|mien phi|\d[\d.]* dong)\b/,
  time: /\b(?:ngay lam viec|trong ngay|\d+ ngay)\b/,
};

/** A list line's mark, "• " (an escape: the server bundle stays Latin-1, see tests/one-byte-bundle.test.ts). */
const BULLET = /^\s*\u2022\s*/;

/** A heading is short: a longer text before a colon is a sentence ("... làm như sau:"). */
const MOST_HEADING = 60;

/** A line's heading ("• Lệ phí: ...", "Hồ sơ gồm:"), folded and without a parenthesis, or undefined. */
function headingOf(line: string): string | undefined {
  const colon = line.indexOf(':');
  if (colon < 0 || colon > MOST_HEADING) return undefined;
  const heading = foldKey(line.slice(0, colon).replace(BULLET, '').replace(/\([^)]*\)/g, ' '));
  return heading === '' ? undefined : heading;
}

/**
 * The parts of an answer (rendered, lines separated by \n) that answer an aspect: each line whose heading names it,
 * with the bullet lines that follow a heading ending in a colon ("Hồ sơ gồm:" and its list). Empty when the answer
 * has no such part: then the whole answer is the reply.
 */
export function partsAbout(answer: string, aspect: Aspect): string[] {
  if (aspect === 'how') return [];
  const pattern = HEADINGS[aspect];
  const lines = answer.split('\n');
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heading = headingOf(line);
    if (heading === undefined || !pattern.test(heading)) continue;
    const part = [line.replace(BULLET, '')];
    // A heading that ends the line ("Hồ sơ gồm:") is followed by its list.
    if (line.trimEnd().endsWith(':')) {
      while (i + 1 < lines.length && BULLET.test(lines[i + 1] as string)) part.push(lines[++i] as string);
    }
    parts.push(part.join('\n'));
  }
  // Late: the deadline and what the answer says of missing it ("Quá 60 ngày vẫn đăng ký được", "có thể bị xử phạt").
  if (parts.length > 0 && aspect !== 'late') return parts;
  const mentions = MENTIONS[aspect];
  if (mentions === undefined) return [];
  // Not a line that opens a list ("... làm như sau:"): it says nothing by itself.
  const mentioned = lines.filter((line) => mentions.test(foldKey(line)) && !line.trimEnd().endsWith(':')).map((line) => line.replace(BULLET, ''));
  return [...parts, ...mentioned.filter((line) => !parts.some((part) => part.includes(line)))];
}
