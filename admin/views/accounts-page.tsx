import type { CurrentStaff } from '../context.ts';
import { ROLE_TITLES, ROLES } from '../roles.ts';
import type { StaffAccount } from '../store/accounts.ts';
import { CsrfField } from './csrf-field.tsx';
import { DataTable, Notice } from './page-parts.tsx';

function RoleSelect(props: { id: string; selected?: string }) {
  return (
    <select id={props.id} name="role" required>
      {ROLES.map((role) => (
        <option value={role} selected={role === props.selected}>
          {ROLE_TITLES[role]}
        </option>
      ))}
    </select>
  );
}

export function CreateAccountForm(props: { csrfToken: string; error?: string | undefined; values?: Record<string, string> }) {
  const v = props.values ?? {};
  return (
    <section class="card" aria-labelledby="create-heading">
      <h2 id="create-heading">Tạo tài khoản</h2>
      <Notice error={props.error} />
      <form method="post" action="/admin/accounts" class="stack">
        <CsrfField token={props.csrfToken} />
        <div class="field">
          <label for="new-username">Tên đăng nhập</label>
          <input id="new-username" name="username" required pattern="[A-Za-z0-9][A-Za-z0-9._\-]{2,31}" autocapitalize="none" value={v.username ?? ''} aria-describedby="new-username-hint" />
          <span class="hint" id="new-username-hint">
            3-32 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.
          </span>
        </div>
        <div class="field">
          <label for="new-display-name">Họ và tên</label>
          <input id="new-display-name" name="displayName" required maxlength={100} value={v.displayName ?? ''} />
        </div>
        <div class="field">
          <label for="new-email">Email (không bắt buộc)</label>
          <input id="new-email" name="email" type="email" maxlength={200} value={v.email ?? ''} />
        </div>
        <div class="field">
          <label for="new-role">Vai trò</label>
          <RoleSelect id="new-role" selected={v.role ?? 'viewer'} />
        </div>
        <button type="submit">Tạo tài khoản</button>
      </form>
    </section>
  );
}

function AccountRow(props: { account: StaffAccount; me: CurrentStaff; csrfToken: string }) {
  const a = props.account;
  const self = a.id === props.me.id;
  return (
    <tr>
      <td>
        <strong>{a.displayName}</strong>
        <br />
        {a.username}
        {a.email ? (
          <>
            <br />
            {a.email}
          </>
        ) : null}
      </td>
      <td>
        {a.disabled ? 'Đã khóa' : 'Đang dùng'}
        {a.mustChangePassword ? (
          <>
            <br />
            <span class="hint">Chờ đổi mật khẩu</span>
          </>
        ) : null}
      </td>
      <td>
        {self ? (
          ROLE_TITLES[a.role]
        ) : (
          <form method="post" action={`/admin/accounts/${a.id}/role`}>
            <CsrfField token={props.csrfToken} />
            <label class="visually-hidden" for={`role-${a.id}`}>
              Vai trò của {a.username}
            </label>
            <RoleSelect id={`role-${a.id}`} selected={a.role} />
            <button type="submit" class="secondary">
              Đổi vai trò
            </button>
          </form>
        )}
      </td>
      <td>
        {self ? (
          <a href="/admin/password">Đổi mật khẩu của tôi</a>
        ) : (
          <>
            <form method="post" action={`/admin/accounts/${a.id}/${a.disabled ? 'enable' : 'disable'}`} data-confirm={a.disabled ? undefined : `Khóa tài khoản ${a.username}?`}>
              <CsrfField token={props.csrfToken} />
              <button type="submit" class={a.disabled ? 'secondary' : 'danger'}>
                {a.disabled ? 'Mở khóa' : 'Khóa'}
                <span class="visually-hidden"> {a.username}</span>
              </button>
            </form>
            <form method="post" action={`/admin/accounts/${a.id}/reset-password`} data-confirm={`Đặt lại mật khẩu của ${a.username}?`}>
              <CsrfField token={props.csrfToken} />
              <button type="submit" class="secondary">
                Đặt lại mật khẩu<span class="visually-hidden"> của {a.username}</span>
              </button>
            </form>
          </>
        )}
      </td>
    </tr>
  );
}

export function AccountsList(props: { accounts: readonly StaffAccount[]; me: CurrentStaff; csrfToken: string; notice?: string | undefined }) {
  return (
    <>
      <Notice notice={props.notice} />
      <DataTable card caption="Danh sách tài khoản cán bộ" columns={['Cán bộ', 'Trạng thái', 'Vai trò', 'Thao tác']}>
        {props.accounts.map((account) => (
          <AccountRow account={account} me={props.me} csrfToken={props.csrfToken} />
        ))}
      </DataTable>
    </>
  );
}

/** Shown once after creating an account or resetting a password; the password is not stored anywhere readable. */
export function OneTimePassword(props: { username: string; password: string }) {
  return (
    <div class="card">
      <p>
        Mật khẩu dùng một lần của <strong>{props.username}</strong>:
      </p>
      <p>
        <span class="secret">{props.password}</span>
      </p>
      <p class="hint">Chỉ hiện một lần. Hãy trao tận tay người dùng; họ phải đổi mật khẩu ngay lần đăng nhập đầu.</p>
      <p>
        <a href="/admin/accounts">Quay lại danh sách tài khoản</a>
      </p>
    </div>
  );
}
