/** Accounts and sessions: hashing, lockout, expiry, first admin, forced password change, log-out, accounts page, API actor. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hashPassword, needsRehash, parseHash, PASSWORD_ITERATIONS, verifyPassword } from '../admin/auth/password.ts';
import { ensureFirstAdmin } from '../admin/bootstrap.ts';
import type { ReportService } from '../bot/reports/service.ts';
import type { ReportStore } from '../bot/reports/store.ts';
import type { Report } from '../bot/reports/types.ts';
import { adminRig, CookieJar, TEST_PASSWORD, type AdminRig } from './admin-rig.ts';

const actors: string[] = [];
const REPORT = { code: 'PA1234', status: 'received', publicNote: null, assignee: null, conversationId: null, duplicateOf: null } as unknown as Report;
const reports = { get: async (code: string) => (code === 'PA1234' ? REPORT : undefined) } as unknown as ReportStore;
const reportService = {
  changeStatus: async (_code: string, change: { actor: string; status: string }) => {
    actors.push(change.actor);
    return { report: { ...REPORT, status: change.status }, event: {}, notified: 0 };
  },
} as unknown as ReportService;

/** The earlier format's hash, straight from Web Crypto, with salt bytes 0..15. */
async function legacyPbkdf2(password: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: Uint8Array.from({ length: 16 }, (_, i) => i), iterations: 600_000 }, key, 256));
  return btoa(String.fromCharCode(...bits)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

let rig: AdminRig;
before(async () => {
  rig = await adminRig({}, { reports, reportService });
});
after(() => rig.cleanup());

test('scrypt at the strength of 600,000 PBKDF2-SHA256 iterations: round trip, salted, cost stored with the hash; old PBKDF2 hashes still verify and are redone', async () => {
  assert.ok(PASSWORD_ITERATIONS >= 600_000);
  const started = performance.now();
  const stored = await hashPassword('Cần Thơ mùa nước nổi');
  const ms = performance.now() - started;
  assert.match(stored, /^scrypt\$16384\$8\$5\$[\w-]{22}\$[\w-]{43}$/);
  assert.equal(parseHash(stored)?.iterations, 600_000);
  assert.equal(await verifyPassword('Cần Thơ mùa nước nổi', stored), true);
  assert.equal(await verifyPassword('Can Tho mua nuoc noi', stored), false);
  assert.notEqual(await hashPassword('Cần Thơ mùa nước nổi'), stored, 'a fresh salt each time');
  assert.equal(needsRehash(stored), false);
  assert.equal(needsRehash(await hashPassword('x', 1000)), true);
  assert.equal(await verifyPassword('x', 'md5$abc'), false);
  // A hash stored before scrypt (pbkdf2-sha256, 600,000 iterations of "Cần Thơ mùa nước nổi").
  const legacy = 'pbkdf2-sha256$600000$AAECAwQFBgcICQoLDA0ODw$' + (await legacyPbkdf2('Cần Thơ mùa nước nổi'));
  assert.equal(await verifyPassword('Cần Thơ mùa nước nổi', legacy), true);
  assert.equal(await verifyPassword('Can Tho mua nuoc noi', legacy), false);
  assert.equal(needsRehash(legacy), true);
  console.log(`# one scrypt hash (N=2^14, r=8, p=5): ${Math.round(ms)} ms`);
});

test('five failures lock the account for about 15 minutes, even for the right password; unknown names lock alike', async () => {
  await rig.createStaff('lan.nt', 'editor');
  for (let i = 0; i < 4; i++) assert.equal((await rig.submitLogin('lan.nt', 'sai mật khẩu')).response.status, 400);
  const fifth = await rig.submitLogin('lan.nt', 'sai mật khẩu');
  assert.equal(fifth.response.status, 429);
  assert.match(await fifth.response.text(), /tạm khóa/);
  assert.equal((await rig.submitLogin('LAN.NT', TEST_PASSWORD)).response.status, 429, 'locked even with the right password');
  for (let i = 0; i < 5; i++) await rig.submitLogin('khong-ton-tai', 'x');
  assert.match(await (await rig.submitLogin('khong-ton-tai', 'x')).response.text(), /tạm khóa/, 'a name that does not exist behaves the same');
  rig.advance(rig.config.lockMs + 1000);
  assert.equal((await rig.submitLogin('lan.nt', TEST_PASSWORD)).response.status, 303);
});

test('one address with many failures across usernames is told to wait', async () => {
  const local = await adminRig({ addressFailures: 3 });
  try {
    await local.createStaff('a1', 'viewer');
    for (const name of ['x1', 'x2', 'x3']) await local.submitLogin(name, 'x');
    const blocked = await local.submitLogin('a1', TEST_PASSWORD);
    assert.equal(blocked.response.status, 429);
    assert.match(await blocked.response.text(), /địa chỉ này/);
  } finally {
    await local.cleanup();
  }
});

test('idle expiry after 30 minutes without use; use keeps the session alive until the absolute limit', async () => {
  await rig.createStaff('idle.user', 'viewer');
  const session = await rig.login('idle.user');
  rig.advance(rig.config.idleMs - 60_000);
  assert.equal((await rig.request('/admin', { jar: session.jar })).status, 200);
  rig.advance(rig.config.idleMs - 60_000);
  assert.equal((await rig.request('/admin', { jar: session.jar })).status, 200, 'used just in time');
  rig.advance(rig.config.idleMs + 1);
  const expired = await rig.request('/admin', { jar: session.jar });
  assert.equal(expired.status, 303);
  assert.equal(expired.headers.get('location'), '/admin/login?next=%2Fadmin');
  assert.equal(session.jar.values.has('staff_session'), false, 'the dead cookie is cleared');
});

test('first admin from ADMIN_USERNAME / ADMIN_PASSWORD, once; must change the password at first log-in', async () => {
  const local = await adminRig();
  try {
    const outcome = await ensureFirstAdmin(local.stores, { ADMIN_USERNAME: 'QuanTri', ADMIN_PASSWORD: 'mật khẩu từ môi trường' }, 1000);
    assert.deepEqual(outcome, { created: true, username: 'quantri' });
    assert.deepEqual(await ensureFirstAdmin(local.stores, { ADMIN_USERNAME: 'other', ADMIN_PASSWORD: 'x' }, 1000), { created: false });
    assert.equal(await local.stores.accounts.count(), 1);
    const { response } = await local.submitLogin('quantri', 'mật khẩu từ môi trường');
    assert.equal(response.headers.get('location'), '/admin/password');
  } finally {
    await local.cleanup();
  }
});

test('first admin without settings: "admin" with a random one-time password, returned once to be printed', async () => {
  const local = await adminRig();
  try {
    const outcome = await ensureFirstAdmin(local.stores, {}, 1000);
    assert.ok(outcome.created && outcome.oneTimePassword);
    assert.equal(outcome.username, 'admin');
    assert.match(outcome.oneTimePassword, /^[a-z2-9]{16}$/);
    assert.deepEqual(await ensureFirstAdmin(local.stores, {}, 1000), { created: false }, 'never again');
    const account = await local.stores.accounts.byUsername('admin');
    assert.equal(account?.role, 'admin');
    assert.equal(account?.mustChangePassword, true);
    assert.doesNotMatch(account?.passwordHash ?? '', new RegExp(outcome.oneTimePassword), 'only the hash is stored');
    const audit = await local.stores.auditLog.list();
    assert.doesNotMatch(JSON.stringify(audit), new RegExp(outcome.oneTimePassword), 'the password is not in the audit log');
  } finally {
    await local.cleanup();
  }
});

test('must change the password: only the password page until done, then everything; other sessions end', async () => {
  await rig.createStaff('moi.vao', 'operator', { mustChange: true, password: 'tam-thoi-123' });
  const { response, jar } = await rig.submitLogin('moi.vao', 'tam-thoi-123', new CookieJar(), '/admin/audit');
  assert.equal(response.headers.get('location'), '/admin/password');
  const page = await rig.request('/admin/password', { jar });
  const csrf = /name="csrf-token" content="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const session = { jar, csrf };
  const other = await rig.login('moi.vao', 'tam-thoi-123');
  assert.equal((await rig.request('/admin', { jar })).headers.get('location'), '/admin/password');
  assert.equal((await rig.request('/api/staff/reports', { jar })).status, 403);

  assert.equal((await rig.postForm('/admin/password', session, { current: 'sai', password: 'một câu dài dễ nhớ', confirm: 'một câu dài dễ nhớ' })).status, 400);
  assert.equal((await rig.postForm('/admin/password', session, { current: 'tam-thoi-123', password: 'một câu dài dễ nhớ', confirm: 'khác' })).status, 400);
  const short = await rig.postForm('/admin/password', session, { current: 'tam-thoi-123', password: 'ngắn', confirm: 'ngắn' });
  assert.match(await short.text(), /ít nhất 10 ký tự/);
  const done = await rig.postForm('/admin/password', session, { current: 'tam-thoi-123', password: 'một câu dài dễ nhớ', confirm: 'một câu dài dễ nhớ' });
  assert.equal(done.status, 303);
  assert.equal((await rig.request('/admin', { jar })).status, 200);
  assert.equal((await rig.request('/admin', { jar: other.jar })).status, 303, 'the other browser is signed out');
  assert.equal((await rig.stores.accounts.byUsername('moi.vao'))?.mustChangePassword, false);
  assert.ok((await rig.stores.auditLog.list({ action: 'account.password-change' })).some((e) => e.subject === 'moi.vao'));
});

test('log-out ends the session in the database and clears the cookie', async () => {
  await rig.createStaff('ra.ve', 'viewer');
  const session = await rig.login('ra.ve');
  const copy = new CookieJar();
  for (const [k, v] of session.jar.values) copy.values.set(k, v);
  const out = await rig.postForm('/admin/logout', session);
  assert.equal(out.status, 303);
  assert.equal(out.headers.get('location'), '/admin/login');
  assert.equal(session.jar.values.has('staff_session'), false);
  assert.equal((await rig.request('/admin', { jar: copy })).status, 303, 'a copy of the old cookie is worthless');
});

test('the session cookie is HttpOnly and SameSite; Secure with the __Host- prefix behind https', async () => {
  await rig.createStaff('cookie.user', 'viewer');
  const { response } = await rig.submitLogin('cookie.user', TEST_PASSWORD);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('staff_session=')) ?? '';
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.doesNotMatch(cookie, /Secure/);
  const secure = await adminRig({ secureCookies: true });
  try {
    await secure.createStaff('s1', 'viewer');
    const { response: r } = await secure.submitLogin('s1', TEST_PASSWORD);
    assert.match(r.headers.getSetCookie().join('\n'), /__Host-staff_session=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax/);
  } finally {
    await secure.cleanup();
  }
});

test('accounts: an admin creates, changes the role, locks, resets; each change in the audit log; names are escaped', async () => {
  await rig.createStaff('boss', 'admin');
  const admin = await rig.login('boss');
  const created = await rig.postForm('/admin/accounts', admin, { username: 'Hoa.PT', displayName: '<script>alert(1)</script> Phạm Hoa', email: '', role: 'editor' });
  assert.equal(created.status, 200);
  const password = /class="secret">([a-z2-9]{16})</.exec(await created.text())?.[1];
  assert.ok(password, 'the one-time password is shown');
  const hoa = await rig.stores.accounts.byUsername('hoa.pt');
  assert.equal(hoa?.role, 'editor');
  assert.equal(hoa?.mustChangePassword, true);
  const list = await (await rig.request('/admin/accounts', { jar: admin.jar })).text();
  assert.match(list, /&lt;script&gt;alert\(1\)&lt;\/script&gt; Phạm Hoa/);
  assert.doesNotMatch(list, /<script>alert/);
  assert.equal((await rig.postForm('/admin/accounts', admin, { username: 'hoa.pt', displayName: 'Trùng', role: 'viewer' })).status, 409);

  const hoaSession = await rig.login('hoa.pt', password);
  assert.equal((await rig.postForm(`/admin/accounts/${hoa?.id}/role`, admin, { role: 'operator' })).status, 303);
  assert.equal((await rig.stores.accounts.byId(hoa?.id ?? ''))?.role, 'operator');
  assert.equal((await rig.postForm(`/admin/accounts/${hoa?.id}/disable`, admin)).status, 303);
  assert.equal((await rig.request('/admin/password', { jar: hoaSession.jar })).status, 303, 'locking ends their sessions');
  assert.equal((await rig.submitLogin('hoa.pt', password)).response.status, 400, 'a locked account cannot sign in');
  await rig.postForm(`/admin/accounts/${hoa?.id}/enable`, admin);
  const reset = await rig.postForm(`/admin/accounts/${hoa?.id}/reset-password`, admin);
  const fresh = /class="secret">([a-z2-9]{16})</.exec(await reset.text())?.[1];
  assert.ok(fresh && fresh !== password);
  assert.equal((await rig.submitLogin('hoa.pt', fresh)).response.headers.get('location'), '/admin/password');

  const me = await rig.stores.accounts.byUsername('boss');
  assert.equal((await rig.postForm(`/admin/accounts/${me?.id}/disable`, admin)).status, 400, 'no one locks themself out');

  const actions = (await rig.stores.auditLog.list({ actor: 'boss' })).map((e) => e.action).sort();
  assert.deepEqual(actions, ['account.create', 'account.disable', 'account.enable', 'account.password-reset', 'account.role']);
  const roleChange = (await rig.stores.auditLog.list({ action: 'account.role' }))[0];
  assert.deepEqual([roleChange?.before, roleChange?.after], [{ role: 'editor' }, { role: 'operator' }]);
  assert.doesNotMatch(JSON.stringify(await rig.stores.auditLog.list()), /pbkdf2|\$600000|\$1000\$/, 'no hash in the audit log');

  const filtered = await (await rig.request('/admin/audit?actor=boss&action=account.&from=2026-01-01&to=2030-12-31', { jar: admin.jar })).text();
  assert.match(filtered, /account\.role/);
  assert.equal((await rig.request('/admin/audit?from=hôm-qua', { jar: admin.jar })).status, 400);
  const none = await (await rig.request('/admin/audit?actor=nobody', { jar: admin.jar })).text();
  assert.match(none, /Không có mục nào/);
});

test('/api/staff with a staff session: reads need any role, writes the CSRF header and operator; history names the person', async () => {
  await rig.createStaff('dieu.phoi', 'operator');
  const operator = await rig.login('dieu.phoi');
  await rig.createStaff('api.viewer', 'viewer');
  const viewer = await rig.login('api.viewer');
  const read = await rig.request('/api/staff/outbox', { jar: viewer.jar });
  assert.ok(![401, 403].includes(read.status), 'a viewer reads without a CSRF header');
  const write = (headers: Record<string, string>) =>
    rig.request('/api/staff/reports/PA1234/status', { method: 'POST', jar: operator.jar, headers: { 'content-type': 'application/json', origin: 'http://localhost', ...headers }, body: JSON.stringify({ status: 'in-progress', note: 'Đã tiếp nhận' }) });
  assert.equal((await write({})).status, 403);
  const ok = await write({ 'x-csrf-token': operator.csrf });
  assert.equal(ok.status, 200);
  const token = await rig.request('/api/staff/reports/PA1234/status', { method: 'POST', headers: { authorization: 'Bearer test-staff-api-token', 'content-type': 'application/json' }, body: JSON.stringify({ status: 'resolved', actor: 'spoofed' }) });
  assert.equal(token.status, 200);
  assert.deepEqual(actors, ['staff:dieu.phoi', 'api-token']);
  const audit = await rig.stores.auditLog.list({ action: 'report.status' });
  assert.deepEqual(audit.map((e) => e.actor).sort(), ['api-token', 'dieu.phoi']);
});

test('log-in redirects only inside the workspace', async () => {
  await rig.createStaff('next.user', 'viewer');
  for (const [next, expected] of [['/admin/audit', '/admin/audit'], ['https://evil.example/', '/admin'], ['//evil.example', '/admin'], ['/admin//evil', '/admin'], ['/chat', '/admin']] as const) {
    const { response } = await rig.submitLogin('next.user', TEST_PASSWORD, new CookieJar(), next);
    assert.equal(response.headers.get('location'), expected, next);
  }
});
