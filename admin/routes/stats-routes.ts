import { Hono } from 'hono';
import type { AdminEnv } from '../context.ts';
import type { AdminDeps } from '../deps.ts';
import { buildCharts } from '../stats/charts.ts';
import { chartCsv, csvHeaders } from '../stats/csv.ts';
import { namesFrom } from '../stats/names.ts';
import { rangeFromQuery } from '../stats/vietnam-days.ts';

/** GET /admin/stats/<chart>.csv?from=&to=: one chart's numbers, as its table on the dashboard shows them. */
export function statsRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/:file', async (c) => {
    const name = /^([a-z-]+)\.csv$/.exec(c.req.param('file'))?.[1];
    const stats = deps.services?.stats;
    if (!name || !stats) return c.text('Không có bảng số liệu này.', 404);
    const { range, error } = rangeFromQuery(deps.now(), c.req.query('from'), c.req.query('to'));
    if (error) return c.text(error, 400);
    // Every chart is built to pick one: the queries are a handful of grouped counts, cheap next to a download.
    const chart = (await buildCharts(stats, range, namesFrom(deps))).charts.find((ch) => ch.name === name);
    if (!chart) return c.text('Không có bảng số liệu này.', 404);
    return c.body(chartCsv(chart), 200, { ...csvHeaders(`${name}_${range.from}_${range.to}.csv`), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  });
  return app;
}
