import { canonicalize } from '../../intents/expand.ts';
import { foldKey } from '../../intents/fold.ts';
import { offeredOptions } from '../turn.ts';
import type { ChoiceOption, Reply } from '../types.ts';
import { asksSomething } from '../asks-something.ts';
import { confirmAnswer } from './confirm-words.ts';
import { nothingAskedYet } from '../nothing-asked.ts';
import { namesPlace, withPlace } from './draft-place.ts';
import type { Gazetteer } from './gazetteer.ts';
import { CANCEL_VALUE, CONFIRM_VALUE, reportReplies, SKIP_PHOTO_VALUE, UNKNOWN_COMMUNE_VALUE } from './report-replies.ts';
import type { GeoPoint } from './types.ts';

/** A report being put together over several messages; stored in the conversation state. */
export interface ReportDraft {
  readonly category?: string;
  readonly description?: string;
  readonly address?: string;
  /** The resident does not know the address ("không biết" where it was asked): the commune is asked next. */
  readonly addressUnknown?: boolean;
  /** A commune id, or null when the resident does not know it. */
  readonly commune?: string | null;
  readonly location?: GeoPoint;
  readonly photoUrl?: string;
  readonly photoAsked?: boolean;
  readonly communeTries?: number;
  /** Commune ids the typed name could mean ("xã Vị Thanh"): offered as numbered choices. */
  readonly communeChoices?: readonly string[];
  readonly step: Step;
  readonly startedAt: string;
  readonly updatedAt: string;
}

type Step = 'category' | 'what' | 'where' | 'commune' | 'photo' | 'confirm';

export type FlowInput =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'choice'; readonly value: string }
  | { readonly kind: 'location'; readonly point: GeoPoint }
  | { readonly kind: 'image'; readonly url: string };

export interface FlowContext {
  readonly gazetteer: Gazetteer;
  /** Zalo and Telegram can send a photo and a GPS location; SMS and web chat type everything. */
  readonly richChannel: boolean;
  readonly provinceName: string;
  readonly categories: readonly ChoiceOption[];
  readonly categoryTitle: (category: string) => string;
  readonly now: Date;
}

export type FlowOutcome =
  | { readonly kind: 'continue'; readonly draft: ReportDraft; readonly replies: Reply[]; readonly options?: readonly ChoiceOption[] }
  | { readonly kind: 'cancelled'; readonly replies: Reply[] }
  | { readonly kind: 'submit'; readonly draft: ReportDraft };

export const COMMUNE_PREFIX = 'commune:';
const CANCEL_WORDS = new Set(['huy', 'huy bo', 'huy phan anh', 'thoi', 'thoi khoi', 'cancel', 'khong gui nua', 'ko gui nua', 'dung lai']);
const YES_WORDS = new Set(['1', 'gui', 'gui di', 'dong y', 'co', 'ok', 'oke', 'yes', 'dung', 'xac nhan', 'gui phan anh']);
const NO_WORDS = new Set(['2', 'khong', 'ko', 'no']);
const SKIP_WORDS = new Set(['bo qua', 'khong', 'khong co', 'khong co anh', 'khong co hinh', 'khong co hinh anh', 'hong co', 'hong co anh', 'chua co', 'chua co anh', 'khong can', 'khoi', 'skip', 'thoi', 'khong gui']);
/**
 * A text as a step's words are looked up: as typed, and with chat abbreviations read ("ko co anh", "k co hinh",
 * "ko bik" are "không có ảnh", "không có hình", "không biết"). Not for yes and no: "k" is "không" to the expansion but
 * "ok" to many who type it, and a wrong reading there sends or cancels a report.
 */
const stepKeys = (text: string): readonly [folded: string, expanded: string] => {
  const folded = foldKey(text);
  return [folded, canonicalize(folded.split(' ')).tokens.join(' ')];
};
const isStepWord = (words: ReadonlySet<string>, [folded, expanded]: readonly [string, string]): boolean => words.has(folded) || words.has(expanded);
/** "không biết", "tui hổng biết nữa", "không rõ", "không nhớ": the resident does not know what the step asks. */
const saysUnknown = ([, expanded]: readonly [string, string]): boolean => nothingAskedYet(expanded.split(' ')) === 'does-not-know';
/** Yes or no to the confirmation: the words of the buttons, or a short answer in the resident's own ("ok gửi đi"). */
const saysYes = (folded: string, answer: ReturnType<typeof confirmAnswer>): boolean => YES_WORDS.has(folded) || answer === 'yes';
const saysNo = (folded: string, answer: ReturnType<typeof confirmAnswer>): boolean => NO_WORDS.has(folded) || answer === 'no';
const MAX_COMMUNE_TRIES = 2;

export const isCancel = (text: string): boolean => CANCEL_WORDS.has(foldKey(text));

/** A draft started from a message ("đèn đường hẻm 5 tắt cả tuần") or from the menu (nothing known yet). */
export function startDraft(category: string | undefined, text: string | undefined, ctx: FlowContext, attachments: { photoUrl?: string; location?: GeoPoint } = {}): FlowOutcome {
  const at = ctx.now.toISOString();
  let draft: ReportDraft = { step: 'category', startedAt: at, updatedAt: at, ...(category ? { category } : {}), ...attachments };
  if (text === undefined) return withPolice(next(draft, ctx));
  const outcome = next(withPlace({ ...draft, description: text }, text, ctx.gazetteer, 'mention'), ctx);
  // Opened from words alone, the resident may not know a report is being made: say so, and how to stop
  // (the confirmation says it anyway), with 113 where it may be a crime.
  if (outcome.kind !== 'continue' || !category) return outcome;
  const said = outcome.draft.step === 'confirm' ? reportReplies.police(category) : reportReplies.opening(ctx.categoryTitle(category), category);
  return { ...outcome, replies: [...said, ...outcome.replies] };
}

/** Moves to the first thing still missing and asks for it. */
function next(draft: ReportDraft, ctx: FlowContext): FlowOutcome {
  const step: Step = !draft.category
    ? 'category'
    : !draft.description
      ? 'what'
      : !draft.location && !draft.address && !draft.addressUnknown && !draft.commune && !draft.communeChoices
        ? 'where'
        : !draft.location && (draft.commune === undefined || draft.communeChoices)
          ? 'commune'
          : ctx.richChannel && !draft.photoUrl && !draft.photoAsked
            ? 'photo'
            : 'confirm';
  const current = { ...draft, step, updatedAt: ctx.now.toISOString() };
  switch (step) {
    case 'category':
      return { kind: 'continue', draft: current, replies: reportReplies.askCategory(ctx.categories), options: ctx.categories };
    case 'what':
      return { kind: 'continue', draft: current, replies: reportReplies.askWhat(ctx.categoryTitle(draft.category as string)) };
    case 'where':
      return { kind: 'continue', draft: current, replies: reportReplies.askWhere(ctx.richChannel) };
    case 'commune': {
      if (!draft.communeChoices) return { kind: 'continue', draft: current, replies: reportReplies.askCommune() };
      const choices = draft.communeChoices.map((id) => ({ value: COMMUNE_PREFIX + id, title: ctx.gazetteer.byId(id)?.name ?? id }));
      const replies = reportReplies.chooseCommune(choices);
      return { kind: 'continue', draft: current, replies, options: offeredOptions(replies) };
    }
    case 'photo': {
      const replies = reportReplies.askPhoto();
      return { kind: 'continue', draft: current, replies, options: offeredOptions(replies) };
    }
    case 'confirm': {
      const replies = reportReplies.confirm(summary(current, ctx));
      return { kind: 'continue', draft: current, replies, options: offeredOptions(replies) };
    }
  }
}

export function summary(draft: ReportDraft, ctx: FlowContext): string {
  const commune = draft.commune ? ctx.gazetteer.byId(draft.commune)?.name : undefined;
  const place = draft.location
    ? `vị trí đã gửi (${draft.location.latitude.toFixed(5)}, ${draft.location.longitude.toFixed(5)})`
    : [draft.address, commune].filter(Boolean).join(', ') || 'địa điểm chưa rõ';
  const description = (draft.description ?? '').length > 160 ? `${(draft.description ?? '').slice(0, 157)}...` : draft.description;
  return `${ctx.categoryTitle(draft.category as string)} tại ${place}: "${description}"${draft.photoUrl ? ' (kèm ảnh)' : ''}.`;
}

/**
 * The step the draft is at, asked again after something else was said (an emergency, a question of ours): the
 * draft is kept, and `kept` says so.
 */
export function remind(draft: ReportDraft, ctx: FlowContext, kept: readonly Reply[] = reportReplies.kept()): FlowOutcome {
  const outcome = next(draft, ctx);
  return outcome.kind === 'continue' ? { ...outcome, replies: [...kept, ...outcome.replies] } : outcome;
}

/**
 * Whether a text sent at the draft's current step may be something else than its answer: only where the step takes a
 * place, a photo or a yes/no (not where it asks what happened or where: any words answer those), and only when the
 * text names no place and is none of the words the step understands.
 */
export function mayBeAside(draft: ReportDraft, text: string, gazetteer: Gazetteer): boolean {
  if (draft.step !== 'commune' && draft.step !== 'photo' && draft.step !== 'confirm') return false;
  const keys = stepKeys(text);
  const [folded] = keys;
  if (isCancel(text) || isStepWord(SKIP_WORDS, keys) || saysUnknown(keys)) return false;
  if (YES_WORDS.has(folded) || NO_WORDS.has(folded) || (draft.step !== 'commune' && confirmAnswer(text) !== undefined)) return false;
  return !namesPlace(text, gazetteer) && gazetteer.search(text).length === 0;
}

/** One step of the conversation: what the resident sent, against the step the draft is at. */
export function advance(draft: ReportDraft, input: FlowInput, ctx: FlowContext): FlowOutcome {
  if ((input.kind === 'text' && isCancel(input.text)) || (input.kind === 'choice' && input.value === CANCEL_VALUE)) {
    return { kind: 'cancelled', replies: reportReplies.cancelled() };
  }
  // A photo or a location is welcome at any step.
  if (input.kind === 'image') return next({ ...draft, photoUrl: input.url }, ctx);
  if (input.kind === 'location') {
    if (!ctx.gazetteer.within(input.point)) return { kind: 'continue', draft, replies: reportReplies.outsideArea(ctx.provinceName) };
    return next({ ...draft, location: input.point }, ctx);
  }
  const text = input.kind === 'text' ? input.text : undefined;
  const choice = input.kind === 'choice' ? input.value : undefined;
  const folded = text === undefined ? '' : foldKey(text);

  switch (draft.step) {
    case 'category':
      if (choice?.startsWith('report:')) return withPolice(next({ ...draft, category: choice.slice('report:'.length) }, ctx));
      // Free text instead of a pick: it describes the problem; staff sort the category out.
      if (text !== undefined) return next(withPlace({ ...draft, category: 'khac', description: text }, text, ctx.gazetteer, 'mention'), ctx);
      return next(draft, ctx);
    case 'what':
      return text === undefined ? next(draft, ctx) : next(withPlace({ ...draft, description: text }, text, ctx.gazetteer, 'mention'), ctx);
    case 'where':
      if (text === undefined) return next(draft, ctx);
      // Not the address "không biết" (it had been shown as "... tại không biết, phường Vị Tân"): the commune is asked.
      if (saysUnknown(stepKeys(text))) return next({ ...draft, addressUnknown: true }, ctx);
      return next(withPlace(draft, text, ctx.gazetteer, 'answer'), ctx);
    case 'commune':
      return answerCommune(draft, text, choice, ctx);
    case 'photo':
      if (choice === SKIP_PHOTO_VALUE || (text !== undefined && isStepWord(SKIP_WORDS, stepKeys(text)))) return next({ ...draft, photoAsked: true }, ctx);
      // "ok", "dạ", "được" say nothing about what happened: on to the confirmation (a photo sent later still joins).
      if (text !== undefined && confirmAnswer(text) !== undefined) return next({ ...draft, photoAsked: true }, ctx);
      // Words instead of a photo: more detail for the description, and no photo.
      return next({ ...draft, photoAsked: true, description: text ? withDetail(draft.description, text) : draft.description }, ctx);
    case 'confirm': {
      // Read once: yes, no, neither ("ok thôi"), or no answer at all (a detail, a question, a place).
      const answer = text === undefined ? undefined : confirmAnswer(text);
      if (choice === CONFIRM_VALUE || (text !== undefined && saysYes(folded, answer))) return { kind: 'submit', draft };
      if (text !== undefined && saysNo(folded, answer)) return { kind: 'cancelled', replies: reportReplies.cancelled() };
      // A place typed here corrects the one in the summary ("ở ấp 3 xã Vị Thủy"); the summary is shown again.
      if (text !== undefined && namesPlace(text, ctx.gazetteer)) return next(withPlace(draft, text, ctx.gazetteer, 'correction'), ctx);
      if (text !== undefined && answer === undefined && addsDetail(text)) return addDetail(draft, text, ctx);
      return next(draft, ctx);
    }
  }
}

/**
 * Words typed at the confirmation that are no answer (the caller has read that), place or question ("đèn tắt 3 đêm rồi", "có 2 ổ gà lớn"): more
 * about what happened, as at the photo step. They had been dropped with the summary shown again, as if unread.
 */
function addsDetail(text: string): boolean {
  return !asksSomething(text) && foldKey(text).split(' ').filter((s) => s !== '').length >= 2;
}

/** The detail joins the description, and the resident is told so (the summary shows the first 160 characters only). */
function addDetail(draft: ReportDraft, text: string, ctx: FlowContext): FlowOutcome {
  const outcome = next({ ...draft, description: withDetail(draft.description, text) }, ctx);
  return outcome.kind === 'continue' ? { ...outcome, replies: [...reportReplies.detailAdded(text.trim()), ...outcome.replies] } : outcome;
}

/** A description with more words after it, as a sentence of its own ("đèn đường hư ở ấp 3. Đèn tắt 3 đêm rồi"). */
function withDetail(description: string | undefined, detail: string): string {
  const before = (description ?? '').trim();
  const after = detail.trim();
  if (before === '') return after;
  return `${before}${/[.!?\u2026;:,]$/u.test(before) ? '' : '.'} ${after.charAt(0).toUpperCase()}${after.slice(1)}`;
}

/** 113 before the next question when the category picked may be a crime. */
function withPolice(outcome: FlowOutcome): FlowOutcome {
  if (outcome.kind !== 'continue' || !outcome.draft.category) return outcome;
  return { ...outcome, replies: [...reportReplies.police(outcome.draft.category), ...outcome.replies] };
}

function answerCommune(draft: ReportDraft, text: string | undefined, choice: string | undefined, ctx: FlowContext): FlowOutcome {
  if (choice === UNKNOWN_COMMUNE_VALUE || (text !== undefined && saysUnknown(stepKeys(text)))) {
    const { communeChoices: _offered, ...rest } = draft;
    return next({ ...rest, commune: null }, ctx);
  }
  if (choice?.startsWith(COMMUNE_PREFIX)) {
    const id = choice.slice(COMMUNE_PREFIX.length);
    const { communeChoices: _offered, ...rest } = draft;
    return ctx.gazetteer.byId(id) ? next({ ...rest, commune: id }, ctx) : next(draft, ctx);
  }
  if (text === undefined) return next(draft, ctx);
  // A whole address as the answer ("ở ấp 3 xã Vị Thủy"): the commune from it, the rest joins the address.
  if (namesPlace(text, ctx.gazetteer)) {
    const placed = withPlace(draft, text, ctx.gazetteer, 'addition');
    if (placed.commune !== undefined || placed.communeChoices) return next(placed, ctx);
  }
  const found = ctx.gazetteer.search(text);
  const exact = found.filter((f) => f.exact);
  if (exact.length === 1) return next({ ...draft, commune: (exact[0] as (typeof exact)[number]).commune.id }, ctx);
  if (found.length > 0) {
    const options = found.map((f) => ({ value: COMMUNE_PREFIX + f.commune.id, title: f.commune.name }));
    const replies = reportReplies.chooseCommune(options);
    return { kind: 'continue', draft: { ...draft, updatedAt: ctx.now.toISOString() }, replies, options: offeredOptions(replies) as readonly ChoiceOption[] };
  }
  const tries = (draft.communeTries ?? 0) + 1;
  if (tries >= MAX_COMMUNE_TRIES) return next({ ...draft, commune: null, communeTries: tries }, ctx);
  return { kind: 'continue', draft: { ...draft, communeTries: tries, updatedAt: ctx.now.toISOString() }, replies: reportReplies.communeNotFound() };
}
