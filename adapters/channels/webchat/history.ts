import type { ChoiceOption, Reply } from '../../../bot/types.ts';
import type { MailboxItem } from './mailbox.ts';

/** One bubble as the page draws it. */
export interface Bubble {
  readonly from: 'resident' | 'bot';
  readonly text: string;
  readonly at: string;
  readonly url?: string;
  /** Buttons: only on the latest bot message, the only one whose options the bot still acts on. */
  readonly options?: readonly ChoiceOption[];
}

/** A message_log row as ConversationStore.transcript() returns it. */
export interface LoggedMessage {
  readonly direction: string;
  readonly kind: string;
  readonly text: string;
  readonly at: string;
}

export interface HistoryInput {
  readonly transcript: readonly LoggedMessage[];
  readonly mailbox: readonly MailboxItem[];
  /** The options the bot still accepts a tap or a digit for (conversation state), when they have not expired. */
  readonly pendingOptions: readonly ChoiceOption[] | undefined;
  /** The title a tapped option showed; the log keeps only its value. */
  readonly choiceTitle: (value: string) => string | undefined;
  readonly limit?: number;
}

const CHOSEN_UNKNOWN = 'Đã chọn một mục';

type Draft = Bubble & { readonly order: number; readonly offered?: readonly ChoiceOption[]; readonly wasChoices: boolean };

/**
 * The conversation as a reloaded page shows it: the logged turns (the bot's answers and the resident's words,
 * a tap shown by its title) merged in time with what arrived in the mailbox (report updates). The page-open
 * event is not shown: the resident never typed it.
 */
export function historyBubbles(input: HistoryInput): Bubble[] {
  const drafts: Draft[] = [];
  let order = 0;
  for (const row of input.transcript) {
    if (row.direction === 'in') {
      if (row.kind === 'follow' || row.kind === 'unfollow') continue;
      const text = row.kind === 'choice' ? input.choiceTitle(row.text) ?? CHOSEN_UNKNOWN : row.text;
      drafts.push({ from: 'resident', text, at: row.at, order: order++, wasChoices: false });
    } else {
      drafts.push({ from: 'bot', text: row.text, at: row.at, order: order++, wasChoices: row.kind === 'choices', ...(row.kind === 'choices' && input.pendingOptions ? { offered: input.pendingOptions } : {}) });
    }
  }
  for (const item of input.mailbox) drafts.push({ ...fromReply(item.reply), at: item.at, order: order++ });

  drafts.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
  const kept = drafts.slice(-(input.limit ?? 60));
  const lastBot = kept.findLastIndex((d) => d.from === 'bot');
  return kept.map((d, index) => {
    const bubble: Bubble = { from: d.from, text: d.text, at: d.at, ...(d.url ? { url: d.url } : {}) };
    return index === lastBot && d.wasChoices && d.offered ? { ...bubble, options: d.offered } : bubble;
  });
}

function fromReply(reply: Reply): Omit<Draft, 'at' | 'order'> {
  switch (reply.kind) {
    case 'link': return { from: 'bot', text: reply.text, url: reply.url, wasChoices: false };
    case 'choices': return { from: 'bot', text: reply.text, wasChoices: true, offered: reply.options };
    default: return { from: 'bot', text: reply.text, wasChoices: false };
  }
}
