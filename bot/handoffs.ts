import type { ChannelId } from './types.ts';

/**
 * The hand-off queue's port: residents who asked for a person ("Cho tôi gặp cán bộ", the menu's "Gặp cán bộ").
 * `waiting` until an operator takes it, `held` while one does (the bot stays quiet then, emergencies aside),
 * `closed` once handed back to the bot. Implemented with Kysely in adapters/storage/handoff-store.ts.
 */
export type HandoffStatus = 'waiting' | 'held' | 'closed';

export interface Handoff {
  readonly id: string;
  /** Opaque conversation id: never a phone number or chat id. */
  readonly conversationId: string;
  readonly channel: ChannelId;
  readonly status: HandoffStatus;
  readonly requestedAt: string;
  /** Asked outside the desk's hours: the resident was told when it opens. */
  readonly outOfHours: boolean;
  readonly takenAt: string | null;
  readonly takenBy: string | null;
  readonly firstReplyAt: string | null;
  /** Seconds from the request to the first staff reply (the dashboard charts it). */
  readonly firstReplySeconds: number | null;
  readonly replies: number;
  /** When the resident was told no one had taken it within the set time. */
  readonly noticeAt: string | null;
  readonly closedAt: string | null;
  readonly closedBy: string | null;
}

export interface HandoffStore {
  /** Opens a hand-off unless the conversation has one open; returns the open one either way. */
  open(request: { conversationId: string; channel: ChannelId; at: Date; outOfHours: boolean }): Promise<{ handoff: Handoff; created: boolean }>;
  get(id: string): Promise<Handoff | undefined>;
  openFor(conversationId: string): Promise<Handoff | undefined>;
  /** Open ones (waiting first, oldest first), or the most recently closed. */
  list(filter: { status: 'open' | 'closed'; limit?: number }): Promise<Handoff[]>;
  countWaiting(): Promise<number>;
  /** waiting/held → held by `actor`; false when it is closed. */
  take(id: string, actor: string, at: Date): Promise<boolean>;
  /** Counts a staff reply; the first one stamps the time to first reply. */
  recordReply(id: string, at: Date): Promise<void>;
  /** Closes it and lowers the conversation's "needs staff" flag; false when it was already closed. */
  close(id: string, actor: string, at: Date): Promise<boolean>;
  /** Waiting ones not yet told they wait, requested at or before `before`. */
  waitingUnnoticed(before: Date, limit: number): Promise<Handoff[]>;
  /** Who the conversation's messages go to (the channel-scoped id stays inside the delivery path, never shown). */
  recipient(conversationId: string): Promise<{ channel: ChannelId; userId: string } | undefined>;
  /** Stamps the not-taken notice once; false when another pass (or instance) already did. */
  markNoticed(id: string, at: Date): Promise<boolean>;
}
