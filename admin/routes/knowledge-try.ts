import { renderSms } from '../../adapters/channels/sms/render.ts';
import { renderTelegram } from '../../adapters/channels/telegram/render.ts';
import { renderZaloReply } from '../../adapters/channels/zalo/render.ts';
import { answerEntry } from '../../bot/answer-entry.ts';
import { createReplies } from '../../bot/replies.ts';
import type { SiteConfig } from '../../bot/site-config.ts';
import type { Reply } from '../../bot/types.ts';
import { decide, type Decision } from '../../intents/decide.ts';
import type { MatchResult } from '../../intents/matcher.ts';
import type { Publishing } from '../../knowledge-base/publishing.ts';
import { placeholderValues } from '../../knowledge-base/render.ts';
import type { KnowledgeStore } from '../../knowledge-base/store.ts';
import { KB_PREFIX } from '../../knowledge-base/types.ts';
import { inProcessTrainer, trainMatcher, type Trainer } from '../../knowledge-base/trainer.ts';
import { trainingSet } from '../../knowledge-base/training-set.ts';
import { buildUnderstanding, type Understanding } from '../../knowledge-base/understanding.ts';

/**
 * "Thử câu hỏi": the matcher built from the drafts (every entry at its newest saved version, retired ones left
 * out) answers a question the way the bot would, before anything is published. Building takes about half a
 * second or more, so one build is cached per draft key (it changes with every save and publish). Its training
 * runs where the bot's rebuilds train (a worker thread on Node: only the cheaper rest blocks this event loop).
 * A save starts the next build in the background (`warm`) only while someone has been trying questions lately:
 * otherwise every save would cost the residents on this instance that pause.
 */
export interface DraftMatchers {
  get(): Promise<{ understanding: Understanding; key: string; buildMs: number }>;
  warm(): void;
}

const WARM_WHILE_USED_MS = 10 * 60_000;

export function createDraftMatchers(publishing: Publishing, knowledge: KnowledgeStore, trainer: Trainer = inProcessTrainer): DraftMatchers {
  let lastAsked = Number.NEGATIVE_INFINITY;
  let cached: { key: string; built: Promise<{ understanding: Understanding; buildMs: number }> } | undefined;
  async function get() {
    lastAsked = Date.now();
    const key = await publishing.draftKey();
    if (cached?.key !== key) {
      const built = (async () => {
        const [entries, definitions] = await Promise.all([publishing.workingSet(), knowledge.listDefinitions()]);
        const started = performance.now();
        const live = entries.filter((e) => !e.retired);
        const understanding = buildUnderstanding(live, definitions, await trainMatcher(trainingSet(live, definitions), trainer));
        return { understanding, buildMs: performance.now() - started };
      })();
      cached = { key, built };
      // A failed build is not kept: the next question tries again.
      built.catch(() => {
        if (cached?.built === built) cached = undefined;
      });
    }
    const current = cached;
    return { ...(await current.built), key: current.key };
  }
  return {
    get,
    warm() {
      if (Date.now() - lastAsked > WARM_WHILE_USED_MS) return;
      setTimeout(() => void get().catch(() => undefined), 0);
    },
  };
}

export interface ChannelPreview {
  readonly webchat: ReadonlyArray<{ text: string; options: readonly string[] }>;
  readonly zalo: ReadonlyArray<{ text: string; buttons: readonly string[] }>;
  readonly telegram: ReadonlyArray<{ text: string; buttons: readonly string[] }>;
  readonly sms: readonly string[];
}

export interface TryOutcome {
  readonly question: string;
  readonly result: MatchResult;
  readonly decision: Decision;
  readonly titleOf: (label: string) => string;
  readonly preview: ChannelPreview;
  readonly note?: string;
}

/** The bot's replies for a decision (knowledge answers, clarification, not understood); other labels are described. */
function repliesFor(decision: Decision, understanding: Understanding, site: SiteConfig): { replies: Reply[]; note?: string } {
  const replies = createReplies(site);
  if (decision.kind === 'clarify') return { replies: replies.clarify(decision.options.map((o) => ({ value: o.label, title: understanding.titleOf(o.label) }))) };
  if (decision.kind === 'not-understood') return { replies: replies.notUnderstood() };
  const label = decision.label;
  if (label.startsWith(KB_PREFIX)) {
    const entry = understanding.entries.get(label.slice(KB_PREFIX.length));
    if (entry) return { replies: [answerEntry(entry, placeholderValues(site))] };
  }
  const own: Readonly<Record<string, () => Reply[]>> = {
    'intent:greeting': replies.greeting, 'intent:help': replies.help, 'intent:thanks': replies.thanks, 'intent:goodbye': replies.goodbye,
    'intent:emergency': replies.emergency, 'intent:human': replies.human, 'intent:out-of-scope': replies.outOfScope,
  };
  const reply = own[label];
  if (reply) return { replies: reply() };
  return { replies: [], note: label.startsWith('report:') ? 'Câu này mở quy trình gửi phản ánh hiện trường.' : 'Câu này được xử lý bằng quy trình riêng của trợ lý.' };
}

function smsMoreInfo(site: SiteConfig): string {
  return site.hotline ? `Chi tiet: goi ${site.hotline}` : `Chi tiet: ${site.nationalPortalUrl.replace(/^https?:\/\//, '')}`;
}

function buttonsOf(body: Record<string, unknown>): string[] {
  const markup = body.reply_markup as { inline_keyboard?: Array<Array<{ text: string }>>; keyboard?: Array<Array<{ text: string }>> } | undefined;
  const telegram = (markup?.inline_keyboard ?? markup?.keyboard ?? []).flat().map((b) => b.text);
  const message = body.message as { attachment?: { payload?: { buttons?: Array<{ title: string }> } } } | undefined;
  return [...telegram, ...(message?.attachment?.payload?.buttons ?? []).map((b) => b.title)];
}

export function previewReplies(replies: readonly Reply[], site: SiteConfig, segmentBudget: number): ChannelPreview {
  return {
    webchat: replies.map((r) => ({ text: r.text, options: r.kind === 'choices' ? r.options.map((o) => o.title) : [] })),
    zalo: replies.flatMap(renderZaloReply).map((p) => ({ text: String((p.body.message as { text?: string } | undefined)?.text ?? ''), buttons: buttonsOf(p.body) })),
    telegram: replies.flatMap(renderTelegram).map((p) => ({ text: String(p.body.text ?? ''), buttons: buttonsOf(p.body) })),
    sms: replies.map((r) => renderSms(r, { segmentBudget, moreInfo: smsMoreInfo(site) })),
  };
}

export function tryQuestion(question: string, understanding: Understanding, site: SiteConfig, segmentBudget: number): TryOutcome {
  const result = understanding.matcher.match(question);
  const decision = decide(result);
  const { replies, note } = repliesFor(decision, understanding, site);
  return { question, result, decision, titleOf: understanding.titleOf, preview: previewReplies(replies, site, segmentBudget), ...(note ? { note } : {}) };
}
