import { foldKey } from '../intents/fold.ts';

// Words that make a Vietnamese sentence a question, folded: where, how, how much, how long, when, what papers,
// whether it is allowed ("có được không"), and a procedure named outright ("thủ tục", "hồ sơ", "xin giấy phép").
const QUESTION_WORDS = /\b(?:o dau|(?:the|ra|lam) (?:nao|sao)|bao (?:nhieu|lau|gio)|khi nao|luc nao|can (?:nhung )?(?:gi|giay)|giay to (?:gi|nao)|duoc (?:khong|ko|k|hong|hok|hem)|co phai|phai (?:khong|ko|hong)|thu tuc|ho so|xin (?:giay|phep|cap)|giay phep|nop (?:o|tai) dau)\b/;

/**
 * Whether a resident's text asks something, from its words alone: a question mark, or the words Vietnamese asks
 * with. Not "is it a question about a procedure": that is the matcher's and the scope's to say.
 */
export function asksSomething(text: string): boolean {
  return text.includes('?') || QUESTION_WORDS.test(foldKey(text));
}
