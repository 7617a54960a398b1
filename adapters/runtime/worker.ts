/**
 * Cloudflare Workers entry point (wrangler.toml `main`): the same app as the Node server, on D1.
 *
 * What is kept between invocations of one isolate is pure data only: the matcher weights trained ahead
 * (build/matcher-weights.bin), and the schema, seed and indexes prepared once (PreparedKnowledge). Everything
 * holding a promise or a timer (the outbox worker and its lanes, the token keeper, background tasks, the Kysely
 * instance) is built per invocation, because workerd cannot resume a request on a promise that another request
 * created and was meant to settle: a scheduled run waiting on a lane a webhook started would hang forever.
 */
import type { SiteConfig } from '../../bot/site-config.ts';
import { ensureFirstAdminOnWorker } from './worker-first-admin.ts';
import { decodeModels } from '../../intents/model-file.ts';
import { useTrainedModels } from '../../intents/model-io.ts';
import { createCatalogueStore } from '../storage/catalogue-store.ts';
import { shippedSeed } from '../../knowledge-base/seed-data.ts';
import { SEED_SITE } from '../../knowledge-base/seed-modules.ts';
import { createKnowledgeStore } from '../storage/knowledge-store.ts';
import { createRetention } from '../../bot/retention.ts';
import type { Fetch } from '../../bot/ports/channel.ts';
import { jsonLogger } from '../http/logger.ts';
import { createProcessMetrics } from '../http/metrics.ts';
import type { RequestScope } from '../http/request-id.ts';
import type { Logger } from '../../bot/ports/logger.ts';
import { openD1 } from '../storage/d1.ts';
import { statementByStatement } from '../storage/durable-step.ts';
import { createRetentionStore } from '../storage/retention-store.ts';
import { assemble, type Assembly } from './assemble.ts';
import { prepareKnowledge, type PreparedKnowledge } from './prepare-knowledge.ts';
import { retentionFromEnv } from './retention-from-env.ts';
import { privacyFromEnv } from './privacy-from-env.ts';
import { siteFromSettings } from './site-from-settings.ts';
import { workerApp } from './worker-app.ts';
import { refreshTokensAhead } from './worker-tokens.ts';
import { settingsOf, type ExecutionContext, type ScheduledController, type WorkerEnv } from './worker-types.ts';
import weights from '../../build/matcher-weights.bin';

/** The hourly cron in wrangler.toml: token refresh and retention. Every other cron run is the delivery pass. */
const HOURLY_CRON = '17 * * * *';

const loadStarted = Date.now();
useTrainedModels(decodeModels(weights));
const weightsLoadMs = Date.now() - loadStarted;

let prepared: PreparedKnowledge | undefined;

// This isolate's counters (plain numbers, no promise or timer): /metrics adds the database's gauges, which are
// the same whichever isolate answers; counters cover only the requests this isolate served (README).
const metrics = createProcessMetrics();

// workerd refuses a platform function called as another object's method ("Illegal invocation"): adapters call
// deps.fetch(...), so they get a plain function.
const platformFetch: Fetch = (input, init) => fetch(input, init);

interface Invocation {
  readonly assembly: Assembly;
  /** Its request id: an invocation serves one request (or one cron run), so a variable is its scope. */
  readonly requestScope: RequestScope;
  readonly site: SiteConfig;
  readonly settings: Record<string, string | undefined>;
  readonly logger: Logger;
  readonly db: ReturnType<typeof openD1>;
}

async function invocation(env: WorkerEnv): Promise<Invocation> {
  const settings = settingsOf(env);
  // No AsyncLocalStorage without nodejs_compat; none needed: everything this invocation logs, the work it hands
  // to waitUntil included, belongs to its one request.
  let requestId: string | undefined;
  const requestScope: RequestScope = {
    run: (id, fn) => {
      requestId = id;
      return fn();
    },
    current: () => requestId,
  };
  const logger = jsonLogger((line) => console.log(line), requestScope.current);
  const site = siteFromSettings(settings, SEED_SITE);
  const db = openD1(env.DB);
  if (prepared === undefined) {
    const started = Date.now();
    const fresh = await prepareKnowledge(db, createKnowledgeStore(db), createCatalogueStore(db), shippedSeed());
    await ensureFirstAdminOnWorker(db, settings, logger);
    logger.info('worker.prepared', { migrated: fresh.migrated.length, seededEntries: fresh.seeded, ms: Date.now() - started, weightsLoadMs });
    prepared = fresh;
  }
  const assembly = await assemble(db, site, { env: settings, logger, metrics: metrics.bot, fetch: platformFetch, prepared, durableStep: statementByStatement });
  return { assembly, requestScope, site, settings, logger, db };
}

/** After the response: replies handled and sent, a publish elsewhere picked up; then nothing of this invocation runs on. */
async function finish({ assembly, logger }: Invocation): Promise<void> {
  try {
    await assembly.settled();
    await assembly.live.sync();
    await assembly.live.idle();
    if (prepared !== undefined) prepared = { ...prepared, builtRevision: assembly.live.applied() };
  } catch (error) {
    logger.error('worker.finish-failed', { error: error instanceof Error ? error.name : 'unknown' });
  } finally {
    // Clears the lanes' wake-up timers: the cron looks for due retries instead.
    assembly.worker.stop();
  }
}

async function step(logger: Logger, name: string, task: () => Promise<unknown>): Promise<void> {
  try {
    await task();
  } catch (error) {
    logger.error(`cron.${name}-failed`, { error: error instanceof Error ? error.name : 'unknown' });
  }
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    const current = await invocation(env);
    const response = await workerApp(current, metrics, current.db).fetch(request);
    // Webhooks are acknowledged first; their handling and the outbox sends it queued finish here.
    ctx.waitUntil(finish(current));
    return response;
  },

  async scheduled(controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    const current = await invocation(env);
    const { assembly, logger, settings, db } = current;
    // One id for the whole run, so its lines read together like a request's.
    await current.requestScope.run(`cron-${crypto.randomUUID()}`, async () => {
      await step(logger, 'recover', () => assembly.pipeline.recover(assembly.channels));
      await step(logger, 'outbox', () => assembly.worker.runOnce());
      await step(logger, 'handoffs', () => assembly.handoffs.checkOverdue());
      if (controller.cron === HOURLY_CRON) {
        await step(logger, 'tokens', () => refreshTokensAhead(settings, db, platformFetch, logger));
        await step(logger, 'retention', async () => {
          const { policy, problems } = retentionFromEnv(settings);
          // The same privacy periods as Node (PRIVACY_TEXT_DAYS, PRIVACY_REPORT_DAYS): old texts and reporters' contacts go.
          const { privacy, problems: privacyProblems } = privacyFromEnv(settings);
          for (const problem of [...problems, ...privacyProblems]) logger.error('cron.retention-setting', { problem });
          logger.info('retention.done', await createRetention({ store: createRetentionStore(db), policy, privacy }).run());
        });
      }
    });
    ctx.waitUntil(finish(current));
  },
};
