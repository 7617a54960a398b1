import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ConversationStore } from '../../bot/conversation-store.ts';
import { PENDING_LIFETIME_MS, type Bot } from '../../bot/handle.ts';
import type { Reply } from '../../bot/types.ts';
import { CHAT_JS } from '../channels/webchat/chat-script.ts';
import { CHAT_CSS } from '../channels/webchat/chat-style.ts';
import { FAVICON_SVG } from '../channels/webchat/favicon.ts';
import { historyBubbles } from '../channels/webchat/history.ts';
import type { WebChatMailbox } from '../channels/webchat/mailbox.ts';
import { chatPage } from '../channels/webchat/page.ts';
import { MAX_BODY_BYTES, parseChatQuery, parseWebChat } from '../channels/webchat/parse.ts';
import { checkWebChat, checkWebChatRead, type WebChatLimits } from './chat-limits.ts';
import type { ClientAddress } from './client-address.ts';
import type { Logger } from '../../bot/ports/logger.ts';

/** What the web chat needs beyond the bot: history, the mailbox of updates, and flood protection. */
export interface WebChatServices {
  readonly conversations: ConversationStore;
  readonly mailbox: WebChatMailbox;
  readonly limits: WebChatLimits;
  /** The polite notice the first over-limit message gets, the same words as on every channel. */
  readonly rateLimited: () => Reply[];
  /** The title of a tapped option, from its value (the log keeps values). */
  readonly choiceTitle: (value: string) => string | undefined;
}

export interface ChatRoutesDeps {
  readonly bot: Bot;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly title: string;
  readonly zaloSiteVerification?: string;
  /** Without it the page still chats, but keeps no history, gets no updates and has no rate limit (unit tests). */
  readonly webchat?: WebChatServices;
  readonly clientAddress?: ClientAddress;
}

export const PAGE_SECURITY = {
  'content-security-policy': "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
// Conversation text: never kept by a browser cache or a proxy.
const PRIVATE = { 'cache-control': 'no-store' };
const HISTORY_LIMIT = 60;

/** The web chat: the page and its assets, POST /api/chat, and the history and updates the page reads back. */
export function createChatRoutes(deps: ChatRoutesDeps): Hono {
  const app = new Hono();
  const page = (): string => chatPage(deps.title, deps.zaloSiteVerification);
  const asset = (type: string) => ({ 'content-type': type, 'cache-control': 'public, max-age=300', ...PAGE_SECURITY });

  // The home page is the chat page: Zalo verifies domain ownership by a meta tag on it.
  app.get('/', (c) => c.html(page(), 200, PAGE_SECURITY));
  app.get('/chat', (c) => c.html(page(), 200, PAGE_SECURITY));
  app.get('/chat.js', (c) => c.body(CHAT_JS, 200, asset('text/javascript; charset=utf-8')));
  app.get('/chat.css', (c) => c.body(CHAT_CSS, 200, asset('text/css; charset=utf-8')));
  app.get('/favicon.svg', (c) => c.body(FAVICON_SVG, 200, asset('image/svg+xml')));
  // Browsers and crawlers ask for /favicon.ico whatever the page says; they accept an SVG served there.
  app.get('/favicon.ico', (c) => c.body(FAVICON_SVG, 200, asset('image/svg+xml')));

  app.post(
    '/api/chat',
    // Counted while reading, so a chunked body without Content-Length cannot grow past the limit in memory.
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: `request body is larger than ${MAX_BODY_BYTES} bytes` }, 413) }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!type.includes('application/json')) return c.json({ error: 'content-type must be application/json' }, 415);
      const parsed = parseWebChat(await c.req.text(), deps.now());
      if ('refusal' in parsed) return c.json({ error: parsed.refusal.reason }, parsed.refusal.status);
      const { message } = parsed;
      const web = deps.webchat;
      if (web) {
        const decision = await checkWebChat(web.limits, message.userId, deps.clientAddress?.(c));
        if (decision !== 'allow') {
          deps.logger.info('chat.rate-limited', { channel: 'webchat', notice: decision === 'notify' });
          const error = `too many messages: wait ${web.limits.windowSeconds} seconds before sending more`;
          return c.json(decision === 'notify' ? { error, replies: web.rateLimited() } : { error }, 429, { 'retry-after': String(web.limits.windowSeconds) });
        }
        // The web chat is this conversation's channel: notices (report updates) come back through its mailbox.
        await web.conversations.recordInbound('webchat', message.userId, 'webchat', message.receivedAt);
      }
      const started = performance.now();
      const replies = await deps.bot.handle(message);
      deps.logger.info('chat.handled', { channel: 'webchat', kind: message.kind, replies: replies.length, ms: Math.round(performance.now() - started) });
      return c.json({ replies });
    },
  );

  app.get('/api/chat/history', async (c) => {
    const query = parseChatQuery({ userId: c.req.query('userId') });
    if ('refusal' in query) return c.json({ error: query.refusal.reason }, query.refusal.status);
    const web = deps.webchat;
    if (web === undefined) return c.json({ error: 'this server keeps no web chat history' }, 404);
    if (!(await checkWebChatRead(web.limits, deps.clientAddress?.(c)))) {
      return c.json({ error: `too many requests: wait ${web.limits.windowSeconds} seconds` }, 429, { 'retry-after': String(web.limits.windowSeconds) });
    }
    const conversation = await web.conversations.load('webchat', query.userId);
    const [transcript, mailbox] = await Promise.all([web.conversations.transcript(conversation.id, HISTORY_LIMIT), web.mailbox.latest(query.userId, HISTORY_LIMIT)]);
    const offered = conversation.state.pending;
    const live = offered !== undefined && deps.now().getTime() - Date.parse(offered.askedAt) <= PENDING_LIFETIME_MS;
    const messages = historyBubbles({ transcript, mailbox, pendingOptions: live ? offered.options : undefined, choiceTitle: web.choiceTitle, limit: HISTORY_LIMIT });
    return c.json({ messages, cursor: mailbox.at(-1)?.seq ?? 0 }, 200, PRIVATE);
  });

  // Polled every few seconds by an open page: one indexed read, no rate-limit write.
  app.get('/api/chat/updates', async (c) => {
    const query = parseChatQuery({ userId: c.req.query('userId'), after: c.req.query('after') });
    if ('refusal' in query) return c.json({ error: query.refusal.reason }, query.refusal.status);
    const web = deps.webchat;
    if (web === undefined) return c.json({ error: 'this server sends no web chat updates' }, 404);
    const updates = await web.mailbox.fetchAfter(query.userId, query.after);
    return c.json({ updates, cursor: updates.at(-1)?.seq ?? query.after }, 200, PRIVATE);
  });

  return app;
}
