import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Bot } from '../../bot/handle.ts';
import { CHAT_CSS, CHAT_JS, chatPage } from '../channels/webchat/page.ts';
import { parseWebChat } from '../channels/webchat/parse.ts';
import type { Logger } from './logger.ts';

export interface AppDeps {
  readonly bot: Bot;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly title: string;
  /** Facts for the health check (entry count, matcher build time). */
  readonly health: () => Record<string, number | string>;
}

const PAGE_SECURITY = {
  'content-security-policy': "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Builds the HTTP app from its dependencies; opens no database and reads no environment (runtime/ does). */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    deps.logger.error('request.failed', { path: c.req.path, error: error.name });
    return c.json({ error: 'internal error; the request was not handled, please retry' }, 500);
  });
  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404));

  app.get('/', (c) => c.redirect('/chat'));
  app.get('/healthz', (c) => c.json({ ok: true, ...deps.health() }));

  app.get('/chat', (c) => c.html(chatPage(deps.title), 200, PAGE_SECURITY));
  app.get('/chat.js', (c) => c.body(CHAT_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', ...PAGE_SECURITY }));
  app.get('/chat.css', (c) => c.body(CHAT_CSS, 200, { 'content-type': 'text/css; charset=utf-8', ...PAGE_SECURITY }));

  app.post('/api/chat', async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!type.includes('application/json')) return c.json({ error: 'content-type must be application/json' }, 415);
    const parsed = parseWebChat(await c.req.text(), deps.now());
    if ('refusal' in parsed) return c.json({ error: parsed.refusal.reason }, parsed.refusal.status);
    const started = performance.now();
    const replies = await deps.bot.handle(parsed.message);
    deps.logger.info('chat.handled', { channel: 'webchat', kind: parsed.message.kind, replies: replies.length, ms: Math.round(performance.now() - started) });
    return c.json({ replies });
  });

  return app;
}
