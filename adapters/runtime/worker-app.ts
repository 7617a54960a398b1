import type { Hono } from 'hono';
import type { SiteConfig } from '../../bot/site-config.ts';
import { createApp } from '../http/app.ts';
import type { Kysely } from 'kysely';
import { clientAddressFrom } from '../http/client-address.ts';
import type { ProcessMetrics } from '../http/metrics.ts';
import type { RequestScope } from '../http/request-id.ts';
import type { Logger } from '../../bot/ports/logger.ts';
import type { Database } from '../storage/schema.ts';
import { adminDeps } from './admin-deps.ts';
import type { Assembly } from './assemble.ts';
import { open311Deps } from './open311-deps.ts';
import { opsDeps } from './ops-deps.ts';

type Settings = Readonly<Record<string, string | undefined>>;

/** What one invocation built (worker.ts). */
export interface WorkerInvocation {
  readonly assembly: Assembly;
  readonly site: SiteConfig;
  readonly settings: Settings;
  readonly logger: Logger;
  readonly requestScope: RequestScope;
}

/**
 * The same app the Node server serves, from one invocation's assembly. Cloudflare sets cf-connecting-ip on every
 * request that reaches a Worker (a caller cannot forge it there), so it is the address unless the operator
 * names another trusted header.
 */
export function workerApp({ assembly, site, settings: env, logger, requestScope }: WorkerInvocation, metrics: ProcessMetrics, db: Kysely<Database>): Hono {
  const connecting = (c: { req: { header: (name: string) => string | undefined } }) => c.req.header('cf-connecting-ip');
  return createApp({
    bot: assembly.bot,
    logger,
    now: () => new Date(),
    title: `${site.assistantName} - ${site.provinceName}`,
    health: () => ({ entries: assembly.understanding.current().entries.size, channels: [...assembly.channels.keys()].join(','), runtime: 'workerd' }),
    channels: assembly.channels,
    pipeline: assembly.pipeline,
    staff: {
      ...(env.STAFF_API_TOKEN ? { token: env.STAFF_API_TOKEN } : {}),
      outbox: assembly.outbox,
      reports: assembly.reports,
      reportService: assembly.reportService,
      conversations: assembly.conversations,
    },
    open311: open311Deps(assembly, site, env.OPEN311_API_KEY, env.PUBLIC_BASE_URL),
    webchat: assembly.webchat,
    clientAddress: clientAddressFrom(connecting, env.TRUSTED_PROXY_HEADER),
    ...(env.ZALO_SITE_VERIFICATION ? { zaloSiteVerification: env.ZALO_SITE_VERIFICATION } : {}),
    admin: adminDeps(assembly, env, connecting),
    // Without METRICS_TOKEN nobody reads /metrics: no caller of a Worker is on loopback.
    ...opsDeps(db, assembly, metrics, env),
    requestScope,
  });
}
