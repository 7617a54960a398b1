import { Hono } from 'hono';
import { ADMIN_CSS } from './assets/admin-css.ts';
import { ADMIN_JS } from './assets/admin-js.ts';
import { createGuard } from './auth/guard.ts';
import type { AdminEnv } from './context.ts';
import type { AdminDeps } from './deps.ts';
import { ADMIN_SECURITY } from './render.tsx';
import { accountRoutes } from './routes/account-routes.tsx';
import { auditRoutes } from './routes/audit-routes.tsx';
import { dashboardRoutes } from './routes/dashboard-routes.tsx';
import { knowledgeRoutes } from './routes/knowledge-routes.tsx';
import { loginRoutes } from './routes/login-routes.tsx';
import { reportsRoutes } from './routes/reports-routes.tsx';
import { statsRoutes } from './routes/stats-routes.ts';
import { handoffRoutes } from './routes/handoff-routes.tsx';
import { unansweredRoutes } from './routes/unanswered-routes.tsx';

const ASSET_CACHE = { 'cache-control': 'public, max-age=300' };

/**
 * The staff workspace, mounted at /admin by createApp. The guard runs first on every route and applies
 * admin/route-access.ts; each section is its own small Hono app mounted below.
 */
export function createAdminRoutes(deps: AdminDeps, apiToken?: string): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('*', createGuard({ admin: deps, ...(apiToken ? { apiToken } : {}) }));

  app.get('/assets/admin.css', (c) => c.body(ADMIN_CSS, 200, { ...ADMIN_SECURITY, ...ASSET_CACHE, 'content-type': 'text/css; charset=utf-8' }));
  app.get('/assets/admin.js', (c) => c.body(ADMIN_JS, 200, { ...ADMIN_SECURITY, ...ASSET_CACHE, 'content-type': 'text/javascript; charset=utf-8' }));

  app.route('/', loginRoutes(deps));
  app.route('/', dashboardRoutes(deps));
  app.route('/accounts', accountRoutes(deps));
  app.route('/audit', auditRoutes(deps));
  app.route('/stats', statsRoutes(deps));
  app.route('/reports', reportsRoutes(deps));
  app.route('/knowledge', knowledgeRoutes(deps));
  app.route('/unanswered', unansweredRoutes(deps));
  app.route('/handoffs', handoffRoutes(deps));
  return app;
}
