import { Hono } from 'hono';
import type { AdminEnv } from '../context.ts';
import type { AdminDeps } from '../deps.ts';
import { renderPage } from '../render.tsx';
import { AuditPage } from '../views/audit-page.tsx';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day in Viet Nam (UTC+7) as the instant it starts or ends. */
function vietnamDay(day: string, end: boolean): Date | undefined {
  if (!DAY.test(day)) return undefined;
  const at = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}+07:00`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** /admin/audit: the audit log, newest first, filtered by actor, action (or "area." prefix) and days. */
export function auditRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => {
    const query = { actor: (c.req.query('actor') ?? '').trim(), action: (c.req.query('action') ?? '').trim(), from: c.req.query('from') ?? '', to: c.req.query('to') ?? '' };
    const from = query.from ? vietnamDay(query.from, false) : undefined;
    const to = query.to ? vietnamDay(query.to, true) : undefined;
    const bad = (query.from && !from) || (query.to && !to);
    const entries = await deps.stores.auditLog.list({
      ...(query.actor ? { actor: query.actor.toLowerCase() === query.actor ? query.actor : query.actor.toLowerCase() } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      limit: 300,
    });
    return renderPage(c, deps, { title: 'Nhật ký thay đổi', active: 'audit', status: bad ? 400 : 200 }, <AuditPage query={query} entries={entries} error={bad ? 'Ngày không hợp lệ (dạng năm-tháng-ngày).' : undefined} />);
  });
  return app;
}
