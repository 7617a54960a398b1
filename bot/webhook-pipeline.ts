import type { ChannelAdapter, OutboundPayload, RawRequest } from './ports/channel.ts';
import { acceptFirst, DEFAULT_HANDLE_LONGEST_WAIT_MS, DEFAULT_HANDLE_QUIET_MS } from './accept-first.ts';
import { handlingQueue } from './handling-queue.ts';
import { yieldToIo } from './after-pending-io.ts';
import { isNextPageDigit, NOTHING_MORE, smsKeyword } from './sms-keywords.ts';
import { takesBack } from './withdraw-words.ts';
import { foldKey } from '../intents/fold.ts';
import type { Logger } from './ports/logger.ts';
import type { ContinuationStore } from './continuation-store.ts';
import type { ConversationStore } from './conversation-store.ts';
import { PENDING_LIFETIME_MS, type Bot } from './handle.ts';
import type { Claimed, Inbox } from './inbox.ts';
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
  /** Pages held for channels that page long replies (SMS); without it they get one cut message as before. */
  readonly continuations?: ContinuationStore;
  readonly logger: Logger;
  /**
   * Attempts at handling one message (INBOX_MAX_ATTEMPTS, 5): past them it is given up (a message that makes the
   * handler fail every time would otherwise be retried every lease, forever), the resident gets an apology with
   * the hotline through the outbox, and staff see it (GET /api/staff/inbox?status=failed).
   */
  readonly maxAttempts?: number;
  /** Messages handled at once after their 200 (the rest wait their turn behind new webhooks); 2 unless set. */
  readonly handleConcurrency?: number;
  /**
   * Accepted messages waiting in memory to be handled (HANDLE_QUEUE_LIMIT, 10,000); past it, a flood's overflow is
   * handled by the recovery pass once its lease runs out (handling-queue.ts).
   */
  readonly handleQueueLimit?: number;
  /**
   * How long receiving must have been quiet before a message is handled (HANDLE_QUIET_MS, 2), and the longest a
   * message waits for that before it is handled anyway (HANDLE_LONGEST_WAIT_MS, 50): acknowledging comes first
   * (accept-first.ts).
   */
  readonly handleWhenQuietMs?: number;
  readonly handleLongestWaitMs?: number;
  /**
   * The inbox lease (INBOX_LEASE_MS): a message still waiting for its turn when most of it has passed is left to
   * the recovery pass, which claims it once the lease runs out, so it is never handled twice.
   */
  readonly inboxLeaseMs?: number;
  /**
   * Providers with a reply window (Zalo): messages held for a resident outside it (outbox-worker.ts) go out when
   * that resident writes again, before the reply to what they wrote.
   */
  readonly heldUntilResidentWrites?: ReadonlySet<string>;
  /** Runs work after the response is sent: a tracked promise on Node, waitUntil on Workers. */
  readonly defer: (task: () => Promise<void>) => void;
  readonly now?: () => Date;
}

export const DEFAULT_INBOX_MAX_ATTEMPTS = 5;
export const DEFAULT_HANDLE_QUEUE_LIMIT = 10_000;

/** An accepted message waiting to be handled in this process, and the call that tells its request it is done. */
interface HandlingJob {
  readonly message: IncomingMessage;
  readonly provider: string;
  readonly adapter: ChannelAdapter;
  readonly conversationId: string;
  readonly acceptedAt: number;
  /** Called once the job is over; true when it was run (it may have queued replies), false when it was not taken. */
  readonly done: (handled: boolean) => void;
}

export interface WebhookOutcome {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

const json = (status: number, value: unknown): WebhookOutcome => ({ status, contentType: 'application/json', body: JSON.stringify(value) });

/** What a message gets: replies to render, or the next page held back from an earlier reply (SMS "THEM", "0"). */
type Answer = { readonly replies: readonly Reply[] } | { readonly page: OutboundPayload };

/**
 * verify → parse → accept into the inbox → ack → handle in the background → replies through the outbox.
 * Channels that answer inside the webhook (Twilio) are handled before the response instead.
 */
export function createWebhookPipeline(deps: PipelineDeps) {
  const now = deps.now ?? (() => new Date());
  const maxAttempts = deps.maxAttempts ?? DEFAULT_INBOX_MAX_ATTEMPTS;
  const receiving = acceptFirst({ quietMs: deps.handleWhenQuietMs ?? DEFAULT_HANDLE_QUIET_MS, longestWaitMs: deps.handleLongestWaitMs ?? DEFAULT_HANDLE_LONGEST_WAIT_MS });
  const stillOursMs = (deps.inboxLeaseMs ?? 30_000) * 0.8;
  const waiting = handlingQueue<HandlingJob>({
    concurrency: deps.handleConcurrency ?? 2,
    capacity: deps.handleQueueLimit ?? DEFAULT_HANDLE_QUEUE_LIMIT,
    ready: receiving.quiet,
    async run({ message, provider, adapter, conversationId, acceptedAt, done }) {
      try {
        // Waited so long that the lease is nearly out: the recovery pass takes it (claimed once), not us.
        if (Date.now() - acceptedAt <= stillOursMs) await handle(message, provider, adapter, conversationId);
      } catch (error) {
        // Left unhandled in the inbox: a recovery pass picks it up when its lease runs out.
        deps.logger.error('webhook.handle-failed', { provider, error: error instanceof Error ? error.name : 'unknown' });
      } finally {
        done(true);
      }
    },
  });

  async function answerFor(message: IncomingMessage, provider: string, conversationId: string, paged: boolean): Promise<Answer> {
    const decision = await deps.rateLimiter.check(`${provider}:${message.userId}`);
    if (decision === 'drop') return { replies: [] };
    if (decision === 'notify') return { replies: deps.replies.rateLimited() };
    if (message.channel === 'sms' && message.kind === 'text') {
      const keyword = smsKeyword(message.text);
      if (paged && deps.continuations && (keyword === 'more' || isNextPageDigit(message.text))) {
        // Held pages live as long as the options they may list: a digit on page 2 must still pick from them.
        const page = await deps.continuations.next(conversationId, new Date(now().getTime() - PENDING_LIFETIME_MS));
        if (page !== undefined) return { page };
        if (keyword === 'more') return { replies: [NOTHING_MORE] };
      }
      // "HỦY" in the middle of writing a report cancels the report, not the SMS notices; right after asking for a
      // person it takes the request back (bot/withdraw-words.ts), as on the other channels.
      const conversation = keyword === 'stop' ? await deps.conversations.load(message.channel, message.userId) : undefined;
      const cancelsSomething = conversation !== undefined && (conversation.state.report !== undefined || (conversation.needsStaff && takesBack(foldKey(message.text).split(' '))));
      if (keyword === 'stop' && !cancelsSomething) {
        await deps.optOuts.optOut(message.userId);
        return { replies: deps.replies.smsStopped() };
      }
      else if (keyword === 'start') {
        await deps.optOuts.optIn(message.userId);
        return { replies: deps.replies.smsStarted() };
      }
      else if (keyword === 'help') return { replies: deps.replies.smsHelp() };
    }
    return { replies: await deps.bot.handle(message) };
  }

  /** The messages to send now. A channel that pages long replies sends the first page and holds the rest. */
  async function payloadsFor(message: IncomingMessage, provider: string, adapter: ChannelAdapter, conversationId: string): Promise<OutboundPayload[]> {
    const paginate = deps.continuations ? adapter.paginate : undefined;
    const answer = await answerFor(message, provider, conversationId, paginate !== undefined);
    if ('page' in answer) return [answer.page];
    if (paginate === undefined || deps.continuations === undefined) return answer.replies.flatMap((reply) => adapter.render(reply));
    // A message the rate limit drops leaves what was held; any reply replaces it.
    if (answer.replies.length === 0) return [];
    const { now: first, later } = paginate(answer.replies);
    await deps.continuations.hold(conversationId, later);
    return first;
  }

  /** The resident wrote: what was held for them falls due (a no-op on channels without a reply window). */
  async function resumeHeld(provider: string, conversationId: string): Promise<void> {
    if (deps.heldUntilResidentWrites?.has(provider) === true) await deps.outbox.resume(conversationId);
  }

  /** Handles one accepted message; its replies are stored in the outbox before anything is sent. */
  async function handle(message: IncomingMessage, provider: string, adapter: ChannelAdapter, conversationId: string, status: 'pending' | 'sent' = 'pending'): Promise<OutboundPayload[]> {
    await resumeHeld(provider, conversationId);
    const payloads = await payloadsFor(message, provider, adapter, conversationId);
    const items: NewOutboxItem[] = payloads.map((payload, index) => ({
      key: `${provider}:${message.messageId}:${index}`,
      conversationId,
      provider,
      userId: message.userId,
      replyTo: message.messageId,
      payload,
    }));
    // One batch: the replies are queued and the message marked handled together, or neither (then it is handled again).
    await deps.outbox.enqueue(items, status, message);
    return payloads;
  }

  async function receive(provider: string, adapter: ChannelAdapter, raw: RawRequest): Promise<WebhookOutcome> {
    receiving.receiving();
    let accepted = false;
    try {
      const outcome = await receiveNow(provider, adapter, raw);
      accepted = outcome.status < 400;
      return outcome;
    } finally {
      receiving.done(accepted);
    }
  }

  async function receiveNow(provider: string, adapter: ChannelAdapter, raw: RawRequest): Promise<WebhookOutcome> {
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
    // One durable step for the whole request, shared with the requests read beside it: on disk before the 200.
    const accepted = await deps.inbox.acceptAll(parsed.messages, provider);
    const fresh = accepted.filter((a) => a.fresh);
    const repeats = accepted.filter((a) => !a.fresh).map((a) => a.message);
    deps.logger.info('webhook.accepted', { provider, messages: fresh.length, repeats: parsed.messages.length - fresh.length, ignored: parsed.ignored });

    if (adapter.inlineResponse) {
      const payloads: OutboundPayload[] = [];
      // A repeat (Twilio lost our first response and asks again) gets the reply stored the first time.
      for (const message of repeats) payloads.push(...(await deps.outbox.forInbound(provider, message.messageId)).map((item) => item.payload));
      for (const { message, conversationId } of fresh) payloads.push(...(await handle(message, provider, adapter, conversationId, 'sent')));
      const response = adapter.inlineResponse(payloads);
      return { status: 200, ...response };
    }
    if (fresh.length > 0) {
      const acceptedAt = Date.now();
      deps.defer(
        () =>
          new Promise<void>((resolve) => {
            let left = fresh.length;
            let handled = false;
            const done = (wasHandled: boolean): void => {
              handled ||= wasHandled;
              if (--left > 0) return;
              // Only this provider's lane has new replies, and only if a message was handled: a flood's overflow
              // queued none, and kicking for it cost an outbox read for every accepted group (4,660 reads for
              // 501 replies in a 10-second flood).
              if (handled) deps.worker.kick(provider);
              resolve();
            };
            // A message the queue has no room for is only in the inbox: the recovery pass handles it (and kicks).
            for (const { message, conversationId } of fresh) if (!waiting.offer({ message, provider, adapter, conversationId, acceptedAt, done })) done(false);
          }),
      );
    }
    return parsed.ack ? { status: 200, ...parsed.ack } : json(200, { ok: true });
  }

  /**
   * A message whose handling failed on every attempt (its lease ran out each time): the resident gets an apology
   * with the hotline, the message is marked failed (with the apology queued, in one batch) and staff are told
   * through the log and the staff API. Nothing of its content goes to the log.
   */
  async function giveUp(item: Claimed, adapter: ChannelAdapter): Promise<void> {
    const { message, provider, conversationId } = item;
    const items: NewOutboxItem[] = deps.replies.handlingFailed().flatMap((reply) => adapter.render(reply)).map((payload, index) => ({
      key: `${provider}:${message.messageId}:failed:${index}`,
      conversationId,
      provider,
      userId: message.userId,
      replyTo: message.messageId,
      payload,
    }));
    await resumeHeld(provider, conversationId);
    await deps.outbox.enqueue(items, 'pending', { channel: message.channel, messageId: message.messageId, failed: true });
    deps.logger.error('webhook.gave-up', { provider, conversationId, attempts: item.attempts - 1, kind: message.kind });
  }

  /**
   * Handles every accepted message whose handling is not done and not under way: a process stopped between
   * the 200 and the reply, or a handler failed. Runs at start and then every few seconds, in every instance;
   * each message is claimed first (inbox lease), so no two passes handle the same one.
   */
  async function recover(adapters: ReadonlyMap<string, ChannelAdapter>): Promise<number> {
    let recovered = 0;
    for (;;) {
      const claimed = await deps.inbox.claimUnhandled(50);
      if (claimed.length === 0) break;
      for (const item of claimed) {
        // Webhooks being acknowledged go first here too: a pass after a flood must not hold up the next one.
        // Handling a message awaits only the database (no turn of the event loop), so without letting pending I/O
        // run first, a pass over a flood's overflow held every new webhook until its end: a 5-second flood that
        // arrived during one was acknowledged at 57-64 a second, where the others reached 1,200-1,700.
        await yieldToIo();
        await receiving.quiet();
        const { message, provider } = item;
        const adapter = adapters.get(provider);
        if (adapter === undefined) continue;
        try {
          if (item.attempts > maxAttempts) await giveUp(item, adapter);
          else await handle(message, provider, adapter, item.conversationId);
          recovered++;
        } catch (error) {
          // Still claimed: tried again when the lease runs out.
          deps.logger.error('webhook.recover-failed', { provider, error: error instanceof Error ? error.name : 'unknown' });
        }
      }
      // Each batch's replies go out while the next is handled: a pass over a flood's overflow is long.
      if (recovered > 0) deps.worker.kick();
    }
    return recovered;
  }

  return { receive, recover };
}

export type WebhookPipeline = ReturnType<typeof createWebhookPipeline>;
