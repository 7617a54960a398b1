import { decide, decidedLabel } from '../intents/decide.ts';
import { foldKey } from '../intents/fold.ts';
import { withoutDanger } from '../intents/emergency.ts';
import { reportWordsBesideDanger } from './emergency-remainder.ts';
import { EMERGENCY_LABEL, OUT_OF_SCOPE_LABEL, type MatchResult } from '../intents/matcher.ts';
import type { Understanding } from '../knowledge-base/understanding.ts';
import { placeholderValues } from '../knowledge-base/render.ts';
import { KB_PREFIX } from '../knowledge-base/types.ts';
import { readMessage, type MessageReading } from '../knowledge-base/catalogue/read-message.ts';
import type { ScopeIndex } from '../knowledge-base/catalogue/scope-index.ts';
import { CATALOGUE_PREFIX, catalogueChoice, codeOfValue } from '../knowledge-base/catalogue/types.ts';
import { SCOPE_THRESHOLDS, type ScopeOutcome } from '../intents/scope.ts';
import { answerAspect, answerEntry } from './answer-entry.ts';
import { createCatalogueReplies } from './catalogue-replies.ts';
import { cleanText, MAX_TEXT_LENGTH } from './clean-text.ts';
import { ConversationConflictError, type Conversation, type ConversationState, type ConversationStore } from './conversation-store.ts';
import { MENU_PREFIX, MENU_SECTIONS, REPORT_MENU_VALUE } from './menu.ts';
import { oneAtATime } from './one-at-a-time.ts';
import type { ReportDesk } from './report-desk.ts';
import { createReplies } from './replies.ts';
import type { FlowInput, ReportDraft } from './reports/flow.ts';
import type { SiteConfig } from './site-config.ts';
import { offeredOptions, type Turn } from './turn.ts';
import type { ChoiceOption, IncomingMessage, Reply } from './types.ts';
import { unansweredReason, type UnansweredStore } from './unanswered-store.ts';
import type { HandoffDesk } from './handoff-service.ts';
import { noMetrics, type BotMetrics } from './metrics.ts';
import type { PersonalDataDesk } from './personal-data.ts';
import { asksSomething } from './asks-something.ts';
import { nothingAskedYet } from './nothing-asked.ts';
import { takesBack } from './withdraw-words.ts';
import { confirmAnswer } from './reports/confirm-words.ts';
import { entryOf, readAfterTopic, readWithQuestion, type OpenQuestion } from './conversation-context.ts';
import { askedAspect, FOLLOW_UP_MS, namesNothingElse, REPORT_ASPECTS, REPORT_STATUS_LABEL } from './follow-up.ts';

export interface BotDeps {
  readonly understanding: () => Understanding;
  readonly conversations: ConversationStore;
  readonly unanswered: UnansweredStore;
  readonly site: SiteConfig;
  /** Field reports: filing, following and looking them up. */
  readonly reports: ReportDesk;
  /** The procedure catalogue's scope index: questions about official procedures no entry covers. Optional. */
  readonly catalogue?: () => ScopeIndex;
  /** The hand-off queue: "gặp cán bộ" joins it, and while an operator holds a conversation the bot stays quiet. */
  readonly handoffs?: HandoffDesk;
  /** Counts of messages and decisions (GET /metrics); nothing personal. No-op unless given. */
  readonly metrics?: BotMetrics;
  /** "XOA DU LIEU": a resident's request to delete their data, confirmed before it happens (bot/personal-data.ts). */
  readonly personalData?: PersonalDataDesk;
  readonly now?: () => Date;
}

export interface Bot {
  handle(message: IncomingMessage): Promise<Reply[]>;
}

const OPTION_NUMBER = /^(?:so |chon |muc )?(\d{1,2})$/;
/** Read as a street report, a close call or nothing understood: no topic, greeting or thanks of ours for sure. */
const noSureTopic = (decision: ReturnType<typeof decide>): boolean => decision.kind !== 'answer' || decision.label.startsWith('report:');
/** A confident answer from the knowledge base: a question of ours, whatever the conversation was doing. */
const isOurTopic = (decision: ReturnType<typeof decide>): boolean => decision.kind === 'answer' && decision.label.startsWith(KB_PREFIX);
/** Options offered longer ago than this are forgotten: a "2" typed tomorrow is a new message, not a pick. */
export const PENDING_LIFETIME_MS = 30 * 60 * 1000;

export function createBot(deps: BotDeps): Bot {
  const replies = createReplies(deps.site);
  const catalogueReplies = createCatalogueReplies(deps.site);
  const placeholders = placeholderValues(deps.site);
  const now = deps.now ?? (() => new Date());
  const desk = deps.reports;
  const metrics = deps.metrics ?? noMetrics;

  /** Acts on a label or menu value, whether the matcher found it or the resident tapped it. */
  async function resolve(value: string, understanding: Understanding, message: IncomingMessage, conversation: Conversation, text?: string, named?: string): Promise<Turn> {
    if (value.startsWith(MENU_PREFIX)) {
      const section = MENU_SECTIONS.find((s) => MENU_PREFIX + s.id === value);
      if (section === undefined) return { replies: replies.help() };
      const options = [...understanding.entries.values()]
        .filter((e) => section.groups.includes(e.group))
        .map((e) => ({ value: KB_PREFIX + e.id, title: e.title }));
      return { replies: replies.sectionMenu(section.title, options), pending: options };
    }
    if (value.startsWith(CATALOGUE_PREFIX)) {
      const code = codeOfValue(value);
      const procedure = code === undefined ? undefined : deps.catalogue?.().procedure(code);
      return procedure === undefined ? { replies: replies.notUnderstood() } : { replies: catalogueReplies.details(procedure), label: value };
    }
    if (value.startsWith(KB_PREFIX)) {
      const entry = understanding.entries.get(value.slice(KB_PREFIX.length));
      const procedure = named === undefined ? undefined : deps.catalogue?.().procedure(named);
      return entry === undefined ? { replies: replies.notUnderstood() } : { replies: [answerEntry(entry, placeholders, procedure)], label: value, topic: value };
    }
    if (value === REPORT_MENU_VALUE || value.startsWith('report:')) {
      const category = value === REPORT_MENU_VALUE ? undefined : value.slice('report:'.length);
      return desk.start(category, text, message, conversation, conversation.state.attachments);
    }
    switch (value) {
      case 'intent:greeting': return { replies: replies.greeting(), pending: offeredOptions(replies.greeting()), label: value };
      case 'intent:help': return { replies: replies.help(), pending: offeredOptions(replies.help()), label: value };
      case 'intent:thanks': return { replies: replies.thanks(), label: value };
      case 'intent:goodbye': return { replies: replies.goodbye(), label: value };
      case EMERGENCY_LABEL: return { replies: replies.emergency(), label: value };
      case 'intent:report-status':
        return desk.lookUp(text ?? '', conversation);
      case 'intent:human': return { replies: deps.handoffs ? await deps.handoffs.request(conversation) : replies.human(), label: value, needsStaff: true };
      case OUT_OF_SCOPE_LABEL: return { replies: replies.outOfScope(), pending: offeredOptions(replies.outOfScope()), label: value };
      default: return { replies: replies.notUnderstood(), pending: offeredOptions(replies.notUnderstood()) };
    }
  }

  /**
   * What a text asks, answered. `aside`: sent where a report waits for its commune, photo or confirmation, so the
   * step's own options are what a number picks next: the answer offers no numbered choices of its own (an ours-or-
   * catalogue question is answered as ours, official procedures are listed without numbers).
   */
  async function understand(text: string, result: MatchResult, understanding: Understanding, message: IncomingMessage, conversation: Conversation, aside = false, read?: MessageReading, question?: OpenQuestion): Promise<Turn> {
    if (desk.hasCode(text) || desk.asksForOwnReports(text)) return desk.lookUp(text, conversation);
    // "ok", "ừ", "dạ" to "Có phải bạn muốn hỏi: 1) ... 2) ...?" say yes without saying to which; "không có ảnh", "hết
    // rồi" say nothing to it (read with the question, "không có ảnh" had joined a report's description).
    const answered = question === undefined ? undefined : confirmAnswer(text);
    if (question !== undefined && (answered === 'yes' || answered === 'unclear')) return { replies: replies.pickANumber(question.options), pending: question.options, pendingText: question.text };
    // "gửi", "ok gửi đi" again once the report is filed: it is, and here it stands (it had been "Có phải bạn muốn hỏi").
    if (!aside && recentTopic(conversation)?.label === REPORT_STATUS_LABEL && (result.tokens ?? []).includes('gui') && confirmAnswer(text) === 'yes') return desk.lookUp('', conversation);
    // "cho em hỏi", "không biết" with nothing asked yet: an invitation to ask, with the menu (not "ngoài phạm vi", not
    // a goodbye). Not as an aside: there the report's step is what the words answer.
    const nothingAsked = aside ? undefined : nothingAskedYet(result.tokens ?? []);
    // "tui muốn phản ánh": a report with nothing said yet of what or where, as the menu's report item starts one.
    if (nothingAsked === 'wants-to-report') return resolve(REPORT_MENU_VALUE, understanding, message, conversation);
    if (nothingAsked !== undefined) {
      metrics.decision('answer');
      const reply = nothingAsked === 'wants-to-ask' ? replies.askAway() : replies.help();
      return { replies: reply, pending: offeredOptions(reply), label: 'intent:help', score: result.score };
    }
    const alone = read ?? readMessage(text, result, deps.catalogue?.());
    const place = !aside && alone.scope.kind === 'ours' && noSureTopic(alone.decision) && desk.onlyNamesPlace(text);
    if (place) return placeTurn(text, result, understanding, message, conversation, question);
    // The question asked last is what the conversation is about now; with nothing read together with it, a question
    // about the entry answered before it ("cần giấy gì" after the temporary-residence answer) is about that entry.
    const together = question === undefined ? undefined : readWithQuestion(question.text, text, alone, understanding, deps.catalogue?.());
    const followUp = aside || together !== undefined ? undefined : await followUpTurn(text, result, alone, understanding, conversation);
    if (followUp !== undefined) return followUp;
    if (together !== undefined) {
      const turn = await understand(together.text, together.result, understanding, message, conversation, aside, together.reading);
      // The same question again ("gửi", "không có" after it): asked for a number this time, not repeated as if new.
      const same = turn.pending !== undefined && turn.pending.length === question?.options.length && turn.pending.every((o, i) => o.value === question.options[i]?.value);
      return same && question !== undefined ? { ...turn, replies: replies.pickANumber(question.options), pendingText: question.text } : turn;
    }
    const reading = alone;
    const topic = aside ? undefined : recentTopic(conversation);
    const withTopic = topic === undefined ? undefined : readAfterTopic(topic.label, { text, result, reading }, understanding, deps.catalogue?.());
    if (withTopic?.kind === 'catalogue') return outsideTurn(text, result, withTopic, conversation, false);
    if (withTopic?.kind === 'ours') {
      metrics.decision('answer');
      return { replies: [answerEntry(withTopic.entry, placeholders)], label: withTopic.label, score: result.score, topic: withTopic.label };
    }
    if (reading.scope.kind === 'ask') {
      if (aside) return { ...(await resolve(reading.scope.label, understanding, message, conversation, text)), score: result.score };
      return askTurn(text, result, reading.scope, understanding, conversation);
    }
    if (reading.scope.kind !== 'ours') return outsideTurn(text, result, reading.scope, conversation, aside);
    const { decision } = reading;
    metrics.decision(decision.kind === 'clarify' ? 'clarify' : decision.kind !== 'answer' ? 'not-understood' : decision.label === OUT_OF_SCOPE_LABEL ? 'out-of-scope' : 'answer');
    if (decision.kind === 'clarify') {
      const options = decision.options.map((o) => ({ value: o.label, title: understanding.titleOf(o.label) }));
      // Logged now and taken back if the resident picks an option: what stays is a clarification nobody chose.
      await deps.unanswered.record({ conversationId: conversation.id, channel: conversation.channel, text, reason: 'clarified', bestLabel: result.label, bestScore: result.score });
      return { replies: replies.clarify(options), pending: options, pendingText: text, label: result.label, score: result.score };
    }
    const unsure = unansweredReason(decision);
    if (unsure !== undefined) {
      await deps.unanswered.record({
        conversationId: conversation.id,
        channel: conversation.channel,
        text,
        reason: unsure,
        bestLabel: result.label,
        bestScore: result.score,
      });
    }
    const turn = await resolve(decision.kind === 'answer' ? decision.label : 'not-understood', understanding, message, conversation, text, reading.procedure);
    return { ...turn, score: result.score };
  }

  /** The entry (or report) the conversation answered within FOLLOW_UP_MS, which a short question may be about. */
  function recentTopic(conversation: Conversation): ConversationState['topic'] {
    const topic = conversation.state.topic;
    return topic !== undefined && now().getTime() - Date.parse(topic.at) <= FOLLOW_UP_MS ? topic : undefined;
  }

  /**
   * A short question about the entry answered a moment ago ("phí bao nhiêu", "ở đâu làm" after the identity card):
   * that entry's part it asks about, or the whole entry. Only when the question names nothing else, or the reading
   * finds no other topic or procedure in it ("còn hộ chiếu thì ở đâu" is about passports).
   */
  async function followUpTurn(text: string, result: MatchResult, reading: MessageReading, understanding: Understanding, conversation: Conversation): Promise<Turn | undefined> {
    const topic = recentTopic(conversation);
    if (topic === undefined) return undefined;
    const tokens = result.tokens ?? [];
    const aspect = askedAspect(tokens);
    if (aspect === undefined) return undefined;
    const { decision, scope } = reading;
    const nothingElse = namesNothingElse(tokens);
    // After a report, a report reading asking when ("đèn chừng nào sửa") is about the report filed, not a new one.
    const sameKind = decision.kind === 'answer' && (decision.label === topic.label || (topic.label === REPORT_STATUS_LABEL && aspect === 'time' && decision.label.startsWith('report:')));
    // ... or finds it outside our topics without being sure: "giá vàng hôm nay" (sure) is no question about a fee.
    const unsureOutside = decision.kind === 'answer' && decision.label === OUT_OF_SCOPE_LABEL && decision.score < SCOPE_THRESHOLDS.outOfScope;
    const noOtherReading = (scope.kind === 'ours' || scope.kind === 'not-covered') && (decision.kind !== 'answer' || sameKind || unsureOutside);
    if (!nothingElse && !noOtherReading) return undefined;
    // After a report filed or looked up, "bao lâu thì sửa", "chừng nào có người xuống": its status, no promised time.
    if (topic.label === REPORT_STATUS_LABEL) return REPORT_ASPECTS.has(aspect) ? desk.whenDone(text, conversation) : undefined;
    const entry = entryOf(understanding, topic.label);
    if (entry === undefined) return undefined;
    metrics.decision('answer');
    const reply = answerAspect(entry, placeholders, aspect) ?? answerEntry(entry, placeholders);
    return { replies: [reply], label: topic.label, score: result.score, topic: topic.label };
  }

  /**
   * A message that only says where the resident (or their family) lives. After an answer of ours it tells where they
   * would go: that entry's part on where to do it; after "which of these?", the street report among the options, or the
   * question again. Otherwise it is asked what they need; a report is never opened
   * on a place with no problem named.
   */
  async function placeTurn(text: string, result: MatchResult, understanding: Understanding, message: IncomingMessage, conversation: Conversation, question: OpenQuestion | undefined): Promise<Turn> {
    // Asked "which of these?" with a street report among the options ("nhà em bị ngập": flooding, or disaster
    // support?) and told where: the report, which is what a place is given for, with the words that led to it.
    const report = question?.options.find((o) => o.value.startsWith('report:'));
    if (question !== undefined && report !== undefined) return resolve(report.value, understanding, message, conversation, `${question.text}, ${text}`);
    // ... otherwise the question still stands.
    if (question !== undefined) return { replies: replies.clarify(question.options), pending: question.options, pendingText: question.text, score: result.score };
    const topic = recentTopic(conversation);
    const entry = topic === undefined ? undefined : entryOf(understanding, topic.label);
    if (topic !== undefined && entry !== undefined) {
      metrics.decision('answer');
      return { replies: [answerAspect(entry, placeholders, 'where') ?? answerEntry(entry, placeholders)], label: topic.label, score: result.score, topic: topic.label };
    }
    metrics.decision('not-understood');
    const reply = replies.placeWithoutRequest();
    return { replies: reply, pending: offeredOptions(reply), score: result.score };
  }

  /** Our topic or an official procedure next to it: ask which, ours first (a number or a tap picks one). */
  async function askTurn(text: string, result: MatchResult, scope: Extract<ScopeOutcome, { kind: 'ask' }>, understanding: Understanding, conversation: Conversation): Promise<Turn> {
    const index = deps.catalogue?.();
    const procedures = index ? scope.codes.flatMap((code) => index.procedure(code) ?? []) : [];
    const options = [
      { value: scope.label, title: understanding.titleOf(scope.label) },
      ...procedures.map((p) => ({ value: catalogueChoice(p.code), title: `${p.name} (mã ${p.code})`, short: `${p.code} ${p.name.slice(0, 40)}` })),
    ];
    metrics.decision('clarify');
    await deps.unanswered.record({ conversationId: conversation.id, channel: conversation.channel, text, reason: 'clarified', bestLabel: scope.label, bestScore: result.score });
    return { replies: replies.clarify(options), pending: options, pendingText: text, label: scope.label, score: result.score };
  }

  /**
   * Not one of our topics: the closest official procedures of the catalogue (a number gives one's details), or
   * an honest "not covered". Logged for staff either way: what residents ask and we lack is what to write next.
   */
  async function outsideTurn(text: string, result: MatchResult, scope: Exclude<ScopeOutcome, { kind: 'ours' } | { kind: 'ask' }>, conversation: Conversation, aside: boolean): Promise<Turn> {
    await deps.unanswered.record({
      conversationId: conversation.id,
      channel: conversation.channel,
      text,
      reason: scope.kind === 'catalogue' ? 'catalogue' : 'out-of-scope',
      bestLabel: scope.kind === 'catalogue' ? CATALOGUE_PREFIX + (scope.codes[0] ?? '') : result.label,
      bestScore: result.score,
    });
    const index = deps.catalogue?.();
    const procedures = scope.kind === 'catalogue' && index ? scope.codes.slice(0, 3).flatMap((code) => index.procedure(code) ?? []) : [];
    metrics.decision(procedures.length === 0 ? 'out-of-scope' : 'catalogue');
    if (procedures.length === 0) return { replies: catalogueReplies.notCovered(), label: OUT_OF_SCOPE_LABEL, score: result.score };
    const label = CATALOGUE_PREFIX + procedures.map((p) => p.code)[0];
    if (aside) return { replies: catalogueReplies.listed(procedures), label, score: result.score };
    const offer = catalogueReplies.offer(procedures);
    return { replies: offer, pending: offeredOptions(offer), label, score: result.score };
  }

  /** The message as the report flow reads it; a digit answering offered options becomes that option. */
  function flowInput(message: IncomingMessage, pending: readonly ChoiceOption[] | undefined): FlowInput | undefined {
    switch (message.kind) {
      case 'text': {
        const picked = OPTION_NUMBER.exec(foldKey(message.text));
        const option = picked && pending ? pending[Number(picked[1]) - 1] : undefined;
        return option ? { kind: 'choice', value: option.value } : { kind: 'text', text: cleanText(message.text) };
      }
      case 'choice': return { kind: 'choice', value: message.value };
      case 'location': return { kind: 'location', point: { latitude: message.latitude, longitude: message.longitude } };
      case 'image': return { kind: 'image', url: message.url };
      default: return undefined;
    }
  }

  async function turnFor(message: IncomingMessage, conversation: Conversation, understanding: Understanding): Promise<Turn> {
    // Asking to delete one's data (or declining to) comes before anything else, a held conversation included.
    const privacy = deps.personalData?.turn(message, conversation);
    if (privacy !== undefined) return privacy;
    const offered = conversation.state.pending;
    const live = offered && now().getTime() - Date.parse(offered.askedAt) <= PENDING_LIFETIME_MS ? offered : undefined;
    const pending = live?.options;
    const draft = conversation.state.report;

    // Matched once here: danger to life interrupts anything, but swallows nothing (see emergencyTurn).
    const result = message.kind === 'text' ? understanding.matcher.match(cleanText(message.text)) : undefined;
    // An operator holds the conversation: the bot stays quiet (the message is still logged for the operator),
    // except for the emergency numbers; a report the message may also be is the operator's to take up.
    const held = await deps.handoffs?.isHeld(conversation.id);
    const decision = result && decide(result);
    if (decision && decidedLabel(decision) === EMERGENCY_LABEL) {
      if (held) return { replies: replies.emergency(), label: EMERGENCY_LABEL };
      return (result && !desk.isActive(draft) ? await reportWhenNotEmergency(message, result, conversation) : undefined) ?? emergencyTurn(message, conversation, understanding, draft);
    }
    if (held) return { replies: [] };
    const picked = live?.text === undefined ? undefined : flowInput(message, pending);
    if (picked?.kind === 'choice' && pending?.some((o) => o.value === picked.value)) await deps.unanswered.picked(conversation.id, live?.text ?? '');
    if (desk.isActive(draft)) {
      const input = flowInput(message, pending);
      // A question about a procedure sent where the report waits for a commune, a photo or a yes ("đăng ký kết hôn
      // cần giấy tờ gì", "thủ tục đăng ký tàu cá" had been searched for as a commune's name): answered (ours, or the
      // closest official procedures listed), then the step asked again, the draft kept.
      if (input?.kind === 'text' && result && decision && desk.mayBeAside(draft, input.text)) {
        // Read once here and handed on: a confident topic of ours, or a catalogue procedure the message is about.
        const reading = readMessage(input.text, result, deps.catalogue?.());
        // ... or a question about something neither holds ("xin giấy phép karaoke ở đâu?" at the confirmation had the
        // summary shown again with no word about it): told so honestly, without the out-of-scope menu's numbers.
        const unplaced = reading.scope.kind !== 'catalogue' && (reading.scope.kind === 'not-covered' || (decision.kind === 'answer' && decision.label === OUT_OF_SCOPE_LABEL)) && asksSomething(input.text);
        if (isOurTopic(decision) || reading.scope.kind === 'catalogue' || unplaced) {
          const answered = unplaced
            ? await outsideTurn(input.text, result, { kind: 'not-covered' }, conversation, true)
            : await understand(input.text, result, understanding, message, conversation, true, reading);
          const reminder = await desk.remindAfterQuestion(draft, message, conversation);
          // The step's own options are what a digit picks next (the answer's, if any, are not shown last).
          return { ...answered, ...reminder, label: answered.label, score: answered.score, pending: reminder.pending, pendingText: undefined, replies: [...answered.replies, ...reminder.replies] };
        }
      }
      if (input && !(input.kind === 'text' && input.text === '')) return desk.continue(draft, input, message, conversation);
    }
    const turn = await freshTurn(message, conversation, understanding, pending, result, live?.text);
    if (desk.isStale(draft)) return { ...turn, replies: [...replies.reportDraftExpired(), ...turn.replies], draft: turn.draft ?? null };
    return turn;
  }

  /**
   * "khi nào có người xuống" a moment after filing a report: the model reads an emergency in "có người xuống" (people
   * falling into water), but no danger is named (the rules did not fire) and it asks when, about the report just
   * filed or looked up. Its status then, with the emergency numbers in one line after it: never less than a pointer.
   */
  async function reportWhenNotEmergency(message: IncomingMessage, result: MatchResult, conversation: Conversation): Promise<Turn | undefined> {
    if (result.rule === true || message.kind !== 'text' || recentTopic(conversation)?.label !== REPORT_STATUS_LABEL) return undefined;
    if (askedAspect(result.tokens ?? []) !== 'time') return undefined;
    const status = await desk.whenDone(message.text, conversation);
    return { ...status, replies: [...status.replies, ...replies.emergencyLine()] };
  }

  /**
   * The emergency numbers first, and the report the message also is (or was being written) kept: a draft in
   * progress asks its step again; a message that reads as a report once its danger words are set aside opens one.
   */
  async function emergencyTurn(message: IncomingMessage, conversation: Conversation, understanding: Understanding, draft: ReportDraft | undefined): Promise<Turn> {
    const urgent = { replies: replies.emergency(), label: EMERGENCY_LABEL };
    if (desk.isActive(draft)) {
      const reminder = await desk.remind(draft, message, conversation);
      return { ...reminder, ...urgent, replies: [...urgent.replies, ...reminder.replies] };
    }
    if (message.kind !== 'text') return urgent;
    const text = cleanText(message.text);
    const rest = reportWordsBesideDanger(withoutDanger(foldKey(text)));
    const decision = rest === undefined ? undefined : decide(understanding.matcher.match(rest));
    if (decision?.kind === 'answer' && decision.label.startsWith('report:')) {
      const started = await desk.start(decision.label.slice('report:'.length), text, message, conversation, conversation.state.attachments);
      return { ...started, ...urgent, replies: [...urgent.replies, ...started.replies] };
    }
    const reports = decision?.kind === 'clarify' ? decision.options.filter((o) => o.label.startsWith('report:')) : [];
    if (reports.length === 0) return urgent;
    const options = reports.map((o) => ({ value: o.label, title: understanding.titleOf(o.label) }));
    return { ...urgent, replies: [...urgent.replies, ...replies.reportAfterEmergency(options)], pending: options, pendingText: text };
  }

  async function freshTurn(
    message: IncomingMessage,
    conversation: Conversation,
    understanding: Understanding,
    pending: readonly ChoiceOption[] | undefined,
    result: MatchResult | undefined,
    pendingText: string | undefined,
  ): Promise<Turn> {
    switch (message.kind) {
      case 'follow':
        return resolve('intent:greeting', understanding, message, conversation);
      case 'unfollow':
        return { replies: [] };
      case 'choice':
        // A tap on an option of a clarification carries the words that led to it (a report starts with them).
        return resolve(message.value, understanding, message, conversation, pending?.some((o) => o.value === message.value) ? pendingText : undefined);
      case 'location':
      case 'image':
        return desk.attachmentOnly(message, conversation.state.attachments);
      case 'text': {
        const text = cleanText(message.text);
        if (text === '') return { replies: replies.emptyMessage() };
        const picked = OPTION_NUMBER.exec(foldKey(text));
        if (pending && picked) {
          const option = pending[Number(picked[1]) - 1];
          if (option) return resolve(option.value, understanding, message, conversation, pendingText);
          return { replies: replies.pickANumber(pending), pending };
        }
        // "thôi khỏi" after asking for a person: the request is withdrawn while no operator has taken it (staff would
        // otherwise answer someone who no longer waits), instead of a goodbye that left it in the queue. With nothing
        // to take back, a goodbye: alone, "hủy" had been offered "Tiêu hủy biên lai", "bỏ" a complaint about a desk.
        if (takesBack(result?.tokens ?? [])) {
          if (deps.handoffs && (await deps.handoffs.withdraw(conversation.id))) return { replies: replies.handoffWithdrawn(), label: 'intent:human' };
          return { replies: replies.goodbye(), label: 'intent:goodbye' };
        }
        const question = pending && pendingText !== undefined ? { text: pendingText, options: pending } : undefined;
        return understand(text, result ?? understanding.matcher.match(text), understanding, message, conversation, false, undefined, question);
      }
    }
  }

  function nextState(previous: ConversationState, turn: Turn): ConversationState {
    const draft = turn.draft === undefined ? previous.report : turn.draft ?? undefined;
    const attachments = turn.attachments === undefined ? previous.attachments : turn.attachments ?? undefined;
    const lastLabel = turn.label ?? previous.lastLabel;
    const topic = turn.topic === undefined ? previous.topic : { label: turn.topic, at: now().toISOString() };
    return {
      ...(turn.pending ? { pending: { options: turn.pending, askedAt: now().toISOString(), ...(turn.pendingText ? { text: turn.pendingText } : {}) } } : {}),
      ...(lastLabel ? { lastLabel } : {}),
      ...(topic ? { topic } : {}),
      ...(draft ? { report: draft } : {}),
      ...(attachments ? { attachments } : {}),
    };
  }

  /**
   * Two messages of one resident never lose an update. In this process they are taken one at a time, so the
   * second turn reads what the first one saved and nothing a turn does (a report filed, a question logged) is
   * done twice. Another instance can still save the conversation while a turn runs: the save then reports a
   * conflict, and the turn is worked out again, once, from the state that instance saved. A second conflict
   * throws, leaving the message unhandled in the inbox for a later attempt rather than overwriting an update.
   */
  const serially = oneAtATime();

  async function handleNow(message: IncomingMessage): Promise<Reply[]> {
    const understanding = deps.understanding();
    metrics.message(message.channel);
    let conversation = await deps.conversations.load(message.channel, message.userId);
    // A confirmed deletion: everything kept about the conversation goes, this message included, and nothing
    // of this turn is saved or logged afterwards (the answer is only sent).
    if (deps.personalData?.confirms(message, conversation)) return deps.personalData.erase(conversation);
    const incomingText = message.kind === 'text' ? message.text.slice(0, MAX_TEXT_LENGTH) : message.kind === 'choice' ? message.value : `[${message.kind}]`;
    let turn = await turnFor(message, conversation, understanding);
    if ((await deps.conversations.save(conversation, nextState(conversation.state, turn), turn.needsStaff)) === 'conflict') {
      conversation = await deps.conversations.load(message.channel, message.userId);
      turn = await turnFor(message, conversation, understanding);
      const again = await deps.conversations.save(conversation, nextState(conversation.state, turn), turn.needsStaff);
      if (again === 'conflict') throw new ConversationConflictError(conversation.id);
    }
    // The message and its replies in one statement, once the turn is saved: a turn that fails logs nothing, so a
    // retry does not log the message twice.
    await deps.conversations.log([
      { conversationId: conversation.id, direction: 'in', kind: message.kind, text: incomingText },
      ...turn.replies.map((reply) => ({ conversationId: conversation.id, direction: 'out' as const, kind: reply.kind, text: reply.text, label: turn.label, score: turn.score })),
    ]);
    return turn.replies;
  }

  return {
    // channel and user id name the conversation before its row is read; channel ids contain no ':'.
    handle: (message) => serially(`${message.channel}:${message.userId}`, () => handleNow(message)),
  };
}
