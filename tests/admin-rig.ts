import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp } from '../adapters/http/app.ts';
import { silentLogger } from '../adapters/http/logger.ts';
import type { StaffDeps } from '../adapters/http/staff-routes.ts';
import { migrateToLatest } from '../adapters/storage/migrate.ts';
import { hashPassword } from '../admin/auth/password.ts';
import { DEFAULT_AUTH, type AuthConfig } from '../admin/config.ts';
import type { AdminDeps } from '../admin/deps.ts';
import type { Role } from '../admin/roles.ts';
import type { StaffAccounts } from '../admin/store/accounts.ts';
import { createStaffStores, type StaffStores } from '../admin/store/index.ts';
import type { Bot } from '../bot/handle.ts';
import { temporaryDatabase } from './helpers.ts';

export const TEST_PASSWORD = 'mật khẩu thử nghiệm 2026';
export const API_TOKEN = 'test-staff-api-token';

/** A browser's cookies, enough for these tests: name → value from Set-Cookie, sent back as Cookie. */
export class CookieJar {
  readonly values = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (expired || value === '') this.values.delete(name);
      else this.values.set(name, value);
    }
  }
  header(): string {
    return [...this.values].map(([n, v]) => `${n}=${v}`).join('; ');
  }
}

/** Serves `app` on a loopback port of its own (for a browser, or anything that needs a real address). */
export async function listen(app: Pick<Hono, 'fetch'>): Promise<{ base: string; close: () => Promise<void> }> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface Session {
  readonly jar: CookieJar;
  readonly csrf: string;
}

/**
 * What a staff member's browser does against an app (in process, through `app.request`): requests carrying a
 * cookie jar, staff accounts made in `accounts` (passwords hashed with `iterations`), the log-in form, and form
 * posts with the session's CSRF token. After log-in the CSRF token is read from `landing` (by default the page
 * the log-in redirects to).
 */
export function staffClient(app: Pick<Hono, 'request'>, accounts: StaffAccounts, options: { iterations: number; landing?: string }) {
  const request = async (path: string, init: RequestInit & { jar?: CookieJar } = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (init.jar && init.jar.values.size > 0) headers.set('cookie', init.jar.header());
    const response = await app.request(path, { ...init, headers });
    init.jar?.take(response);
    return response;
  };

  async function createStaff(username: string, role: Role, account: { password?: string; mustChange?: boolean } = {}) {
    const created = await accounts.create({
      username,
      displayName: `Cán bộ ${username}`,
      email: null,
      role,
      passwordHash: await hashPassword(account.password ?? TEST_PASSWORD, options.iterations),
      mustChangePassword: account.mustChange ?? false,
    });
    if (!created) throw new Error(`could not create ${username}`);
    return created;
  }

  /** Posts the log-in form as a browser would (its CSRF cookie and field); returns the response and the jar. */
  async function submitLogin(username: string, password: string, jar = new CookieJar(), next?: string) {
    const page = await request(`/admin/login${next ? `?next=${encodeURIComponent(next)}` : ''}`, { jar });
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const body = new URLSearchParams({ _csrf: token, username, password, next: next ?? '' });
    const response = await request('/admin/login', { method: 'POST', jar, body, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' } });
    return { response, jar };
  }

  /** Signs in and reads the session's CSRF token from the page's meta tag. */
  async function login(username: string, password = TEST_PASSWORD): Promise<Session> {
    const { response, jar } = await submitLogin(username, password);
    if (response.status !== 303) throw new Error(`log-in of ${username} failed with ${response.status}`);
    const page = await request(options.landing ?? response.headers.get('location') ?? '/admin', { jar });
    const csrf = /name="csrf-token" content="([^"]+)"/.exec(await page.text())?.[1];
    if (!csrf) throw new Error('no csrf-token meta on the page after log-in');
    return { jar, csrf };
  }

  /** A form post with the session's cookie, CSRF field and this site's Origin. */
  function postForm(path: string, session: Session, fields: Record<string, string> = {}, post: { csrf?: string | null; origin?: string } = {}) {
    const body = new URLSearchParams(fields);
    const csrf = post.csrf === undefined ? session.csrf : post.csrf;
    if (csrf !== null) body.set('_csrf', csrf);
    return request(path, { method: 'POST', jar: session.jar, body, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: post.origin ?? 'http://localhost' } });
  }

  return { request, createStaff, submitLogin, login, postForm };
}

/**
 * The real app over a temporary SQLite file with a clock the test moves, PBKDF2 at a low count (hashing cost is
 * tested on its own in admin-auth.test.ts), and helpers to make staff and sign them in.
 */
export async function adminRig(overrides: Partial<AuthConfig> = {}, staff: StaffDeps = {}) {
  const database = temporaryDatabase();
  await migrateToLatest(database.db);
  let clock = Date.parse('2026-03-02T01:00:00Z');
  const now = () => new Date(clock);
  const config: AuthConfig = { ...DEFAULT_AUTH, passwordIterations: 1000, ...overrides };
  const stores: StaffStores = createStaffStores(database.db, config, now);
  const deps: AdminDeps = { stores, config, now, clientAddress: () => '203.0.113.5' };
  const bot = { handle: async () => [] } as unknown as Bot;
  const app: Hono = createApp({ bot, logger: silentLogger, now, title: 'Thử', health: () => ({}), admin: deps, staff: { token: API_TOKEN, ...staff } });

  const { request, createStaff, submitLogin, login, postForm } = staffClient(app, stores.accounts, { iterations: config.passwordIterations });

  return {
    app,
    db: database.db,
    stores,
    deps,
    config,
    request,
    createStaff,
    submitLogin,
    login,
    postForm,
    advance: (ms: number) => {
      clock += ms;
    },
    cleanup: database.cleanup,
  };
}

export type AdminRig = Awaited<ReturnType<typeof adminRig>>;
