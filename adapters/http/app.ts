import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ConversationConflictError } from '../../bot/conversation-store.ts';
import type { Bot } from '../../bot/handle.ts';
import { createOpen311Routes, type Open311Deps } from './open311/routes.ts';
import { createStaffRoutes, type StaffDeps } from './staff-routes.ts';
import { createAdminRoutes } from '../../admin/app.ts';
import type { AdminDeps } from '../../admin/deps.ts';
import type { WebhookPipeline } from '../../bot/webhook-pipeline.ts';
import type { ChannelAdapter, RawRequest } from '../../bot/ports/channel.ts';
import { createChatRoutes, type WebChatServices } from './chat-routes.ts';
import type { ClientAddress } from './client-address.ts';
import type { Logger } from '../../bot/ports/logger.ts';
import { limitBody, readBodyText } from './read-body.ts';
import { mountHealth, type HealthChecks } from './health.ts';
import type { ProcessMetrics } from './metrics.ts';
import { mountMetrics, type MetricsDeps } from './metrics-route.ts';
import { noRequestScope, requestIds, type RequestScope } from './request-id.ts';

/** The webhook paths under /webhooks/ and the provider each belongs to. */
export const WEBHOOK_ROUTES = { zalo: 'zalo', telegram: 'telegram', 'sms/twilio': 'twilio', 'sms/gateway': 'gateway' } as const;
export type Provider = (typeof WEBHOOK_ROUTES)[keyof typeof WEBHOOK_ROUTES];

const MAX_WEBHOOK_BODY = 1_048_576;
/** The cap on any other body (Open311 and staff forms, JSON): routes may set a tighter one of their own. */
const MAX_FORM_BODY = 1_048_576;
/** Routes that read bodies with Hono's helpers; the web chat and the webhooks cap their own. */
const CAPPED_PREFIXES = ['/open311/*', '/api/staff/*', '/admin/*'];


export interface AppDeps {
  readonly bot: Bot;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly title: string;
  /** Facts for the health check (entry count, matcher build time). */
  readonly health: () => Record<string, number | string>;
  /** Configured channels by provider; a provider missing here answers 404 on its webhook. */
  readonly channels?: ReadonlyMap<string, ChannelAdapter>;
  readonly pipeline?: WebhookPipeline;
  /** Staff JSON API: a bearer token from the environment for machines, staff sessions for people. */
  readonly staff?: StaffDeps;
  /** The staff workspace under /admin (accounts, sessions, audit log and the services its pages work on). */
  readonly admin?: AdminDeps;
  /** Open311 GeoReport v2 for FixMyStreet-style clients. */
  readonly open311?: Open311Deps;
  /** Zalo's domain-ownership check reads this meta tag on the home page. */
  readonly zaloSiteVerification?: string;
  /** Web chat history, updates and rate limits (see chat-routes.ts). */
  readonly webchat?: WebChatServices;
  /** The caller's address, as the runtime knows it (Node: the socket, or a trusted proxy's header). */
  readonly clientAddress?: ClientAddress;
  /** /healthz checks (database, migrations, matcher); without them /healthz is liveness only. */
  readonly checks?: HealthChecks;
  /** This process's counters and GET /metrics (token or loopback); no /metrics route without it. */
  readonly metrics?: { readonly process: ProcessMetrics } & Omit<MetricsDeps, 'clientAddress'>;
  /** Where the request id lives while a request (and the work it defers) runs; Node: AsyncLocalStorage. */
  readonly requestScope?: RequestScope;
}

const WEBHOOK_PROVIDERS = new Map<string, string>(Object.entries(WEBHOOK_ROUTES).map(([path, provider]) => [`/webhooks/${path}`, provider]));

/** Builds the HTTP app from its dependencies; opens no database and reads no environment (runtime/ does). */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  // First, so every later line of the request (and of the handling it defers) carries its id.
  app.use('*', requestIds(deps.requestScope ?? noRequestScope, deps.logger, ({ path, status, seconds }) => {
    const provider = WEBHOOK_PROVIDERS.get(path);
    if (provider !== undefined) deps.metrics?.process.webhook(provider, status, seconds);
  }));

  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    // Another instance saved the same conversation twice while this message was handled (bot/handle.ts): nothing
    // of this turn was kept, so the caller may simply send it again. A 503 says "retry", a 500 would say "broken".
    if (error instanceof ConversationConflictError) {
      deps.logger.info('request.conversation-busy', { path: c.req.path });
      return c.json({ error: 'this conversation was being changed by other messages at the same moment; nothing was saved, send it again' }, 503, { 'retry-after': '1' });
    }
    deps.logger.error('request.failed', { path: c.req.path, error: error.name });
    return c.json({ error: 'internal error; the request was not handled, please retry' }, 500);
  });
  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404));

  for (const prefix of CAPPED_PREFIXES) app.use(prefix, limitBody(MAX_FORM_BODY));
  mountHealth(app, deps.checks, deps.health);
  if (deps.metrics) mountMetrics(app, { ...deps.metrics, ...(deps.clientAddress ? { clientAddress: deps.clientAddress } : {}) });

  app.route('/', createChatRoutes(deps));

  for (const [path, provider] of Object.entries(WEBHOOK_ROUTES)) {
    app.post(`/webhooks/${path}`, async (c) => {
      const adapter = deps.channels?.get(provider);
      if (adapter === undefined || deps.pipeline === undefined) return c.json({ error: `channel ${provider} is not configured on this server` }, 404);
      // Counted while reading: a chunked body without Content-Length is cut off at the cap, never buffered whole.
      const read = await readBodyText(c.req.raw, MAX_WEBHOOK_BODY);
      if (!read.ok) return c.json({ error: read.reason }, read.status);
      const body = read.text;
      const headers: Record<string, string> = {};
      c.req.raw.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      const url = new URL(c.req.url);
      const raw: RawRequest = { method: c.req.method, url: url.pathname + url.search, headers, body };
      const outcome = await deps.pipeline.receive(provider, adapter, raw);
      return c.body(outcome.body, outcome.status as 200, { 'content-type': outcome.contentType });
    });
  }

  app.route('/api/staff', createStaffRoutes(deps.staff ?? {}, deps.admin));
  if (deps.admin) app.route('/admin', createAdminRoutes(deps.admin, deps.staff?.token));
  if (deps.open311) app.route('/open311/v2', createOpen311Routes(deps.open311));

  return app;
}
