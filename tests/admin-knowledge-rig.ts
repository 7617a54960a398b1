import type { Hono } from 'hono';
import { createApp } from '../adapters/http/app.ts';
import { silentLogger } from '../adapters/http/logger.ts';
import { adminDeps } from '../adapters/runtime/admin-deps.ts';
import { assemble, type Assembly } from '../adapters/runtime/assemble.ts';
import type { Database } from '../adapters/storage/schema.ts';
import { openSqlite } from '../adapters/storage/sqlite.ts';
import { DEFAULT_AUTH } from '../admin/config.ts';
import type { Role } from '../admin/roles.ts';
import type { Kysely } from 'kysely';
import { staffClient, type CookieJar, type Session } from './admin-rig.ts';
import { temporaryDatabase, TEST_SITE } from './helpers.ts';

/** One assembled product (real bot, matcher, publishing) behind the real app, staff pages included. */
export interface KnowledgeRig {
  readonly assembly: Assembly;
  readonly app: Hono;
  readonly db: Kysely<Database>;
  readonly path: string;
  request(path: string, init?: RequestInit & { jar?: CookieJar }): Promise<Response>;
  createStaff(username: string, role: Role): Promise<void>;
  login(username: string): Promise<Session>;
  postForm(path: string, session: Session, fields?: Record<string, string>): Promise<Response>;
  chat(text: string, userId?: string): Promise<string>;
  cleanup(): Promise<void>;
}

export async function assembleInstance(db: Kysely<Database>, path: string, cleanup: () => Promise<void>): Promise<KnowledgeRig> {
  const assembly = await assemble(db, TEST_SITE);
  const base = adminDeps(assembly, {});
  const config = { ...DEFAULT_AUTH, passwordIterations: 1000 };
  const app = createApp({
    bot: assembly.bot, logger: silentLogger, now: () => new Date(), title: 'Thử', health: () => ({}),
    pipeline: assembly.pipeline, webchat: assembly.webchat,
    clientAddress: () => '203.0.113.9',
    admin: { ...base, config, clientAddress: () => '203.0.113.9' },
  });
  const { request, createStaff, login, postForm } = staffClient(app, assembly.staff.accounts, { iterations: 1000, landing: '/admin' });
  let sequence = 0;
  return {
    assembly, app, db, path, request, postForm,
    createStaff: async (username, role) => {
      await createStaff(username, role);
    },
    login: (username) => login(username),
    async chat(text, userId = `resident-${++sequence}-${Date.now()}`) {
      const response = await app.request('/api/chat', { method: 'POST', body: JSON.stringify({ userId, text }), headers: { 'content-type': 'application/json' } });
      const body = (await response.json()) as { replies: Array<{ text?: string }> };
      return body.replies.map((r) => r.text ?? '').join('\n');
    },
    cleanup,
  };
}

export async function knowledgeRig(): Promise<KnowledgeRig> {
  const database = temporaryDatabase();
  return assembleInstance(database.db, database.path, database.cleanup);
}

/** A second instance on the same SQLite file, as a second server process would be. */
export async function secondInstance(path: string): Promise<KnowledgeRig> {
  const db = openSqlite(path);
  return assembleInstance(db, path, () => db.destroy());
}
