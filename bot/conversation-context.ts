import { decidedLabel } from '../intents/decide.ts';
import { foldKey } from '../intents/fold.ts';
import { EMERGENCY_LABEL, OUT_OF_SCOPE_LABEL, type MatchResult } from '../intents/matcher.ts';
import type { ScopeOutcome } from '../intents/scope.ts';
import { readMessage, type MessageReading } from '../knowledge-base/catalogue/read-message.ts';
import type { ScopeIndex } from '../knowledge-base/catalogue/scope-index.ts';
import { KB_PREFIX, type KnowledgeEntry } from '../knowledge-base/types.ts';
import type { Understanding } from '../knowledge-base/understanding.ts';
import { cleanText } from './clean-text.ts';
import type { ChoiceOption } from './types.ts';

/**
 * A message read with what the conversation said just before it, where alone it is a guess: the question the bot
 * asked ("Có phải bạn muốn hỏi ...?") or the entry it answered. Pure: the bot (handle.ts) decides what to do with it.
 */

/** "Có phải bạn muốn hỏi ...?" still open: the words that led to it and the options offered. */
export interface OpenQuestion {
  readonly text: string;
  readonly options: readonly ChoiceOption[];
}

/** A message and how it reads. */
export interface Reading {
  readonly text: string;
  readonly result: MatchResult;
  readonly reading: MessageReading;
}

/** A short message read with the topic just answered: the procedures next to it, or the topic itself again. */
export type TopicReading = Extract<ScopeOutcome, { kind: 'catalogue' }> | { readonly kind: 'ours'; readonly label: string; readonly entry: KnowledgeEntry };

/** At most this many syllables: a longer message says what it is about on its own (as follow-up.ts reads it). */
const CONTEXT_SYLLABLES = 12;
/** Words of a title that name no procedure of their own. */
const GENERIC_TITLE_WORDS = new Set(['thu', 'tuc', 'cap', 'doi', 'lai', 'lam', 'va', 'cho', 'cua', 'the', 'giay', 'dang', 'ky']);

/** A topic, report or social turn of ours read outright: the message needs nothing before it. */
const placedAlone = ({ decision, scope }: MessageReading): boolean => scope.kind === 'ours' && decision.kind === 'answer' && decision.label !== OUT_OF_SCOPE_LABEL;

/** Read alone as a guess whose best reading is a street report: a close call or not understood. */
const leansToReport = ({ decision, scope }: MessageReading): boolean =>
  scope.kind === 'ours' && (decision.kind === 'clarify' ? decision.options[0]?.label : decision.kind === 'not-understood' ? decision.guess.label : undefined)?.startsWith('report:') === true;

/** The knowledge-base entry a label names, if any. */
export const entryOf = (understanding: Understanding, label: string): KnowledgeEntry | undefined =>
  label.startsWith(KB_PREFIX) ? understanding.entries.get(label.slice(KB_PREFIX.length)) : undefined;

/** Words that name no procedure: a message's "về", "ở", "tại" say nothing about which one it asks for. */
const FUNCTION_WORDS = new Set(['ve', 'o', 'tai', 'voi', 'cac', 'nhung', 'theo', 'trong', 'khi']);
const tellingWords = (text: string): string[] => foldKey(text).split(' ').filter((word) => word !== '' && !GENERIC_TITLE_WORDS.has(word) && !FUNCTION_WORDS.has(word));

/** A procedure's name as the set of its folded words. */
const nameWords = (name: string): ReadonlySet<string> => new Set(foldKey(name).split(' '));

/** Every telling word of the topic's title is in the procedure's name (`nameWords`): "Đăng ký kết hôn" in "... kết hôn có yếu tố nước ngoài". */
function carriesName(named: ReadonlySet<string>, title: string): boolean {
  const telling = tellingWords(title);
  return telling.length > 0 && telling.every((word) => named.has(word));
}

/**
 * The message's own telling words that the procedure it reads as alone also names ("tàu", "cá" of "tôi muốn hỏi về
 * đăng ký tàu cá", read alone as the fishing-vessel registration); none when alone it offers no procedure.
 */
function namedAlone(text: string, alone: MessageReading, catalogue: ScopeIndex): string[] {
  const name = alone.scope.kind === 'catalogue' ? catalogue.procedure(alone.scope.codes[0] ?? '')?.name : undefined;
  if (name === undefined) return [];
  const inName = nameWords(name);
  return tellingWords(text).filter((word) => inName.has(word));
}

/**
 * The answer to "Có phải bạn muốn hỏi ...?" given in words instead of a number ("trợ cấp", then "bà nội tôi 82
 * tuổi"; "chứng thực", then "giấy tờ tiếng Anh"): what it adds to the question asked, read together with it. Alone
 * such a message is a guess among unrelated topics or "out of scope". A message that is itself a clear question of
 * ours, or says nothing the two together make sense of, keeps its own reading (undefined).
 */
export function readWithQuestion(question: string, text: string, alone: MessageReading, understanding: Understanding, catalogue: ScopeIndex | undefined): Reading | undefined {
  if (placedAlone(alone)) return undefined;
  const combined = cleanText(`${question} ${text}`);
  const result = understanding.matcher.match(combined);
  const reading = readMessage(combined, result, catalogue);
  const { decision, scope } = reading;
  if (scope.kind === 'not-covered' || decidedLabel(decision) === EMERGENCY_LABEL) return undefined;
  if (scope.kind === 'ours' && (decision.kind === 'not-understood' || (decision.kind === 'answer' && decision.label === OUT_OF_SCOPE_LABEL))) return undefined;
  return { text: combined, result, reading };
}

/**
 * A short message right after the answer of entry `topic` that the message alone does not place, read with the
 * topic's title before it. When that reads as the topic itself ("có cần bản vẽ không" after the building permit:
 * alone, an unrelated office licence from the catalogue; "cho con 3 tuổi" after the passport: "ngoài phạm vi"), the
 * topic, to be answered again rather than sent away. When it points to official procedures next to the topic ("vợ em
 * người Campuchia" after the marriage answer: alone, guardianship, death and birth registration "with a foreign
 * element"; with it, "đăng ký kết hôn có yếu tố nước ngoài"), those, if the closest carries the topic's own name, so a
 * short question about something else ("thủ tục nhận con nuôi") keeps its own reading.
 */
export function readAfterTopic(topic: string, { text, result, reading }: Reading, understanding: Understanding, catalogue: ScopeIndex | undefined): TopicReading | undefined {
  const entry = entryOf(understanding, topic);
  if (entry === undefined || catalogue === undefined) return undefined;
  if (placedAlone(reading) || reading.scope.kind === 'ask' || (result.tokens?.length ?? 0) > CONTEXT_SYLLABLES) return undefined;
  // Something seen in the street ("cột điện nghiêng sắp đổ", read alone as a guess among street reports) is no
  // question about a procedure just answered: with the title before it, it had become the copy-of-record answer again.
  if (leansToReport(reading)) return undefined;
  const title = understanding.titleOf(topic);
  const combined = cleanText(`${title} ${text}`);
  const read = readMessage(combined, understanding.matcher.match(combined), catalogue);
  if (read.scope.kind === 'ours' && read.decision.kind === 'answer' && read.decision.label === topic) return { kind: 'ours', label: topic, entry };
  if (read.scope.kind !== 'catalogue') return undefined;
  const closest = catalogue.procedure(read.scope.codes[0] ?? '');
  if (closest === undefined) return undefined;
  const named = nameWords(closest.name);
  if (!carriesName(named, title)) return undefined;
  // ... and keeps what the message names on its own: "tôi muốn hỏi về đăng ký tàu cá" right after the birth
  // registration answer reads alone as the fishing-vessel registration; with the birth title before it, a procedure
  // joining birth registration and a child's health card came first, which names neither "tàu" nor "cá".
  return namedAlone(text, reading, catalogue).every((word) => named.has(word)) ? read.scope : undefined;
}
