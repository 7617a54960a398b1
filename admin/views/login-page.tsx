export interface LoginPageProps {
  readonly loginCsrf: string;
  readonly next: string;
  readonly username?: string;
  readonly error?: string;
}

export function LoginForm(props: LoginPageProps) {
  return (
    <div class="card narrow">
      {props.error ? (
        <p class="alert" role="alert" id="login-error">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/admin/login" class="stack" aria-describedby={props.error ? 'login-error' : undefined}>
        <input type="hidden" name="_csrf" value={props.loginCsrf} />
        <input type="hidden" name="next" value={props.next} />
        <div class="field">
          <label for="username">Tên đăng nhập</label>
          <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck={false} required value={props.username ?? ''} autofocus />
        </div>
        <div class="field">
          <label for="password">Mật khẩu</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <button type="submit">Đăng nhập</button>
      </form>
    </div>
  );
}
