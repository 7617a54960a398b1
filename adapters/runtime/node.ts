/**
 * Node entry point: reads the environment (and .env when present), opens the database (PostgreSQL when
 * DATABASE_URL is set, else the embedded SQLite file), migrates and seeds it, wires the configured channels,
 * and serves the app. Everything it builds is passed to createApp, which knows nothing of Node.
 */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { openDatabase } from '../storage/open-database.ts';
import { createApp } from '../http/app.ts';
import { clientAddressFrom } from '../http/client-address.ts';
import { jsonLogger } from '../http/logger.ts';
import { createProcessMetrics } from '../http/metrics.ts';
import { nodeRequestScope } from '../http/request-id-node.ts';
import { graceMsFrom, shutdownGracefully } from './shutdown.ts';
import { ensureFirstAdmin } from '../../admin/bootstrap.ts';
import { adminDeps } from './admin-deps.ts';
import { assemble } from './assemble.ts';
import { createNodeFetch } from './node-fetch.ts';
import { collectGarbage } from './collect-garbage.ts';
import { durableStepFor } from '../storage/durable-step-node.ts';
import { readGazetteer } from '../../bot/reports/gazetteer-file.ts';
import { every } from './background.ts';
import { startIdleCollector } from './idle-collector.ts';
import { deliveryFromEnv } from './delivery-from-env.ts';
import { startRetention } from './retention-timer.ts';
import { open311Deps } from './open311-deps.ts';
import { opsDeps } from './ops-deps.ts';
import { siteFromEnv } from './site-from-env.ts';
import { createThreadTrainer } from './thread-trainer.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '0.0.0.0';
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a port number, got "${env.PORT}"`);
  process.exit(2);
}

const requestScope = nodeRequestScope();
const logger = jsonLogger(undefined, requestScope.current);
const metrics = createProcessMetrics();
const site = siteFromEnv(env);
const { db, where: databaseWhere } = openDatabase(env, logger);
// After a publish the matcher trains in a worker thread, so this event loop keeps answering meanwhile.
const trainer = createThreadTrainer({
  onTrained: (ms) => logger.info('knowledge.trained-in-thread', { ms: Math.round(ms) }),
  onFallback: (reason) => logger.error('knowledge.train-thread-failed', { reason }),
});
// The channel APIs are called over kept-alive node:http(s) connections (node-fetch.ts: a third of fetch's CPU a reply).
const assembly = await assemble(db, site, { env, logger, metrics: metrics.bot, gazetteer: readGazetteer(env.COMMUNES_FILE), trainer, durableStep: durableStepFor, afterRebuild: collectGarbage, fetch: createNodeFetch() });
// The index builds' garbage, collected before residents arrive (see collect-garbage.ts: about 50 MB resident).
collectGarbage();
for (const problem of assembly.channelProblems) logger.error('startup.channel-off', { problem });
for (const problem of assembly.settingProblems) logger.error('startup.setting', { problem });
// Messages a stopped process accepted but did not answer; sends it left in flight are taken over when their
// lease runs out (and sent again: see bot/outbox-worker.ts for what that means per platform).
const recovered = await assembly.pipeline.recover(assembly.channels);
logger.info('startup.ready', {
  database: databaseWhere,
  migrated: assembly.migrated.length,
  seededEntries: assembly.seeded,
  matcherBuildMs: Math.round(assembly.understanding.current().matcher.stats.buildMs),
  channels: [...assembly.channels.keys()].join(',') || 'webchat only',
  recoveredMessages: recovered,
});

const firstAdmin = await ensureFirstAdmin(assembly.staff, env);
if (firstAdmin.created) {
  logger.info('startup.first-admin', { username: firstAdmin.username, from: firstAdmin.oneTimePassword ? 'one-time password' : 'ADMIN_PASSWORD' });
  // Straight to the console, never the JSON log (logs are shipped and kept); printed this once only.
  if (firstAdmin.oneTimePassword) console.log(`\nFirst staff admin: ${firstAdmin.username}\nOne-time password (shown only now, to be changed at first log-in): ${firstAdmin.oneTimePassword}\nLog in at /admin/login\n`);
}

const app = createApp({
  bot: assembly.bot,
  logger,
  now: () => new Date(),
  title: `${site.assistantName} - ${site.provinceName}`,
  health: () => ({ entries: assembly.understanding.current().entries.size, channels: [...assembly.channels.keys()].join(',') }),
  channels: assembly.channels,
  pipeline: assembly.pipeline,
  staff: {
    ...(env.STAFF_API_TOKEN ? { token: env.STAFF_API_TOKEN } : {}),
    outbox: assembly.outbox,
    inbox: assembly.inbox,
    reports: assembly.reports,
    reportService: assembly.reportService,
    conversations: assembly.conversations,
  },
  open311: open311Deps(assembly, site, env.OPEN311_API_KEY, env.PUBLIC_BASE_URL),
  webchat: assembly.webchat,
  // Node knows the connecting socket; a proxy's header only counts when the operator says it is trusted.
  clientAddress: clientAddressFrom((c) => getConnInfo(c).remote.address, env.TRUSTED_PROXY_HEADER),
  ...(env.ZALO_SITE_VERIFICATION ? { zaloSiteVerification: env.ZALO_SITE_VERIFICATION } : {}),
  admin: adminDeps(assembly, env, (c) => getConnInfo(c).remote.address, db),
  // /metrics: METRICS_TOKEN as a bearer from anywhere, or (unset) loopback only, judged by the socket.
  ...opsDeps(db, assembly, metrics, env),
  requestScope,
});

// Every few seconds: accepted messages nobody is handling (a handler failed, another instance died) and due
// sends, even when no webhook kicks the worker.
const deliveryPass = every(deliveryFromEnv(env).intervalMs, 'delivery-pass', async () => {
  await assembly.pipeline.recover(assembly.channels);
  assembly.worker.kick();
}, logger);
assembly.worker.kick();
// Another instance sharing the database may publish knowledge-base changes: one row read every ~2 s tells us.
const kbPollMs = Number(env.KB_REVISION_POLL_MS ?? 2000);
const kbPoll = every(Number.isFinite(kbPollMs) && kbPollMs >= 200 ? kbPollMs : 2000, 'kb-revision-poll', async () => {
  await assembly.live.sync();
}, logger);
// Hand-offs no operator took within HANDOFF_TAKE_MINUTES: the resident is told when to expect an answer.
const handoffPass = every(60_000, 'handoff-check', async () => {
  await assembly.handoffs.checkOverdue();
}, logger);
// Keeps inbox, outbox, message log and rate windows bounded (periods in RETENTION_* settings).
const retention = startRetention(db, env, logger);
// Once quiet after a busy spell, the heap V8 grew for it is collected and given back (idle-collector.ts).
const idleCollector = startIdleCollector(logger);

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  logger.info('startup.listening', { url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${info.port}/chat` });
});

// SIGTERM (a deploy, systemd, Kubernetes): stop taking requests, let those in flight and the work they deferred
// finish, let each send in flight end (no new claims), then close the database. See adapters/runtime/shutdown.ts.
const shutdown = (signal: string): void => {
  void shutdownGracefully({
    signal,
    graceMs: graceMsFrom(env.SHUTDOWN_GRACE_MS),
    server,
    timers: [deliveryPass, handoffPass, kbPoll, retention, idleCollector],
    worker: assembly.worker,
    settled: assembly.settled,
    db,
    logger,
  }).then((code) => process.exit(code));
};
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
