import type { ChannelAdapter, OutboundPayload, RawRequest } from '../adapters/channels/types.ts';
import { smsKeyword } from '../adapters/channels/sms/keywords.ts';
import type { Logger } from '../adapters/http/logger.ts';
import type { ConversationStore } from './conversation-store.ts';
import type { Bot } from './handle.ts';
import type { Inbox } from './inbox.ts';
import type { NewOutboxItem, Outbox } from './outbox.ts';
import type { OutboxWorker } from './outbox-worker.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { Replies } from './replies.ts';
import type { SmsOptOuts } from './sms-opt-outs.ts';
import type { IncomingMessage, Reply } from './types.ts';

export interface PipelineDeps {
  readonly bot: Bot;
  readonly inbox: Inbox;
  readonly outbox: Outbox;
  readonly worker: OutboxWorker;
  readonly conversations: ConversationStore;
  readonly rateLimiter: RateLimiter;
  readonly optOuts: SmsOptOuts;
  readonly replies: Replies;
  readonly logger: Logger;
  /** Runs work after the response is sent: a tracked promise on Node, waitUntil on Workers. */
  readonly defer: (task: () => Promise<void>) => void;
  readonly now?: () => Date;
}

export interface WebhookOutcome {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

const json = (status: number, value: unknown): WebhookOutcome => ({ status, contentType: 'application/json', body: JSON.stringify(value) });

/**
 * verify → parse → accept into the inbox → ack → handle in the background → replies through the outbox.
 * Channels that answer inside the webhook (Twilio) are handled before the response instead.
 */
export function createWebhookPipeline(deps: PipelineDeps) {
  const now = deps.now ?? (() => new Date());

  async function repliesFor(message: IncomingMessage, provider: string): Promise<Reply[]> {
    const decision = await deps.rateLimiter.check(`${provider}:${message.userId}`);
    if (decision === 'drop') return [];
    if (decision === 'notify') return deps.replies.rateLimited();
    if (message.channel === 'sms' && message.kind === 'text') {
      const keyword = smsKeyword(message.text);
      // "HỦY" in the middle of writing a report cancels the report, not the SMS notices.
      const writingReport = keyword === 'stop' && (await deps.conversations.load(message.channel, message.userId)).state.report !== undefined;
      if (keyword === 'stop' && !writingReport) {
        await deps.optOuts.optOut(message.userId);
        return deps.replies.smsStopped();
      }
      else if (keyword === 'start') {
        await deps.optOuts.optIn(message.userId);
        return deps.replies.smsStarted();
      }
      else if (keyword === 'help') return deps.replies.smsHelp();
    }
    return deps.bot.handle(message);
  }

  /** Handles one accepted message; its replies are stored in the outbox before anything is sent. */
  async function handle(message: IncomingMessage, provider: string, adapter: ChannelAdapter, status: 'pending' | 'sent' = 'pending'): Promise<OutboundPayload[]> {
    const payloads = (await repliesFor(message, provider)).flatMap((reply) => adapter.render(reply));
    const conversationId = await deps.conversations.idFor(message.channel, message.userId);
    const items: NewOutboxItem[] = payloads.map((payload, index) => ({
      key: `${provider}:${message.messageId}:${index}`,
      conversationId,
      provider,
      userId: message.userId,
      replyTo: message.messageId,
      payload,
    }));
    await deps.outbox.enqueue(items, status);
    await deps.inbox.markHandled(message);
    return payloads;
  }

  async function receive(provider: string, adapter: ChannelAdapter, raw: RawRequest): Promise<WebhookOutcome> {
    const verified = await adapter.verify(raw, now());
    if (!verified.ok) {
      deps.logger.info('webhook.refused', { provider, status: verified.status });
      return json(verified.status, { error: verified.reason });
    }
    const parsed = adapter.parse(raw, now());
    if (!parsed.ok) {
      deps.logger.info('webhook.unreadable', { provider, status: parsed.status });
      return json(parsed.status, { error: parsed.reason });
    }
    const fresh: IncomingMessage[] = [];
    for (const message of parsed.messages) {
      const conversationId = await deps.conversations.idFor(message.channel, message.userId);
      if (!(await deps.inbox.accept(message, provider, conversationId))) continue;
      await deps.conversations.recordInbound(message.channel, message.userId, provider, message.receivedAt);
      fresh.push(message);
    }
    deps.logger.info('webhook.accepted', { provider, messages: fresh.length, repeats: parsed.messages.length - fresh.length, ignored: parsed.ignored });

    if (adapter.inlineResponse) {
      const payloads: OutboundPayload[] = [];
      for (const message of fresh) payloads.push(...(await handle(message, provider, adapter, 'sent')));
      const response = adapter.inlineResponse(payloads);
      return { status: 200, ...response };
    }
    if (fresh.length > 0) {
      deps.defer(async () => {
        for (const message of fresh) {
          try {
            await handle(message, provider, adapter);
          } catch (error) {
            // Left unhandled in the inbox: recover() picks it up after a restart.
            deps.logger.error('webhook.handle-failed', { provider, error: error instanceof Error ? error.name : 'unknown' });
          }
        }
        deps.worker.kick();
      });
    }
    return parsed.ack ? { status: 200, ...parsed.ack } : json(200, { ok: true });
  }

  /** Handles messages a previous process accepted but did not finish (it stopped between ack and reply). */
  async function recover(adapters: ReadonlyMap<string, ChannelAdapter>, olderThanMs = 60_000): Promise<number> {
    let recovered = 0;
    for (const { message, provider } of await deps.inbox.unhandled(new Date(now().getTime() - olderThanMs))) {
      const adapter = adapters.get(provider);
      if (adapter === undefined) continue;
      await handle(message, provider, adapter);
      recovered++;
    }
    if (recovered > 0) deps.worker.kick();
    return recovered;
  }

  return { receive, recover };
}

export type WebhookPipeline = ReturnType<typeof createWebhookPipeline>;
