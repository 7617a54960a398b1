import { decide } from '../intents/decide.ts';
import { foldKey } from '../intents/fold.ts';
import { OUT_OF_SCOPE_LABEL } from '../intents/matcher.ts';
import type { Understanding } from '../knowledge-base/understanding.ts';
import { KB_PREFIX } from '../knowledge-base/types.ts';
import { answerEntry } from './answer-entry.ts';
import type { Conversation, ConversationState, ConversationStore } from './conversation-store.ts';
import { MENU_PREFIX, MENU_SECTIONS } from './menu.ts';
import { createReplies } from './replies.ts';
import type { SiteConfig } from './site-config.ts';
import type { ChoiceOption, IncomingMessage, Reply } from './types.ts';
import type { UnansweredStore } from './unanswered-store.ts';
import { cleanText, MAX_TEXT_LENGTH } from './clean-text.ts';

export interface BotDeps {
  readonly understanding: () => Understanding;
  readonly conversations: ConversationStore;
  readonly unanswered: UnansweredStore;
  readonly site: SiteConfig;
  readonly now?: () => Date;
}

export interface Bot {
  handle(message: IncomingMessage): Promise<Reply[]>;
}

/** What one turn produced: the replies and what to remember for the next turn. */
interface Turn {
  readonly replies: Reply[];
  readonly pending?: readonly ChoiceOption[];
  readonly label?: string;
  readonly score?: number;
  /** The resident asked for a person: staff see the conversation flagged. */
  readonly needsStaff?: boolean;
}

const OPTION_NUMBER = /^(?:so |chon |muc )?(\d{1,2})$/;
/** Options offered longer ago than this are forgotten: a "2" typed tomorrow is a new message, not a pick. */
export const PENDING_LIFETIME_MS = 30 * 60 * 1000;

export function createBot(deps: BotDeps): Bot {
  const replies = createReplies(deps.site);
  const now = deps.now ?? (() => new Date());

  /** Acts on a label or menu value, whether the matcher found it or the resident tapped it. */
  function resolve(value: string, understanding: Understanding): Turn {
    if (value.startsWith(MENU_PREFIX)) {
      const section = MENU_SECTIONS.find((s) => MENU_PREFIX + s.id === value);
      if (section === undefined) return { replies: replies.help() };
      const options = [...understanding.entries.values()]
        .filter((e) => section.groups.includes(e.group))
        .map((e) => ({ value: KB_PREFIX + e.id, title: e.title }));
      return { replies: replies.sectionMenu(section.title, options), pending: options };
    }
    if (value.startsWith(KB_PREFIX)) {
      const entry = understanding.entries.get(value.slice(KB_PREFIX.length));
      return entry === undefined ? { replies: replies.notUnderstood() } : { replies: [answerEntry(entry, deps.site)], label: value };
    }
    if (value.startsWith('report:')) return { replies: replies.reportNotYetOpen(understanding.titleOf(value)), label: value };
    switch (value) {
      case 'intent:greeting': return { replies: replies.greeting(), pending: menuOf(replies.greeting()), label: value };
      case 'intent:help': return { replies: replies.help(), pending: menuOf(replies.help()), label: value };
      case 'intent:thanks': return { replies: replies.thanks(), label: value };
      case 'intent:goodbye': return { replies: replies.goodbye(), label: value };
      case 'intent:emergency': return { replies: replies.emergency(), label: value };
      case 'intent:report-status': return { replies: replies.reportStatusNotYetOpen(), label: value };
      case 'intent:human': return { replies: replies.human(), label: value, needsStaff: true };
      case OUT_OF_SCOPE_LABEL: return { replies: replies.outOfScope(), pending: menuOf(replies.outOfScope()), label: value };
      default: return { replies: replies.notUnderstood(), pending: menuOf(replies.notUnderstood()) };
    }
  }

  async function understand(text: string, conversation: Conversation, understanding: Understanding): Promise<Turn> {
    const result = understanding.matcher.match(text);
    const decision = decide(result);
    if (decision.kind === 'clarify') {
      const options = decision.options.map((o) => ({ value: o.label, title: understanding.titleOf(o.label) }));
      return { replies: replies.clarify(options), pending: options, label: result.label, score: result.score };
    }
    if (decision.kind === 'not-understood' || decision.label === OUT_OF_SCOPE_LABEL) {
      await deps.unanswered.record({
        conversationId: conversation.id,
        channel: conversation.channel,
        text,
        reason: decision.kind === 'not-understood' ? 'not-understood' : 'out-of-scope',
        bestLabel: result.label,
        bestScore: result.score,
      });
    }
    const turn = resolve(decision.kind === 'answer' ? decision.label : 'not-understood', understanding);
    return { ...turn, score: result.score };
  }

  async function turnFor(message: IncomingMessage, conversation: Conversation, understanding: Understanding): Promise<Turn> {
    switch (message.kind) {
      case 'follow':
        return resolve('intent:greeting', understanding);
      case 'unfollow':
        return { replies: [] };
      case 'choice':
        return resolve(message.value, understanding);
      case 'location':
      case 'image':
        return { replies: replies.unsupportedMessage() };
      case 'text': {
        const text = cleanText(message.text);
        if (text === '') return { replies: replies.emptyMessage() };
        const offered = conversation.state.pending;
        const pending = offered && now().getTime() - Date.parse(offered.askedAt) <= PENDING_LIFETIME_MS ? offered.options : undefined;
        const picked = OPTION_NUMBER.exec(foldKey(text));
        if (pending && picked) {
          const option = pending[Number(picked[1]) - 1];
          if (option) return resolve(option.value, understanding);
          return { replies: [{ kind: 'choices', text: `Bạn vui lòng chọn một số từ 1 đến ${pending.length}:`, options: pending }], pending };
        }
        return understand(text, conversation, understanding);
      }
    }
  }

  return {
    async handle(message) {
      const understanding = deps.understanding();
      const conversation = await deps.conversations.load(message.channel, message.userId);
      const incomingText = message.kind === 'text' ? message.text.slice(0, MAX_TEXT_LENGTH) : message.kind === 'choice' ? message.value : `[${message.kind}]`;
      await deps.conversations.log({ conversationId: conversation.id, direction: 'in', kind: message.kind, text: incomingText });
      const turn = await turnFor(message, conversation, understanding);
      const state: ConversationState = {
        ...(turn.pending ? { pending: { options: turn.pending, askedAt: now().toISOString() } } : {}),
        ...(turn.label ?? conversation.state.lastLabel ? { lastLabel: turn.label ?? conversation.state.lastLabel } : {}),
      };
      await deps.conversations.save(conversation, state, turn.needsStaff);
      for (const reply of turn.replies) {
        await deps.conversations.log({ conversationId: conversation.id, direction: 'out', kind: reply.kind, text: reply.text, label: turn.label, score: turn.score });
      }
      return turn.replies;
    },
  };
}

function menuOf(replies: readonly Reply[]): readonly ChoiceOption[] | undefined {
  const last = replies[replies.length - 1];
  return last?.kind === 'choices' ? last.options : undefined;
}
