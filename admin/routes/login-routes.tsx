import { Hono, type Context } from 'hono';
import { clearSessionCookie, readLoginCsrfCookie, readSessionToken, setLoginCsrfCookie, setSessionCookie } from '../auth/cookies.ts';
import { logIn } from '../auth/login.ts';
import { sameOrigin } from '../auth/origin.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.ts';
import { equalStrings, randomToken } from '../auth/tokens.ts';
import { currentStaff, csrfToken, type AdminEnv } from '../context.ts';
import { addressOf, type AdminDeps } from '../deps.ts';
import { renderPage } from '../render.tsx';
import { LoginForm } from '../views/login-page.tsx';
import { PasswordForm } from '../views/password-page.tsx';
import { readForm } from './form.ts';

/** Only a path inside the workspace: `next` must not send a freshly signed-in person to another site. */
export function safeNext(raw: string | undefined): string {
  if (!raw || !/^\/admin(?:[/?]|$)/.test(raw) || raw.includes('//') || raw.includes('\\') || raw.startsWith('/admin/login')) return '/admin';
  return raw;
}

const LOGIN_ERRORS = {
  invalid: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  locked: 'Đăng nhập sai quá nhiều lần. Tài khoản tạm khóa khoảng 15 phút; hãy thử lại sau hoặc nhờ quản trị viên đặt lại mật khẩu.',
  'rate-limited': 'Có quá nhiều lần đăng nhập sai từ địa chỉ này. Vui lòng thử lại sau ít phút.',
  csrf: 'Phiên của trang đăng nhập đã hết hạn. Vui lòng nhập lại.',
} as const;

/** /admin/login, /admin/logout and /admin/password (everyone's own password, and the forced first change). */
export function loginRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  const showLogin = (c: Context<AdminEnv>, next: string, status: 200 | 400 | 403 | 429, error?: string, username?: string) => {
    const loginCsrf = randomToken();
    setLoginCsrfCookie(c, deps.config, loginCsrf);
    return renderPage(c, deps, { title: 'Đăng nhập', status }, <LoginForm loginCsrf={loginCsrf} next={next} {...(error ? { error } : {})} {...(username ? { username } : {})} />);
  };

  app.get('/login', (c) => {
    if (c.get('staff') && !c.get('staff')?.viaApiToken) return c.redirect(safeNext(c.req.query('next')), 303);
    return showLogin(c, safeNext(c.req.query('next')), 200);
  });

  app.post('/login', async (c) => {
    const form = await readForm(c);
    const next = safeNext(form('next'));
    const cookie = readLoginCsrfCookie(c);
    if (!sameOrigin(c, deps.config) || !cookie || !equalStrings(cookie, form('_csrf'))) return showLogin(c, next, 403, LOGIN_ERRORS.csrf);
    const outcome = await logIn(deps, form('username'), form('password'), addressOf(deps, c));
    if (!outcome.ok) return showLogin(c, next, outcome.reason === 'invalid' ? 400 : 429, LOGIN_ERRORS[outcome.reason], form('username').slice(0, 64));
    // A new token on every log-in (and the old one ended), so a planted cookie is worth nothing.
    const previous = readSessionToken(c, deps.config);
    if (previous) await deps.stores.sessions.end(previous);
    setSessionCookie(c, deps.config, outcome.token);
    return c.redirect(outcome.account.mustChangePassword ? '/admin/password' : next, 303);
  });

  app.post('/logout', async (c) => {
    const token = readSessionToken(c, deps.config);
    if (token) await deps.stores.sessions.end(token);
    clearSessionCookie(c, deps.config);
    return c.redirect('/admin/login', 303);
  });

  app.get('/password', (c) => {
    const staff = currentStaff(c);
    return renderPage(c, deps, { title: 'Đổi mật khẩu', active: 'accounts' }, <PasswordForm csrfToken={csrfToken(c)} forced={staff.mustChangePassword} />);
  });

  app.post('/password', async (c) => {
    const staff = currentStaff(c);
    const form = await readForm(c);
    const account = await deps.stores.accounts.byId(staff.id);
    const fail = (error: string) => renderPage(c, deps, { title: 'Đổi mật khẩu', active: 'accounts', status: 400 }, <PasswordForm csrfToken={csrfToken(c)} forced={staff.mustChangePassword} error={error} />);
    if (!account || !(await verifyPassword(form('current').slice(0, 200), account.passwordHash))) return fail('Mật khẩu hiện tại không đúng.');
    const password = form('password');
    if (password !== form('confirm')) return fail('Hai lần nhập mật khẩu mới không khớp.');
    if (password === form('current')) return fail('Mật khẩu mới phải khác mật khẩu hiện tại.');
    const problem = passwordProblem(password, account.username);
    if (problem) return fail(problem);
    await deps.stores.accounts.setPassword(account.id, await hashPassword(password, deps.config.passwordIterations), false);
    // Other browsers signed in as this person are signed out; this one stays.
    await deps.stores.sessions.endAllFor(account.id, c.get('sessionTokenHash'));
    await deps.stores.auditLog.audit(staff.actor, 'account.password-change', account.username, null, null);
    return c.redirect('/admin', 303);
  });

  return app;
}
