import { Hono, type Context } from 'hono';
import { hashPassword } from '../auth/password.ts';
import { oneTimePassword } from '../auth/tokens.ts';
import { currentStaff, csrfToken, type AdminEnv } from '../context.ts';
import type { AdminDeps } from '../deps.ts';
import { renderPage } from '../render.tsx';
import { isRole } from '../roles.ts';
import { normaliseUsername, USERNAME_PATTERN, type StaffAccount } from '../store/accounts.ts';
import { AccountsList, CreateAccountForm, OneTimePassword } from '../views/accounts-page.tsx';
import { readForm } from './form.ts';

const NOTICES: Readonly<Record<string, string>> = {
  role: 'Đã đổi vai trò.',
  disabled: 'Đã khóa tài khoản; các phiên đăng nhập của người đó đã kết thúc.',
  enabled: 'Đã mở khóa tài khoản.',
};

/** What the audit log keeps of an account: never the hash. */
function publicFields(a: StaffAccount) {
  return { username: a.username, displayName: a.displayName, email: a.email, role: a.role, disabled: a.disabled };
}

/** /admin/accounts: admins list, create, change role, lock/unlock and reset passwords (one-time, shown once). */
export function accountRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const { accounts, sessions, auditLog } = deps.stores;

  const listPage = async (c: Context<AdminEnv>, extra: { notice?: string; error?: string; values?: Record<string, string>; status?: 200 | 400 | 409 } = {}) =>
    renderPage(
      c,
      deps,
      { title: 'Tài khoản cán bộ', active: 'accounts', status: extra.status ?? 200 },
      <>
        <AccountsList accounts={await accounts.list()} me={currentStaff(c)} csrfToken={csrfToken(c)} notice={extra.notice} />
        <CreateAccountForm csrfToken={csrfToken(c)} error={extra.error} {...(extra.values ? { values: extra.values } : {})} />
      </>,
    );

  /** The account named in the path, refused when missing or the admin's own (no one locks or demotes themself). */
  const other = async (c: Context<AdminEnv>): Promise<StaffAccount | Response> => {
    const account = await accounts.byId(c.req.param('id') ?? '');
    if (!account) return listPage(c, { error: 'Không tìm thấy tài khoản này.', status: 400 });
    if (account.id === currentStaff(c).id) return listPage(c, { error: 'Không thể tự khóa hay đổi vai trò của chính mình.', status: 400 });
    return account;
  };

  app.get('/', (c) => listPage(c, { notice: NOTICES[c.req.query('done') ?? ''] ?? '' }));

  app.post('/', async (c) => {
    const form = await readForm(c);
    const values = { username: form('username').trim(), displayName: form('displayName').trim(), email: form('email').trim(), role: form('role') };
    const username = normaliseUsername(values.username);
    const problem = !USERNAME_PATTERN.test(username)
      ? 'Tên đăng nhập chỉ gồm 3-32 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.'
      : !values.displayName || values.displayName.length > 100
        ? 'Hãy nhập họ và tên (tối đa 100 ký tự).'
        : values.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)
          ? 'Email không hợp lệ.'
          : !isRole(values.role)
            ? 'Hãy chọn vai trò.'
            : undefined;
    if (problem || !isRole(values.role)) return listPage(c, { error: problem ?? 'Hãy chọn vai trò.', values, status: 400 });
    const password = oneTimePassword();
    const created = await accounts.create({
      username,
      displayName: values.displayName,
      email: values.email || null,
      role: values.role,
      passwordHash: await hashPassword(password, deps.config.passwordIterations),
      mustChangePassword: true,
    });
    if (!created) return listPage(c, { error: `Tên đăng nhập ${username} đã có người dùng.`, values, status: 409 });
    await auditLog.audit(currentStaff(c).actor, 'account.create', created.username, null, publicFields(created));
    return renderPage(c, deps, { title: 'Đã tạo tài khoản', active: 'accounts' }, <OneTimePassword username={created.username} password={password} />);
  });

  app.post('/:id/role', async (c) => {
    const account = await other(c);
    if (account instanceof Response) return account;
    const role = (await readForm(c))('role');
    if (!isRole(role)) return listPage(c, { error: 'Vai trò không hợp lệ.', status: 400 });
    await accounts.update(account.id, { role });
    await auditLog.audit(currentStaff(c).actor, 'account.role', account.username, { role: account.role }, { role });
    return c.redirect('/admin/accounts?done=role', 303);
  });

  for (const [verb, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/:id/${verb}`, async (c) => {
      const account = await other(c);
      if (account instanceof Response) return account;
      await accounts.update(account.id, { disabled });
      if (disabled) await sessions.endAllFor(account.id);
      await auditLog.audit(currentStaff(c).actor, `account.${verb}`, account.username, { disabled: account.disabled }, { disabled });
      return c.redirect(`/admin/accounts?done=${disabled ? 'disabled' : 'enabled'}`, 303);
    });
  }

  app.post('/:id/reset-password', async (c) => {
    const account = await other(c);
    if (account instanceof Response) return account;
    const password = oneTimePassword();
    await accounts.setPassword(account.id, await hashPassword(password, deps.config.passwordIterations), true);
    await sessions.endAllFor(account.id);
    await auditLog.audit(currentStaff(c).actor, 'account.password-reset', account.username, null, { mustChangePassword: true });
    return renderPage(c, deps, { title: 'Đã đặt lại mật khẩu', active: 'accounts' }, <OneTimePassword username={account.username} password={password} />);
  });

  return app;
}
