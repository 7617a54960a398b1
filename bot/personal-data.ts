import { foldKey } from '../intents/fold.ts';
import type { Conversation } from './conversation-store.ts';
import { PENDING_LIFETIME_MS } from './handle.ts';
import { ERASE_CONFIRM, ERASE_KEEP, privacyReplies } from './personal-data-replies.ts';
import { offeredOptions, type Turn } from './turn.ts';
import type { IncomingMessage, Reply } from './types.ts';

/**
 * A resident's right to have their data deleted (Decree 13/2023/NĐ-CP, art. 16): "XOA DU LIEU" on any channel,
 * explained and confirmed before anything goes. Reports stay (they are a public record and may concern others)
 * but are anonymised. The deletion itself is the store's; this file decides when and says what was done.
 */

/** How many rows of each kind one deletion removed or anonymised (what the resident is told). */
export interface ErasureCounts {
  readonly messages: number;
  readonly unanswered: number;
  readonly subscriptions: number;
  readonly reports: number;
  readonly mailbox: number;
  readonly pages: number;
  readonly outbox: number;
  readonly handoffs: number;
}

/** Who is being forgotten: the conversation's opaque id and the channel's own id for the resident. */
export interface ErasureSubject {
  readonly conversationId: string;
  readonly channel: string;
  readonly userId: string;
}

/**
 * The store's side. Several single statements, each idempotent, so it runs alike on SQLite, PostgreSQL and D1
 * (no interactive transactions): a failure half-way leaves nothing inconsistent, and asking again finishes it.
 */
export interface PersonalDataStore {
  /** `redact` hides contact details in report descriptions (bot/reports/redact-contacts.ts). */
  erase(subject: ErasureSubject, redact: (text: string) => string): Promise<ErasureCounts>;
}

export interface PersonalDataDesk {
  /** The question (for a request) or "nothing deleted" (for a "no"); undefined when the message is neither. */
  turn(message: IncomingMessage, conversation: Conversation): Turn | undefined;
  /** True when the message confirms a deletion the bot asked about within the last half hour. */
  confirms(message: IncomingMessage, conversation: Conversation): boolean;
  /** Deletes and says what was done. */
  erase(conversation: Conversation): Promise<Reply[]>;
}

// The request as a whole message (folded): "xóa dữ liệu", "XOA DU LIEU CUA TOI", "tôi muốn xoá hết dữ liệu cá
// nhân"... Anchored, so a question that merely mentions deleting data ("xóa dữ liệu hộ khẩu thế nào") is a question.
const REQUEST = /^(?:(?:toi|em|minh) )?(?:(?:muon|can|xin|yeu cau|vui long|hay|cho) )*xoa (?:het |toan bo |tat ca )?(?:du lieu|thong tin)(?: ca nhan)?(?: cua (?:toi|em|minh|tui))?$/;
const CONFIRM = /^(?:xac nhan xoa(?: du lieu)?|dong y xoa(?: du lieu)?)$/;
const DIGIT = /^(\d{1,2})$/;

export function createPersonalDataDesk(deps: {
  readonly store: PersonalDataStore;
  readonly redact: (text: string) => string;
  readonly now?: () => Date;
}): PersonalDataDesk {
  const now = deps.now ?? (() => new Date());

  /** The option the message picks from a live confirmation question, if one was asked. */
  function answer(message: IncomingMessage, conversation: Conversation): string | undefined {
    const pending = conversation.state.pending;
    if (pending === undefined || now().getTime() - Date.parse(pending.askedAt) > PENDING_LIFETIME_MS) return undefined;
    if (!pending.options.some((o) => o.value === ERASE_CONFIRM)) return undefined;
    if (message.kind === 'choice') return message.value === ERASE_CONFIRM || message.value === ERASE_KEEP ? message.value : undefined;
    if (message.kind !== 'text') return undefined;
    const folded = foldKey(message.text);
    if (CONFIRM.test(folded)) return ERASE_CONFIRM;
    const digit = DIGIT.exec(folded);
    return digit ? pending.options[Number(digit[1]) - 1]?.value : undefined;
  }

  function isRequest(message: IncomingMessage): boolean {
    if (message.kind === 'choice') return message.value === ERASE_CONFIRM;
    if (message.kind !== 'text') return false;
    const folded = foldKey(message.text);
    // "XAC NHAN XOA" with no question asked (or asked too long ago) is a request: it gets the question first.
    return REQUEST.test(folded) || CONFIRM.test(folded);
  }

  return {
    turn(message, conversation) {
      const picked = answer(message, conversation);
      if (picked === ERASE_KEEP) return { replies: privacyReplies.kept(), label: 'intent:privacy-keep' };
      if (picked === ERASE_CONFIRM || !isRequest(message)) return undefined;
      const replies = privacyReplies.ask();
      return { replies, pending: offeredOptions(replies), label: 'intent:privacy-erase' };
    },
    confirms: (message, conversation) => answer(message, conversation) === ERASE_CONFIRM,
    async erase(conversation) {
      const counts = await deps.store.erase({ conversationId: conversation.id, channel: conversation.channel, userId: conversation.userId }, deps.redact);
      return privacyReplies.erased(counts);
    },
  };
}
