import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AdminEnv, CurrentStaff } from '../context.ts';
import type { AdminDeps } from '../deps.ts';
import { accessFor } from '../route-access.ts';
import { allows } from '../roles.ts';
import { clearSessionCookie, readSessionToken } from './cookies.ts';
import { isStateChanging, sameOrigin } from './origin.ts';
import { equalStrings } from './tokens.ts';

export interface GuardOptions {
  /** Staff stores and settings; without them no session can exist (only the API token works). */
  readonly admin?: AdminDeps;
  /** STAFF_API_TOKEN: a machine client of /api/staff, with every role there and no CSRF (it sends no cookies). */
  readonly apiToken?: string;
}

const API_CLIENT: CurrentStaff = { id: 'api-token', username: 'api-token', displayName: 'API token', role: 'admin', mustChangePassword: false, actor: 'api-token', viaApiToken: true };

/** The registered pattern of the route that will answer (middleware is registered as ALL). */
function routePattern(c: Context): string | undefined {
  return matchedRoutes(c).find((r) => r.method !== 'ALL')?.path;
}

function isApi(c: Context): boolean {
  return c.req.path.startsWith('/api/');
}

function refuse(c: Context, status: 401 | 403 | 500, message: string): Response {
  if (isApi(c)) return c.json({ error: message }, status);
  return c.text(message, status, { 'cache-control': 'no-store' });
}

function toLogin(c: Context): Response {
  const next = c.req.method === 'GET' ? `?next=${encodeURIComponent(c.req.path + (new URL(c.req.url).search || ''))}` : '';
  return c.redirect(`/admin/login${next}`, 303);
}

async function submittedCsrf(c: Context): Promise<string> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    // Hono caches the parsed body, so the route can read the form again.
    const value = (await c.req.parseBody())._csrf;
    return typeof value === 'string' ? value : '';
  }
  return '';
}

/**
 * One guard for /admin and /api/staff: finds who is asking (session cookie or API token), then applies the
 * route's line in admin/route-access.ts: signed in, password changed, role, and for writes the CSRF token and
 * Origin. A registered route missing from the table is refused (fail closed).
 */
export function createGuard(options: GuardOptions): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const pattern = routePattern(c);
    if (pattern === undefined) {
      // app.all('/admin/x') would look like middleware and slip past the table: only wildcard middleware may be ALL.
      if (matchedRoutes(c).some((r) => r.method === 'ALL' && !r.path.endsWith('*'))) return refuse(c, 500, 'routes under /admin and /api/staff must name their method');
      return next(); // no such route: the 404 handler answers
    }
    const access = accessFor(c.req.method, pattern);
    if (access === undefined) return refuse(c, 500, `route ${c.req.method} ${pattern} has no line in admin/route-access.ts`);

    const authorization = c.req.header('authorization');
    if (isApi(c) && authorization !== undefined) {
      const given = authorization.replace(/^Bearer\s+/i, '');
      if (!options.apiToken || given === '' || !equalStrings(given, options.apiToken)) return refuse(c, 401, 'a valid staff bearer token is required');
      c.set('staff', API_CLIENT);
      return next();
    }

    const admin = options.admin;
    const token = admin ? readSessionToken(c, admin.config) : undefined;
    const session = admin && token ? await admin.stores.sessions.resume(token) : undefined;
    const account = admin && session ? await admin.stores.accounts.byId(session.staffId) : undefined;
    if (admin && token && (!session || !account || account.disabled)) clearSessionCookie(c, admin.config);
    if (session && account && !account.disabled) {
      c.set('staff', { id: account.id, username: account.username, displayName: account.displayName, role: account.role, mustChangePassword: account.mustChangePassword, actor: account.username, viaApiToken: false });
      c.set('csrfToken', session.csrfToken);
      c.set('sessionTokenHash', session.tokenHash);
    }
    if (access === 'public') return next();

    const staff = c.get('staff');
    if (!staff || !session || !admin) {
      if (isApi(c)) return refuse(c, 401, 'sign in at /admin/login or send the staff bearer token');
      return toLogin(c);
    }
    if (isStateChanging(c.req.method)) {
      if (!sameOrigin(c, admin.config)) return refuse(c, 403, 'Yêu cầu bị từ chối: không đến từ trang quản trị này.');
      if (!equalStrings(await submittedCsrf(c), session.csrfToken)) return refuse(c, 403, 'Yêu cầu bị từ chối: thiếu hoặc sai mã chống giả mạo (CSRF). Hãy tải lại trang rồi thử lại.');
    }
    if (staff.mustChangePassword && access !== 'signed-in') {
      if (isApi(c)) return refuse(c, 403, 'change your one-time password at /admin/password first');
      return c.redirect('/admin/password', 303);
    }
    if (!allows(access, staff.role)) return refuse(c, 403, 'Tài khoản của bạn không có quyền dùng chức năng này.');
    return next();
  };
}
