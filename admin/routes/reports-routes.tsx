import { Hono, type Context } from 'hono';
import { ReportError } from '../../bot/reports/service.ts';
import { REPORT_STATUSES, type ReportStatus } from '../../bot/reports/types.ts';
import { csrfToken, currentStaff, type AdminEnv } from '../context.ts';
import type { AdminDeps } from '../deps.ts';
import { renderPage } from '../render.tsx';
import { allows } from '../roles.ts';
import { accessFor } from '../route-access.ts';
import { csvHeaders } from '../stats/csv.ts';
import { namesFrom } from '../stats/names.ts';
import { vietnamDayOf } from '../stats/vietnam-days.ts';
import { ReportDetailPage } from '../views/reports/detail-page.tsx';
import type { FormErrors } from '../views/reports/detail-forms.tsx';
import { ReportListPage } from '../views/reports/list-page.tsx';
import { readForm } from './form.ts';
import { createReportActions } from './reports-actions.ts';
import { BOARD_LIMIT, boardQuery, EXPORT_LIMIT, queryString, reportFilter } from './reports-filter.ts';
import { reportsCsv } from './reports-export.ts';

const CODE = /^PA\d{4,6}$/i;
const CHANNEL_TITLES: Readonly<Record<string, string>> = { zalo: 'Zalo', telegram: 'Telegram', twilio: 'SMS', gateway: 'SMS', webchat: 'Trò chuyện trên web' };

/** The report service's refusals, in Vietnamese, beside the field they concern. */
function formError(error: ReportError): FormErrors {
  const m = error.message;
  if (m.startsWith('a rejection needs')) return { note: 'Khi không xử lý, cần ghi lý do công khai để người dân biết.' };
  if (m.startsWith('the report is already')) return { note: 'Phản ánh đã ở trạng thái này: thêm ghi chú để gửi cập nhật cho người dân.' };
  if (m.startsWith('photoUrl')) return { photoUrl: 'Địa chỉ ảnh phải bắt đầu bằng http:// hoặc https://.' };
  if (m.startsWith('status must be')) return { status: 'Chọn một trạng thái trong danh sách.' };
  if (m.includes('merged into itself')) return { into: 'Không gộp một phản ánh vào chính nó.' };
  if (m.includes('is itself merged into')) return { into: `Phản ánh gốc đã được gộp vào phản ánh khác (${m.split(' ').pop() ?? ''}): gộp vào phản ánh đó.` };
  if (m.startsWith('no report')) return { into: `Không có phản ánh ${m.slice('no report '.length)}.` };
  return { status: m };
}

/** /admin/reports: the board (filters, CSV export), one report's page, and the operators' changes to it. */
export function reportsRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const services = deps.services ?? {};
  const actions = createReportActions({ reports: services.reports, reportService: services.reportService, audit: deps.stores.auditLog.audit });
  const categories = () => [...(services.reportCategories ?? [])].sort((a, b) => a.title.localeCompare(b.title, 'vi'));
  const communes = () => [...(services.gazetteer?.communes ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));

  app.get('/', async (c) => {
    const query = boardQuery((name) => c.req.query(name));
    const { filter, error } = reportFilter(query, BOARD_LIMIT);
    const [reports, assignees] = await Promise.all([error ? [] : (services.reports?.list(filter) ?? []), services.reports?.assignees() ?? []]);
    return renderPage(
      c, deps, { title: 'Phản ánh hiện trường', active: 'reports', status: error ? 400 : 200 },
      <ReportListPage query={query} reports={reports} limit={BOARD_LIMIT} names={namesFrom(deps)} categories={categories()} communes={communes()} assignees={assignees} error={error} />,
    );
  });

  // Registered before /:code so "export.csv" is never read as a report code.
  app.get('/export.csv', async (c) => {
    const { filter, error } = reportFilter(boardQuery((name) => c.req.query(name)), EXPORT_LIMIT);
    if (error) return c.text(error, 400);
    const reports = (await services.reports?.list(filter)) ?? [];
    return c.body(reportsCsv(reports, namesFrom(deps)), 200, { ...csvHeaders(`phan-anh_${vietnamDayOf(deps.now().toISOString())}.csv`), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  });

  async function detail(c: Context<AdminEnv>, code: string, extra: { notice?: string; errors?: FormErrors; values?: Record<string, string> } = {}, status: 200 | 400 = 200): Promise<Response> {
    const report = CODE.test(code) ? await services.reports?.get(code) : undefined;
    if (!report || !services.reports) return renderPage(c, deps, { title: 'Không tìm thấy phản ánh', active: 'reports', status: 404 }, <p class="card">Không có phản ánh {code}. <a href="/admin/reports">Về danh sách</a></p>);
    const reports = services.reports;
    const [events, followers, duplicates, assignees, inbound, transcript, deliveries] = await Promise.all([
      reports.events(report.code),
      reports.subscribers(report.code),
      reports.list({ duplicateOf: report.code, limit: 100 }),
      reports.assignees(),
      report.conversationId ? services.conversations?.lastInbound(report.conversationId) : undefined,
      report.conversationId ? (services.conversations?.transcript(report.conversationId, 100) ?? []) : [],
      services.reportService?.deliveries(report.code),
    ]);
    const staff = currentStaff(c);
    const back = `/admin/reports${queryString(boardQuery((name) => c.req.query(name)))}`;
    return renderPage(
      c, deps, { title: `Phản ánh ${report.code}`, active: 'reports', status },
      <ReportDetailPage
        report={report} events={events} duplicates={duplicates} followers={followers.length} deliveries={deliveries}
        channel={inbound?.provider ? (CHANNEL_TITLES[inbound.provider] ?? inbound.provider) : undefined}
        transcript={transcript} names={namesFrom(deps)} assignees={assignees} back={back}
        canWrite={allows(accessFor('POST', '/admin/reports/:code/status') ?? 'admin', staff.role)} csrf={csrfToken(c)}
        notice={extra.notice} errors={extra.errors ?? {}} values={extra.values ?? {}}
      />,
    );
  }

  app.get('/:code', (c) => {
    const done = c.req.query('done');
    const notified = Number(c.req.query('notified') ?? 0);
    const waiting = Math.min(notified, Number(c.req.query('waiting') ?? 0));
    const sentNow = notified - waiting;
    const notice =
      done === 'status'
        ? `Đã cập nhật trạng thái${sentNow > 0 ? `; đã gửi ${sentNow} tin nhắn thông báo cho người dân theo dõi` : ''}` +
          (waiting > 0 ? `; ${waiting} tin nhắn chờ người dân nhắn lại: kênh họ dùng (Zalo) chỉ cho gửi tin trong một thời hạn sau tin nhắn cuối của họ, nên tin được giữ và gửi ngay khi họ nhắn` : '') + '.'
      : done === 'assign' ? 'Đã lưu người, đơn vị xử lý.'
      : done === 'merge' ? 'Đã gộp phản ánh; người theo dõi đã chuyển sang phản ánh gốc và được thông báo.'
      : undefined;
    return detail(c, c.req.param('code'), notice ? { notice } : {});
  });

  /** Runs a change; a refusal shows the page again with the reason beside the field and what was typed. */
  async function change(c: Context<AdminEnv>, run: (code: string, form: (name: string) => string) => Promise<string>, fields: readonly string[]): Promise<Response> {
    const code = c.req.param('code') ?? '';
    const form = await readForm(c);
    if (!CODE.test(code) || !(await services.reports?.get(code))) return detail(c, code);
    try {
      return c.redirect(await run(code.toUpperCase(), form), 303);
    } catch (error) {
      if (!(error instanceof ReportError)) throw error;
      return detail(c, code, { errors: formError(error), values: Object.fromEntries(fields.map((f) => [f, form(f)])) }, 400);
    }
  }

  app.post('/:code/status', (c) =>
    change(c, async (code, form) => {
      const status = form('status');
      if (!(REPORT_STATUSES as readonly string[]).includes(status)) throw new ReportError('status must be one of the list');
      const result = await actions.changeStatus(currentStaff(c), code, { status: status as ReportStatus, note: form('note').trim() || null, photoUrl: form('photoUrl').trim() || null });
      return `/admin/reports/${code}?done=status&notified=${result.notified}${result.waiting > 0 ? `&waiting=${result.waiting}` : ''}`;
    }, ['status', 'note', 'photoUrl']),
  );

  app.post('/:code/assign', (c) =>
    change(c, async (code, form) => {
      await actions.assign(currentStaff(c), code, form('assignee').trim().slice(0, 120) || null);
      return `/admin/reports/${code}?done=assign`;
    }, ['assignee']),
  );

  app.post('/:code/merge', (c) =>
    change(c, async (code, form) => {
      const into = form('into').trim().toUpperCase();
      if (!CODE.test(into)) throw new ReportError(`no report ${into || '(trống)'}`);
      await actions.merge(currentStaff(c), code, into);
      return `/admin/reports/${code}?done=merge`;
    }, ['into']),
  );

  return app;
}
