import { Hono } from 'hono';
import { DASHBOARD_CSS } from '../assets/dashboard-css.ts';
import { DASHBOARD_JS } from '../assets/dashboard-js.ts';
import { REPORTS_CSS } from '../assets/reports-css.ts';
import { UPLOT_CSS, UPLOT_JS } from '../assets/dashboard-uplot.ts';
import type { AdminEnv } from '../context.ts';
import type { AdminDeps } from '../deps.ts';
import { ADMIN_SECURITY, renderPage } from '../render.tsx';
import { buildCharts } from '../stats/charts.ts';
import { namesFrom } from '../stats/names.ts';
import { rangeFromQuery } from '../stats/vietnam-days.ts';
import { DashboardPage } from '../views/dashboard/dashboard-page.tsx';

const ASSET = { ...ADMIN_SECURITY, 'cache-control': 'public, max-age=300' };
const JS = { ...ASSET, 'content-type': 'text/javascript; charset=utf-8' };
const CSS = { ...ASSET, 'content-type': 'text/css; charset=utf-8' };

/** GET /admin: the dashboard for the province's leaders; and its scripts and styles, served from here (no CDN). */
export function dashboardRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/assets/uplot.min.js', (c) => c.body(UPLOT_JS, 200, JS));
  app.get('/assets/uplot.min.css', (c) => c.body(UPLOT_CSS, 200, CSS));
  app.get('/assets/dashboard.js', (c) => c.body(DASHBOARD_JS, 200, JS));
  app.get('/assets/dashboard.css', (c) => c.body(DASHBOARD_CSS, 200, CSS));
  // The reports board's few styles ride along here, with the workspace's other section assets.
  app.get('/assets/reports.css', (c) => c.body(REPORTS_CSS, 200, CSS));

  app.get('/', async (c) => {
    const now = deps.now();
    const { range, error } = rangeFromQuery(now, c.req.query('from'), c.req.query('to'));
    const stats = deps.services?.stats;
    if (!stats) {
      return renderPage(c, deps, { title: 'Tổng quan', active: 'dashboard' }, <p class="card empty">Chưa có dữ liệu thống kê trên máy chủ này.</p>);
    }
    const { charts, figures } = await buildCharts(stats, range, namesFrom(deps));
    return renderPage(c, deps, { title: 'Tổng quan', active: 'dashboard', status: error ? 400 : 200 }, <DashboardPage range={range} charts={charts} figures={figures} now={now} error={error} />);
  });
  return app;
}
