import type { Reply } from '../../../bot/types.ts';

/** One message waiting for (or already fetched by) the web chat page. */
export interface MailboxItem {
  /**
   * 1, 2, 3... per resident, each visible only once every smaller one is (even with several instances writing):
   * the page polls "after" the last one it showed. Starts again at 1 after the resident's data is erased.
   */
  readonly seq: number;
  readonly reply: Reply;
  readonly at: string;
}

/**
 * Where messages the bot sends on its own (a report's status change...) wait for the web chat page, which
 * cannot be pushed to: the outbox "sends" into it, the page polls it. Implemented in adapters/storage.
 */
export interface WebChatMailbox {
  /**
   * Leaves a reply; its number. `deliveryKey` (the same for every attempt to send one outbox message): a second put
   * with it returns the first one's number and adds nothing, so a resend after an unrecorded outcome shows once.
   */
  put(userId: string, reply: Reply, deliveryKey?: string): Promise<number>;
  /** Messages after `seq`, oldest first; marks them fetched (delivered). */
  fetchAfter(userId: string, seq: number, limit?: number): Promise<MailboxItem[]>;
  /** The latest messages, oldest first, for the history a reloaded page shows; also marks them fetched. */
  latest(userId: string, limit?: number): Promise<MailboxItem[]>;
}
