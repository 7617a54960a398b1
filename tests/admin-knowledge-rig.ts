import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp } from '../adapters/http/app.ts';
import { silentLogger } from '../adapters/http/logger.ts';
import { adminDeps } from '../adapters/runtime/admin-deps.ts';
import { assemble, type Assembly } from '../adapters/runtime/assemble.ts';
import type { Database } from '../adapters/storage/schema.ts';
import { openSqlite } from '../adapters/storage/sqlite.ts';
import { hashPassword } from '../admin/auth/password.ts';
import { DEFAULT_AUTH } from '../admin/config.ts';
import type { Role } from '../admin/roles.ts';
import type { Kysely } from 'kysely';
import { CookieJar, TEST_PASSWORD, type Session } from './admin-rig.ts';
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
  const request = async (p: string, init: RequestInit & { jar?: CookieJar } = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (init.jar && init.jar.values.size > 0) headers.set('cookie', init.jar.header());
    const response = await app.request(p, { ...init, headers });
    init.jar?.take(response);
    return response;
  };
  const postForm = (p: string, session: Session, fields: Record<string, string> = {}) =>
    request(p, { method: 'POST', jar: session.jar, body: new URLSearchParams({ ...fields, _csrf: session.csrf }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' } });
  let sequence = 0;
  return {
    assembly, app, db, path, request, postForm,
    async createStaff(username, role) {
      await assembly.staff.accounts.create({ username, displayName: `Cán bộ ${username}`, email: null, role, passwordHash: await hashPassword(TEST_PASSWORD, 1000), mustChangePassword: false });
    },
    async login(username) {
      const jar = new CookieJar();
      const page = await request('/admin/login', { jar });
      const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      const response = await request('/admin/login', { method: 'POST', jar, body: new URLSearchParams({ _csrf: token, username, password: TEST_PASSWORD, next: '' }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' } });
      if (response.status !== 303) throw new Error(`log-in failed: ${response.status}`);
      const home = await request('/admin', { jar });
      const csrf = /name="csrf-token" content="([^"]+)"/.exec(await home.text())?.[1] ?? '';
      return { jar, csrf };
    },
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

export async function listen(app: Hono): Promise<{ base: string; close: () => Promise<void> }> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
