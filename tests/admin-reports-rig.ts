import type { Hono } from 'hono';
import { createApp } from '../adapters/http/app.ts';
import { silentLogger } from '../adapters/http/logger.ts';
import { adminDeps } from '../adapters/runtime/admin-deps.ts';
import { hashPassword } from '../admin/auth/password.ts';
import type { AdminDeps } from '../admin/deps.ts';
import type { Role } from '../admin/roles.ts';
import { CookieJar, TEST_PASSWORD, type Session } from './admin-rig.ts';
import { startRig, STAFF_TOKEN } from './channel-rig.ts';

const ITERATIONS = 1000;

/**
 * The whole product (channel-rig: real SQLite, Telegram and the other platforms stubbed) with the staff
 * workspace on top, wired as runtime/node.ts wires it (adminDeps with the database for the dashboard).
 */
export async function reportsRig() {
  const rig = await startRig();
  const wired = adminDeps(rig.product, {}, () => '203.0.113.5', rig.database.db);
  const admin: AdminDeps = { ...wired, config: { ...wired.config, passwordIterations: ITERATIONS } };
  const product = rig.product;
  const app: Hono = createApp({
    bot: product.bot, logger: silentLogger, now: () => new Date(), title: 'Thử', health: () => ({}),
    channels: product.channels, pipeline: product.pipeline,
    staff: { token: STAFF_TOKEN, outbox: product.outbox, reports: product.reports, reportService: product.reportService, conversations: product.conversations },
    admin,
  });

  const request = async (path: string, init: RequestInit & { jar?: CookieJar } = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (init.jar && init.jar.values.size > 0) headers.set('cookie', init.jar.header());
    const response = await app.request(path, { ...init, headers });
    init.jar?.take(response);
    return response;
  };

  async function createStaff(username: string, role: Role): Promise<void> {
    const account = await product.staff.accounts.create({
      username, displayName: `Cán bộ ${username}`, email: null, role, passwordHash: await hashPassword(TEST_PASSWORD, ITERATIONS), mustChangePassword: false,
    });
    if (!account) throw new Error(`could not create ${username}`);
  }

  async function login(username: string): Promise<Session> {
    const jar = new CookieJar();
    const page = await request('/admin/login', { jar });
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const body = new URLSearchParams({ _csrf: token, username, password: TEST_PASSWORD, next: '' });
    const response = await request('/admin/login', { method: 'POST', jar, body, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' } });
    if (response.status !== 303) throw new Error(`log-in of ${username} failed with ${response.status}`);
    const after = await request('/admin/reports', { jar });
    const csrf = /name="csrf-token" content="([^"]+)"/.exec(await after.text())?.[1];
    if (!csrf) throw new Error('no csrf-token meta after log-in');
    return { jar, csrf };
  }

  function postForm(path: string, session: Session, fields: Record<string, string>) {
    const body = new URLSearchParams({ ...fields, _csrf: session.csrf });
    return request(path, { method: 'POST', jar: session.jar, body, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' } });
  }

  /** A Telegram resident who has written once (so the conversation knows its channel), and that conversation's id. */
  async function telegramResident(chatId: number): Promise<string> {
    const res = await rig.telegram.send(rig.telegram.text(chatId, 'xin chào'));
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    await rig.drain();
    return product.conversations.idFor('telegram', String(chatId));
  }

  return { ...rig, app, admin, request, createStaff, login, postForm, telegramResident };
}

export type ReportsRig = Awaited<ReturnType<typeof reportsRig>>;
