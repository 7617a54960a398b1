/**
 * Node entry point: reads the environment, opens the embedded SQLite database, migrates and seeds it, and
 * serves the app. Everything it builds is passed to createApp, which knows nothing of Node.
 */
import { serve } from '@hono/node-server';
import { openSqlite } from '../storage/sqlite.ts';
import { createApp } from '../http/app.ts';
import { jsonLogger } from '../http/logger.ts';
import { assemble } from './assemble.ts';
import { siteFromEnv } from './site-from-env.ts';

const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '0.0.0.0';
const databasePath = env.DATABASE_PATH ?? './data/app.db';
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a port number, got "${env.PORT}"`);
  process.exit(2);
}

const logger = jsonLogger();
const site = siteFromEnv(env);
const db = openSqlite(databasePath);
const assembly = await assemble(db, site);
logger.info('startup.ready', {
  database: databasePath,
  migrated: assembly.migrated.length,
  seededEntries: assembly.seeded,
  matcherBuildMs: Math.round(assembly.understanding.current().matcher.stats.buildMs),
});

const app = createApp({
  bot: assembly.bot,
  logger,
  now: () => new Date(),
  title: `${site.assistantName} - ${site.provinceName}`,
  health: () => ({ entries: assembly.understanding.current().entries.size }),
});

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  logger.info('startup.listening', { url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${info.port}/chat` });
});

function shutdown(signal: string): void {
  logger.info('shutdown', { signal });
  server.close(() => {
    void db.destroy().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
