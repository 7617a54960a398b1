import type { ReportDraft } from './reports/flow.ts';
import type { Attachments } from './turn.ts';
import type { ChannelId, ChoiceOption } from './types.ts';

/** What the bot remembers between turns; kept in the database so any instance can continue a conversation. */
export interface ConversationState {
  /** Options the resident was just offered: a reply "2" or a tap picks one. */
  readonly pending?: {
    readonly options: readonly ChoiceOption[];
    readonly askedAt: string;
    /** The message that led to these options (a clarification): a report picked from them starts with it. */
    readonly text?: string;
  };
  readonly lastLabel?: string;
  /** The knowledge-base entry last answered, and when: a short question soon after is about it (follow-up.ts). */
  readonly topic?: { readonly label: string; readonly at: string };
  /** A field report being written over several messages. */
  readonly report?: ReportDraft;
  /** A photo or location sent before any report was started. */
  readonly attachments?: Attachments;
}

export interface Conversation {
  readonly id: string;
  readonly channel: ChannelId;
  readonly userId: string;
  readonly state: ConversationState;
  readonly needsStaff: boolean;
  /** The row's version when it was loaded; `save` writes only over this version. */
  readonly version: number;
}

/** `conflict`: another turn saved the conversation since it was loaded, and nothing was written. */
export type SaveOutcome = 'saved' | 'conflict';

/** A turn found its conversation changed under it twice running: the message is left for a later attempt. */
export class ConversationConflictError extends Error {
  constructor(readonly conversationId: string) {
    super(`conversation ${conversationId} was saved by another turn twice while this message was handled`);
    this.name = 'ConversationConflictError';
  }
}

export interface ConversationStore {
  /** The conversation's opaque id, created on first contact (the same id for the same channel and user, always). */
  idFor(channel: ChannelId, userId: string): Promise<string>;
  load(channel: ChannelId, userId: string): Promise<Conversation>;
  /**
   * Stores the state for the next turn if the conversation is still at the version it was loaded with (compare
   * and set, one statement: no transaction needed, so it works on D1 too); `needsStaff` raises the flag staff
   * see (only staff lower it).
   */
  save(conversation: Conversation, state: ConversationState, needsStaff?: boolean): Promise<SaveOutcome>;
  /** Remembers when and through which provider the resident last wrote (reply windows, proactive messages). */
  recordInbound(channel: ChannelId, userId: string, provider: string, at: Date): Promise<void>;
  lastInbound(conversationId: string): Promise<{ provider: string | null; at: Date | null } | undefined>;
  /** The conversation's messages, oldest first (staff read it beside a report). */
  transcript(conversationId: string, limit?: number): Promise<Array<{ direction: string; kind: string; text: string; label: string | null; at: string }>>;
  /** Appends to the transcript; several entries (a turn's message and its replies) go in one statement. */
  log(entry: LogEntry | readonly LogEntry[]): Promise<void>;
}

export interface LogEntry {
  readonly conversationId: string;
  readonly direction: 'in' | 'out';
  readonly kind: string;
  readonly text: string;
  readonly label?: string;
  readonly score?: number;
}
