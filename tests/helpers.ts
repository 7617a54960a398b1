import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Kysely } from 'kysely';
import { createApp, type AppDeps } from '../adapters/http/app.ts';
import { clientAddressFrom } from '../adapters/http/client-address.ts';
import { silentLogger } from '../adapters/http/logger.ts';
import type { Bot } from '../bot/handle.ts';
import { assemble, type Assembly } from '../adapters/runtime/assemble.ts';
import type { Database } from '../adapters/storage/schema.ts';
import { openSqlite } from '../adapters/storage/sqlite.ts';
import { durableStepFor } from '../adapters/storage/durable-step-node.ts';
import { e2eDatabaseUrl, temporaryPostgres } from './pg/e2e-database.ts';

export { reopenDatabase } from './pg/e2e-database.ts';
import type { SiteConfig } from '../bot/site-config.ts';
import type { ChannelId, IncomingMessage } from '../bot/types.ts';

export const TEST_SITE: SiteConfig = {
  provinceName: 'thành phố Cần Thơ',
  assistantName: 'Trợ lý hành chính công',
  nationalPortalUrl: 'https://dichvucong.gov.vn',
  hotline: '0292 000 0000',
};

/**
 * A real SQLite file in a fresh temporary folder, removed by `cleanup`; with E2E_DATABASE_URL set, a fresh
 * PostgreSQL database instead (tests/pg/e2e-database.ts), `path` then being its URL.
 */
export function temporaryDatabase(): { path: string; db: Kysely<Database>; cleanup: () => Promise<void> } {
  const postgres = e2eDatabaseUrl();
  if (postgres !== undefined) return temporaryPostgres(postgres);
  const folder = mkdtempSync(join(tmpdir(), 'assistant-test-'));
  const path = join(folder, 'app.db');
  const db = openSqlite(path);
  return {
    path,
    db,
    cleanup: async () => {
      await db.destroy();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

let sequence = 0;
export function textMessage(text: string, userId = 'resident-1', channel: ChannelId = 'webchat'): IncomingMessage {
  return { kind: 'text', channel, userId, messageId: `m-${++sequence}`, receivedAt: new Date(), text };
}

export function choiceMessage(value: string, userId = 'resident-1'): IncomingMessage {
  return { kind: 'choice', channel: 'webchat', userId, messageId: `m-${++sequence}`, receivedAt: new Date(), value };
}

/** One assembled product over a temporary database, shared by a test file (building the matcher takes a while). */
export async function assembledProduct(site: SiteConfig = TEST_SITE): Promise<Assembly & { db: Kysely<Database>; path: string; cleanup: () => Promise<void> }> {
  const database = temporaryDatabase();
  // As the Node server assembles it: group commit on SQLite.
  const assembly = await assemble(database.db, site, { durableStep: durableStepFor });
  return { ...assembly, db: database.db, path: database.path, cleanup: database.cleanup };
}

/**
 * The real HTTP app on a loopback port chosen by the OS; `close` stops it. `extra` adds dependencies (the web
 * chat's services...); the caller's address comes from the socket as in production.
 */
export async function startServer(bot: Bot, extra: Partial<AppDeps> = {}): Promise<{ base: string; close: () => Promise<void> }> {
  const app = createApp({
    bot,
    logger: silentLogger,
    now: () => new Date(),
    title: 'Trợ lý hành chính công',
    health: () => ({}),
    clientAddress: clientAddressFrom((c) => getConnInfo(c).remote.address),
    ...extra,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
