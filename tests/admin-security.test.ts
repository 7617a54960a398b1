/**
 * Walks EVERY registered /admin and /api/staff route (read from the app, so routes added later are covered) and
 * shows each refuses: no session, an expired session, a write without the CSRF token (or from another origin),
 * a role that is too weak, and a password still to be changed. Minimum roles come from admin/route-access.ts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ROUTE_ACCESS } from '../admin/route-access.ts';
import { allows, ROLES, type Access, type Role } from '../admin/roles.ts';
import { adminRig, type AdminRig, type Session } from './admin-rig.ts';

let rig: AdminRig;
let otherAccountId: string;
before(async () => {
  rig = await adminRig();
  for (const role of ROLES) await rig.createStaff(`walk-${role}`, role);
  otherAccountId = (await rig.createStaff('walk-target', 'viewer')).id;
});
after(() => rig.cleanup());

interface Walked {
  readonly method: string;
  readonly pattern: string;
  readonly access: Access | undefined;
}

function walkedRoutes(): Walked[] {
  const seen = new Map<string, Walked>();
  for (const r of rig.app.routes) {
    if (!/^\/(admin|api\/staff)(\/|$)/.test(r.path) || r.method === 'ALL') continue;
    const key = `${r.method} ${r.path}`;
    seen.set(key, { method: r.method, pattern: r.path, access: ROUTE_ACCESS[key] });
  }
  return [...seen.values()];
}

/** A concrete URL for a pattern: parameters filled with something that exists where it matters. */
function concrete(pattern: string): string {
  return pattern.replace(/:id\b/g, otherAccountId).replace(/:code\b/g, 'PA0000').replace(/:[A-Za-z]+/g, 'x');
}

const isApi = (pattern: string) => pattern.startsWith('/api/');
const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

function send(route: Walked, session: Session | undefined, options: { csrf?: boolean; origin?: string } = {}) {
  const headers: Record<string, string> = { origin: options.origin ?? 'http://localhost' };
  const init: RequestInit & { jar?: Session['jar'] } = { method: route.method, headers, ...(session ? { jar: session.jar } : {}) };
  if (isWrite(route.method)) {
    if (isApi(route.pattern)) {
      headers['content-type'] = 'application/json';
      if (options.csrf !== false && session) headers['x-csrf-token'] = session.csrf;
      init.body = '{}';
    } else {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      init.body = new URLSearchParams(options.csrf !== false && session ? { _csrf: session.csrf } : {});
    }
  }
  return rig.request(concrete(route.pattern), init);
}

function assertSignedOut(route: Walked, response: Response, why: string): void {
  const label = `${route.method} ${route.pattern} (${why})`;
  if (isApi(route.pattern)) {
    assert.equal(response.status, 401, label);
  } else {
    assert.equal(response.status, 303, label);
    assert.match(response.headers.get('location') ?? '', /^\/admin\/login/, label);
  }
}

test('every /admin and /api/staff route has a line in admin/route-access.ts, and every line a route', () => {
  const routes = walkedRoutes();
  assert.ok(routes.length >= 20, `found only ${routes.length} routes`);
  assert.deepEqual(routes.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.pattern}`), [], 'routes missing from ROUTE_ACCESS');
  const registered = new Set(routes.map((r) => `${r.method} ${r.pattern}`));
  assert.deepEqual(Object.keys(ROUTE_ACCESS).filter((k) => !registered.has(k)), [], 'lines in ROUTE_ACCESS with no route');
  const methodless = rig.app.routes.filter((r) => r.method === 'ALL' && /^\/(admin|api\/staff)/.test(r.path) && !r.path.endsWith('*'));
  assert.deepEqual(methodless, [], 'app.all() under /admin or /api/staff');
});

test('without a session every non-public route refuses (log-in redirect for pages, 401 for the API)', async () => {
  for (const route of walkedRoutes().filter((r) => r.access !== 'public')) assertSignedOut(route, await send(route, undefined), 'no session');
});

test('with a session past its idle time, or past its absolute lifetime, every non-public route refuses', async () => {
  const routes = walkedRoutes().filter((r) => r.access !== 'public');
  const idle = await Promise.all(routes.map(() => rig.login('walk-admin')));
  rig.advance(rig.config.idleMs + 1000);
  for (const [i, route] of routes.entries()) assertSignedOut(route, await send(route, idle[i]), 'idle session');

  const busy = await Promise.all(routes.map(() => rig.login('walk-admin')));
  // Busy all day: each session is used every 20 minutes, so only the absolute limit can end it.
  for (let elapsed = 0; elapsed + 20 * 60_000 < rig.config.absoluteMs; elapsed += 20 * 60_000) {
    rig.advance(20 * 60_000);
    for (const session of busy) assert.notEqual((await rig.request('/admin', { jar: session.jar })).status, 303);
  }
  rig.advance(20 * 60_000);
  for (const [i, route] of routes.entries()) assertSignedOut(route, await send(route, busy[i]), 'session past its absolute lifetime');
});

test('every write refuses a session request without the CSRF token, with a wrong one, or from another origin', async () => {
  const writes = walkedRoutes().filter((r) => isWrite(r.method) && r.access !== 'public');
  assert.ok(writes.length > 0);
  for (const route of writes) {
    const label = `${route.method} ${route.pattern}`;
    const session = await rig.login('walk-admin');
    assert.equal((await send(route, session, { csrf: false })).status, 403, `${label} without token`);
    assert.equal((await send(route, { ...session, csrf: 'x'.repeat(43) })).status, 403, `${label} with a wrong token`);
    assert.equal((await send(route, session, { origin: 'https://evil.example' })).status, 403, `${label} from another origin`);
  }
  // The log-in form is public but still needs its own (pre-session) token.
  const noToken = await rig.request('/admin/login', { method: 'POST', body: new URLSearchParams({ username: 'walk-admin', password: 'x' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(noToken.status, 403);
});

test('every route refuses a role that is too weak, and lets the roles it names through', async () => {
  const sessions = new Map<Role, Session>();
  for (const role of ROLES) sessions.set(role, await rig.login(`walk-${role}`));
  for (const route of walkedRoutes().filter((r) => r.access !== 'public' && r.access !== undefined)) {
    const access = route.access as Access;
    for (const role of ROLES) {
      // Fresh sessions for writes that may end the session (log-out) or act on an account.
      const session = isWrite(route.method) ? await rig.login(`walk-${role}`) : (sessions.get(role) as Session);
      const response = await send(route, session);
      const label = `${route.method} ${route.pattern} as ${role}`;
      if (!allows(access, role)) {
        assert.equal(response.status, 403, label);
      } else if (route.pattern !== '/admin/logout') {
        assert.notEqual(response.status, 401, label);
        assert.notEqual(response.status, 403, label);
        assert.doesNotMatch(response.headers.get('location') ?? '', /^\/admin\/(login|password)/, label);
      }
    }
  }
});

test('a session whose password must still be changed reaches only the password page and log-out', async () => {
  await rig.createStaff('walk-fresh', 'admin', { mustChange: true });
  for (const route of walkedRoutes().filter((r) => r.access !== 'public')) {
    const session = await rig.login('walk-fresh');
    const response = await send(route, session);
    const label = `${route.method} ${route.pattern}`;
    if (route.access === 'signed-in') {
      assert.notEqual(response.status, 403, label);
    } else if (isApi(route.pattern)) {
      assert.equal(response.status, 403, label);
    } else {
      assert.equal(response.status, 303, label);
      assert.equal(response.headers.get('location'), '/admin/password', label);
    }
  }
});

test('the API token reaches every /api/staff route without a session; a wrong token none', async () => {
  for (const route of walkedRoutes().filter((r) => isApi(r.pattern))) {
    const init = { method: route.method, headers: { authorization: 'Bearer test-staff-api-token', 'content-type': 'application/json' }, ...(isWrite(route.method) ? { body: '{}' } : {}) };
    const response = await rig.request(concrete(route.pattern), init);
    assert.ok(![401, 403].includes(response.status), `${route.method} ${route.pattern} with the token: ${response.status}`);
    const wrong = await rig.request(concrete(route.pattern), { ...init, headers: { ...init.headers, authorization: 'Bearer wrong' } });
    assert.equal(wrong.status, 401);
  }
  // The token is for the API only: it opens no staff page.
  const page = await rig.request('/admin', { headers: { authorization: 'Bearer test-staff-api-token' } });
  assert.equal(page.status, 303);
});
