import type { Reply } from '../../../bot/types.ts';
import type { ChannelAdapter, OutboundPayload } from '../../../bot/ports/channel.ts';
import type { WebChatMailbox } from './mailbox.ts';

/** The web chat as an outbox channel: "sending" leaves the reply in the page's mailbox, which the page polls. */
export function createWebChatAdapter(mailbox: WebChatMailbox): ChannelAdapter {
  return {
    id: 'webchat',
    // The page shows replies as the bot wrote them: buttons and links, no length limit to split at.
    capabilities: { maxTextLength: 100_000, buttons: true, location: false, images: false },
    // Residents write through POST /api/chat; nothing may arrive here as a webhook.
    verify: async () => ({ ok: false, status: 403, reason: 'the web chat has no webhook; the page posts to /api/chat' }),
    parse: () => ({ ok: false, status: 400, reason: 'the web chat has no webhook; the page posts to /api/chat' }),
    render: (reply: Reply): OutboundPayload[] => [{ body: { reply } }],
    async send(target, payload) {
      const reply = payload.body.reply as Reply | undefined;
      if (reply === undefined || typeof reply !== 'object') return { ok: false, retryable: false, reason: 'not a web chat payload (no reply)' };
      try {
        const seq = await mailbox.put(target.userId, reply, target.idempotencyKey);
        return { ok: true, providerMessageId: `webchat-${seq}` };
      } catch (error) {
        // A busy or briefly unavailable database: the outbox tries again later.
        return { ok: false, retryable: true, reason: `mailbox write failed: ${error instanceof Error ? error.name : 'unknown'}` };
      }
    },
  };
}
