import type { Access } from './roles.ts';

/**
 * THE table of who may use each /admin and /api/staff route, keyed "METHOD /full/path" exactly as the route is
 * registered (Hono's pattern, e.g. `/admin/accounts/:id/role`). The guard (admin/auth/guard.ts) enforces it on
 * every request and refuses any route missing from it; tests/admin-security.test.ts walks every registered route
 * against it. Adding a route = adding its line here.
 */
export const ROUTE_ACCESS: Readonly<Record<string, Access>> = {
  'GET /admin/login': 'public',
  'POST /admin/login': 'public',
  'GET /admin/assets/admin.css': 'public',
  'GET /admin/assets/admin.js': 'public',
  'POST /admin/logout': 'signed-in',
  'GET /admin/password': 'signed-in',
  'POST /admin/password': 'signed-in',
  'GET /admin': 'viewer',
  // The dashboard's charting library and its own script and styles: static files, nothing to protect.
  'GET /admin/assets/uplot.min.js': 'public',
  'GET /admin/assets/uplot.min.css': 'public',
  'GET /admin/assets/dashboard.js': 'public',
  'GET /admin/assets/dashboard.css': 'public',
  'GET /admin/assets/reports.css': 'public',
  'GET /admin/stats/:file': 'viewer',
  'GET /admin/reports': 'viewer',
  'GET /admin/reports/export.csv': 'viewer',
  'GET /admin/reports/:code': 'viewer',
  'POST /admin/reports/:code/status': 'operator',
  'POST /admin/reports/:code/assign': 'operator',
  'POST /admin/reports/:code/merge': 'operator',
  'GET /admin/accounts': 'admin',
  'POST /admin/accounts': 'admin',
  'POST /admin/accounts/:id/role': 'admin',
  'POST /admin/accounts/:id/disable': 'admin',
  'POST /admin/accounts/:id/enable': 'admin',
  'POST /admin/accounts/:id/reset-password': 'admin',
  'GET /admin/audit': 'admin',
  // Knowledge base (admin/routes/knowledge*.tsx): staff read, editors write.
  'GET /admin/knowledge/assets/knowledge.css': 'viewer',
  'GET /admin/knowledge/assets/editor.js': 'viewer',
  'GET /admin/knowledge/assets/sms-count.js': 'viewer',
  'GET /admin/knowledge': 'viewer',
  'POST /admin/knowledge': 'editor',
  'GET /admin/knowledge/new': 'editor',
  'GET /admin/knowledge/publish': 'viewer',
  'POST /admin/knowledge/publish': 'editor',
  'GET /admin/knowledge/transfer': 'viewer',
  'GET /admin/knowledge/export.csv': 'viewer',
  'GET /admin/knowledge/export.json': 'viewer',
  'POST /admin/knowledge/import': 'editor',
  'POST /admin/knowledge/import/confirm': 'editor',
  'POST /admin/knowledge/import/chunk': 'editor',
  'GET /admin/knowledge/:id': 'viewer',
  'POST /admin/knowledge/:id': 'editor',
  'GET /admin/knowledge/:id/try': 'viewer',
  'POST /admin/knowledge/:id/retire': 'editor',
  'POST /admin/knowledge/:id/unretire': 'editor',
  'GET /admin/knowledge/:id/versions': 'viewer',
  'POST /admin/knowledge/:id/versions/:version/restore': 'editor',
  'GET /admin/unanswered': 'viewer',
  'POST /admin/unanswered/example': 'editor',
  'POST /admin/unanswered/dismiss': 'editor',
  // The queue itself shows channels and times only; a resident's conversation is for operators.
  'GET /admin/handoffs': 'viewer',
  'GET /admin/handoffs/:id': 'operator',
  'POST /admin/handoffs/:id/take': 'operator',
  'POST /admin/handoffs/:id/reply': 'operator',
  'POST /admin/handoffs/:id/release': 'operator',

  'GET /api/staff/outbox': 'viewer',
  'GET /api/staff/inbox': 'viewer',
  'GET /api/staff/reports': 'viewer',
  'GET /api/staff/reports/:code': 'viewer',
  'POST /api/staff/reports/:code/assign': 'operator',
  'POST /api/staff/reports/:code/status': 'operator',
  'POST /api/staff/reports/:code/merge': 'operator',
};

export function accessFor(method: string, path: string): Access | undefined {
  return ROUTE_ACCESS[`${method === 'HEAD' ? 'GET' : method} ${path}`];
}
