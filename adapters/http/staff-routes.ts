import { Hono, type Context } from 'hono';
import type { ConversationStore } from '../../bot/conversation-store.ts';
import type { Outbox } from '../../bot/outbox.ts';
import { ReportError, type ReportService } from '../../bot/reports/service.ts';
import type { ReportStore } from '../../bot/reports/store.ts';
import { REPORT_STATUSES, type Report, type ReportStatus } from '../../bot/reports/types.ts';
import { createGuard } from '../../admin/auth/guard.ts';
import { currentStaff, type AdminEnv, type CurrentStaff } from '../../admin/context.ts';
import type { AdminDeps } from '../../admin/deps.ts';

export interface StaffDeps {
  /** STAFF_API_TOKEN: machine clients send it as a bearer token (actor "api-token"); people use their staff session. */
  readonly token?: string;
  readonly outbox?: Outbox;
  readonly reports?: ReportStore;
  readonly reportService?: ReportService;
  readonly conversations?: ConversationStore;
}

const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const;

/** What staff see of a report: everything but the reporter's channel id (phone number, chat id). */
function staffView(report: Report) {
  const { conversationId: _hidden, ...visible } = report;
  return { ...visible, hasReporterConversation: report.conversationId !== null };
}

async function readJson(c: Context): Promise<Record<string, unknown> | undefined> {
  try {
    const body = (await c.req.json()) as unknown;
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** How report history names who acted: the person's username, or the machine client. */
function historyActor(staff: CurrentStaff): string {
  return staff.viaApiToken ? 'api-token' : `staff:${staff.username}`;
}

/**
 * The staff JSON API under /api/staff: reports (list, detail, assign, status, merge) and the outbox. Who may call
 * what is in admin/route-access.ts; the guard accepts the API token or a staff session (writes also need the
 * x-csrf-token header).
 */
export function createStaffRoutes(deps: StaffDeps, admin?: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const audit = async (c: Context<AdminEnv>, action: string, subject: string, before: unknown, after: unknown) =>
    admin?.stores.auditLog.audit(currentStaff(c).actor, action, subject, before, after);

  app.use('*', async (c, next) => {
    if (deps.token === undefined && admin === undefined) return c.json({ error: 'the staff API is off: set STAFF_API_TOKEN' }, 404);
    await next();
  });
  app.use('*', createGuard({ ...(admin ? { admin } : {}), ...(deps.token !== undefined ? { apiToken: deps.token } : {}) }));

  app.get('/outbox', async (c) => {
    const status = c.req.query('status') ?? 'dead';
    if (!(OUTBOX_STATUSES as readonly string[]).includes(status)) return c.json({ error: `status must be one of ${OUTBOX_STATUSES.join(', ')}` }, 400);
    if (!deps.outbox) return c.json({ error: 'the outbox is not available' }, 404);
    const items = await deps.outbox.list(status as (typeof OUTBOX_STATUSES)[number]);
    // Staff see where and why; the phone number or chat id stays in the database.
    return c.json({
      items: items.map((i) => ({ id: i.id, provider: i.provider, conversationId: i.conversationId, status: i.status, attempts: i.attempts, lastError: i.lastError, createdAt: i.createdAt })),
    });
  });

  app.get('/reports', async (c) => {
    if (!deps.reports) return c.json({ error: 'reports are not available' }, 404);
    const statuses = (c.req.query('status') ?? '').split(',').filter(Boolean);
    const unknown = statuses.filter((s) => !(REPORT_STATUSES as readonly string[]).includes(s));
    if (unknown.length > 0) return c.json({ error: `unknown status ${unknown.join(', ')}; use ${REPORT_STATUSES.join(', ')}` }, 400);
    const limit = Math.min(500, Math.max(1, Number(c.req.query('limit') ?? 100) || 100));
    const category = c.req.query('category');
    const commune = c.req.query('commune');
    const reports = await deps.reports.list({ status: statuses as ReportStatus[], limit, ...(category ? { category } : {}), ...(commune ? { commune } : {}) });
    return c.json({ reports: reports.map(staffView) });
  });

  app.get('/reports/:code', async (c) => {
    const report = await deps.reports?.get(c.req.param('code'));
    if (!report || !deps.reports) return c.json({ error: `no report ${c.req.param('code')}` }, 404);
    const [events, subscribers, linked] = await Promise.all([
      deps.reports.events(report.code),
      deps.reports.subscribers(report.code),
      deps.reports.list({ limit: 100 }).then((all) => all.filter((r) => r.duplicateOf === report.code).map((r) => r.code)),
    ]);
    const conversation = report.conversationId && deps.conversations ? await deps.conversations.transcript(report.conversationId) : [];
    return c.json({ report: staffView(report), events, subscriberCount: subscribers.length, linkedReports: linked, conversation });
  });

  app.post('/reports/:code/assign', async (c) => {
    const body = await readJson(c);
    if (!body || (body.assignee !== null && typeof body.assignee !== 'string')) return c.json({ error: 'body must be {"assignee": "<name or unit>"} or {"assignee": null}' }, 400);
    const before = await deps.reports?.get(c.req.param('code'));
    if (!before) return c.json({ error: `no report ${c.req.param('code')}` }, 404);
    const assignee = (body.assignee as string | null)?.trim() || null;
    await deps.reports?.assign(c.req.param('code'), assignee);
    await audit(c, 'report.assign', before.code, { assignee: before.assignee }, { assignee });
    return c.json({ report: staffView((await deps.reports?.get(c.req.param('code'))) as Report) });
  });

  app.post('/reports/:code/status', async (c) => {
    const body = await readJson(c);
    if (!body || typeof body.status !== 'string') return c.json({ error: `body must be {"status": one of ${REPORT_STATUSES.join(', ')}, "note": "...", "photoUrl": "https://..."}` }, 400);
    if (!deps.reportService) return c.json({ error: 'reports are not available' }, 404);
    try {
      const before = await deps.reports?.get(c.req.param('code'));
      const result = await deps.reportService.changeStatus(c.req.param('code'), {
        status: body.status as ReportStatus,
        note: typeof body.note === 'string' ? body.note : null,
        photoUrl: typeof body.photoUrl === 'string' ? body.photoUrl : null,
        actor: historyActor(currentStaff(c)),
      });
      await audit(c, 'report.status', result.report.code, before ? { status: before.status, publicNote: before.publicNote } : null, { status: result.report.status, publicNote: result.report.publicNote });
      return c.json({ report: staffView(result.report), event: result.event, notified: result.notified });
    } catch (error) {
      if (error instanceof ReportError) return c.json({ error: error.message }, error.message.startsWith('no report') ? 404 : 400);
      throw error;
    }
  });

  app.post('/reports/:code/merge', async (c) => {
    const body = await readJson(c);
    if (!body || typeof body.into !== 'string') return c.json({ error: 'body must be {"into": "PA1234"}' }, 400);
    if (!deps.reportService) return c.json({ error: 'reports are not available' }, 404);
    try {
      const merged = await deps.reportService.merge(c.req.param('code'), body.into.toUpperCase(), historyActor(currentStaff(c)));
      await audit(c, 'report.merge', merged.code, null, { duplicateOf: merged.duplicateOf });
      return c.json({ report: staffView(merged) });
    } catch (error) {
      if (error instanceof ReportError) return c.json({ error: error.message }, error.message.startsWith('no report') ? 404 : 400);
      throw error;
    }
  });

  return app;
}
