import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AdminEnv } from './context.ts';
import type { AdminDeps } from './deps.ts';
import { Layout, type NavKey } from './views/layout.tsx';

/** Strict like the chat page's, plus: forms post only here, no <base>, and same-origin referrers so POSTs carry Origin. */
export const ADMIN_SECURITY: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

export interface PageOptions {
  readonly title: string;
  readonly active?: NavKey;
  readonly status?: 200 | 400 | 403 | 404 | 409 | 429;
}

/** Renders `content` inside the shared layout with the current staff member, CSRF token and nav badges. */
export async function renderPage(c: Context<AdminEnv>, deps: AdminDeps, options: PageOptions, content: Child): Promise<Response> {
  const staff = c.get('staff');
  const badges = staff && deps.badges ? await deps.badges().catch(() => ({})) : {};
  const html = await (
    <Layout title={options.title} staff={staff} csrfToken={c.get('csrfToken')} active={options.active ?? 'none'} badges={badges}>
      {content}
    </Layout>
  ).toString();
  return c.html(`<!doctype html>${html}`, options.status ?? 200, ADMIN_SECURITY);
}
