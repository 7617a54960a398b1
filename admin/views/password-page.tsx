import { CsrfField } from './csrf-field.tsx';

export function PasswordForm(props: { csrfToken: string; forced: boolean; error?: string | undefined }) {
  return (
    <div class="card narrow">
      {props.forced ? (
        <p class="notice">Bạn đang dùng mật khẩu dùng một lần. Hãy đặt mật khẩu riêng trước khi tiếp tục.</p>
      ) : null}
      {props.error ? (
        <p class="alert" role="alert" id="password-error">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/admin/password" class="stack">
        <CsrfField token={props.csrfToken} />
        <div class="field">
          <label for="current">Mật khẩu hiện tại</label>
          <input id="current" name="current" type="password" autocomplete="current-password" required />
        </div>
        <div class="field">
          <label for="new-password">Mật khẩu mới</label>
          <input id="new-password" name="password" type="password" autocomplete="new-password" minlength={10} required aria-describedby="new-password-hint" />
          <span class="hint" id="new-password-hint">
            Ít nhất 10 ký tự, không chứa tên đăng nhập. Nên dùng một câu dễ nhớ.
          </span>
        </div>
        <div class="field">
          <label for="confirm">Nhập lại mật khẩu mới</label>
          <input id="confirm" name="confirm" type="password" autocomplete="new-password" required />
        </div>
        <button type="submit">Đổi mật khẩu</button>
      </form>
    </div>
  );
}
