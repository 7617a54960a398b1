import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AuthConfig } from '../config.ts';

// __Host- binds the cookie to this exact host over https (no Domain, Path=/), so a sibling subdomain cannot set it.
export function sessionCookieName(config: AuthConfig): string {
  return config.secureCookies ? '__Host-staff_session' : 'staff_session';
}

export function readSessionToken(c: Context, config: AuthConfig): string | undefined {
  return getCookie(c, sessionCookieName(config));
}

export function setSessionCookie(c: Context, config: AuthConfig, token: string): void {
  // No Max-Age: the cookie dies with the browser; the server enforces idle and absolute expiry anyway.
  setCookie(c, sessionCookieName(config), token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: config.secureCookies });
}

export function clearSessionCookie(c: Context, config: AuthConfig): void {
  deleteCookie(c, sessionCookieName(config), { path: '/', secure: config.secureCookies });
}

/** The log-in form's pre-session CSRF pair (double submit): this cookie must equal the form's `_csrf`. */
export const LOGIN_CSRF_COOKIE = 'staff_login_csrf';

export function setLoginCsrfCookie(c: Context, config: AuthConfig, token: string): void {
  setCookie(c, LOGIN_CSRF_COOKIE, token, { path: '/admin/login', httpOnly: true, sameSite: 'Strict', secure: config.secureCookies, maxAge: 3600 });
}

export function readLoginCsrfCookie(c: Context): string | undefined {
  return getCookie(c, LOGIN_CSRF_COOKIE);
}
