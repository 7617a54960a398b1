import { Hono, type Context } from 'hono';
import type { ConversationStore } from '../../bot/conversation-store.ts';
import type { Inbox } from '../../bot/inbox.ts';
import type { Outbox } from '../../bot/outbox.ts';
import { ReportError, type ReportService } from '../../bot/reports/service.ts';
import type { ReportStore } from '../../bot/reports/store.ts';
import { REPORT_STATUSES, type Report, type ReportStatus } from '../../bot/reports/types.ts';
import { createGuard } from '../../admin/auth/guard.ts';
import { currentStaff, type AdminEnv } from '../../admin/context.ts';
import type { AdminDeps } from '../../admin/deps.ts';
import { createReportActions } from '../../admin/routes/reports-actions.ts';

export interface StaffDeps {
  /** STAFF_API_TOKEN: machine clients send it as a bearer token (actor "api-token"); people use their staff session. */
  readonly token?: string;
  readonly outbox?: Outbox;
  /** Webhook messages given up after failing every attempt (GET /api/staff/inbox?status=failed). */
  readonly inbox?: Pick<Inbox, 'failed'>;
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

/**
 * The staff JSON API under /api/staff: reports (list, detail, assign, status, merge) and the outbox. Who may call
 * what is in admin/route-access.ts; the guard accepts the API token or a staff session (writes also need the
 * x-csrf-token header).
 */
export function createStaffRoutes(deps: StaffDeps, admin?: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  // The same changes, history and audit rows as the reports board's (admin/routes/reports-actions.ts).
  const actions = createReportActions({ reports: deps.reports, reportService: deps.reportService, audit: admin?.stores.auditLog.audit });

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

  // Messages whose handling failed on every attempt (INBOX_MAX_ATTEMPTS): the resident got an apology; staff
  // find the conversation here. No content: the transcript is behind the conversation's own page.
  app.get('/inbox', async (c) => {
    const status = c.req.query('status') ?? 'failed';
    if (status !== 'failed') return c.json({ error: 'status must be failed' }, 400);
    if (!deps.inbox) return c.json({ error: 'the inbox is not available' }, 404);
    const limit = Math.min(500, Math.max(1, Number(c.req.query('limit') ?? 100) || 100));
    const items = await deps.inbox.failed(limit);
    return c.json({ items: items.map((i) => ({ provider: i.provider, channel: i.channel, conversationId: i.conversationId, attempts: i.attempts, receivedAt: i.receivedAt, failedAt: i.failedAt })) });
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
    try {
      return c.json({ report: staffView(await actions.assign(currentStaff(c), c.req.param('code'), body.assignee as string | null)) });
    } catch (error) {
      if (error instanceof ReportError) return c.json({ error: error.message }, 404);
      throw error;
    }
  });

  app.post('/reports/:code/status', async (c) => {
    const body = await readJson(c);
    if (!body || typeof body.status !== 'string') return c.json({ error: `body must be {"status": one of ${REPORT_STATUSES.join(', ')}, "note": "...", "photoUrl": "https://..."}` }, 400);
    if (!deps.reportService) return c.json({ error: 'reports are not available' }, 404);
    try {
      const result = await actions.changeStatus(currentStaff(c), c.req.param('code'), {
        status: body.status as ReportStatus,
        note: typeof body.note === 'string' ? body.note : null,
        photoUrl: typeof body.photoUrl === 'string' ? body.photoUrl : null,
      });
      return c.json({ report: staffView(result.report), event: result.event, notified: result.notified, waitingForResident: result.waiting });
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
      const merged = await actions.merge(currentStaff(c), c.req.param('code'), body.into);
      return c.json({ report: staffView(merged) });
    } catch (error) {
      if (error instanceof ReportError) return c.json({ error: error.message }, error.message.startsWith('no report') ? 404 : 400);
      throw error;
    }
  });

  return app;
}
