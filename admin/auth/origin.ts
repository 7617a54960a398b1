import type { Context } from 'hono';
import type { AuthConfig } from '../config.ts';

/**
 * The second CSRF defence beside the token: a state-changing request from a browser must come from this site.
 * Browsers send Origin on every POST; a client without it (curl, tests) falls back to Sec-Fetch-Site, and
 * with neither it is let through to the token check.
 */
export function sameOrigin(c: Context, config: AuthConfig): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) return origin === new URL(c.req.url).origin || config.trustedOrigins.includes(origin);
  const site = c.req.header('sec-fetch-site');
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function isStateChanging(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method);
}
