import type { ChannelAdapter } from './ports/channel.ts';
import type { NewOutboxItem, Outbox } from './outbox.ts';
import type { Reply } from './types.ts';

/** Who a message goes to: the conversation, the provider it is sent through and the resident's id there. */
export interface Recipient {
  readonly conversationId: string;
  readonly provider: string;
  readonly userId: string;
}

/**
 * Renders `replies` for the recipient's channel and stores them in the outbox, keyed `${key}:${index}` (the same
 * message enqueued again is stored once). The number newly queued; the caller kicks the worker.
 */
export async function queueReplies(outbox: Outbox, adapter: ChannelAdapter, replies: readonly Reply[], to: Recipient, key: string): Promise<number> {
  const items: NewOutboxItem[] = replies.flatMap((reply) => adapter.render(reply)).map((payload, index) => ({
    key: `${key}:${index}`,
    conversationId: to.conversationId,
    provider: to.provider,
    userId: to.userId,
    payload,
  }));
  return outbox.enqueue(items);
}
