import type { ReportService } from '../../bot/reports/service.ts';
import { ReportError } from '../../bot/reports/service.ts';
import type { ReportStore } from '../../bot/reports/store.ts';
import type { Report, ReportEvent, ReportStatus } from '../../bot/reports/types.ts';
import type { CurrentStaff } from '../context.ts';
import type { Audit } from '../store/audit-log.ts';

/** How report history names who acted: `staff:<username>`, or the machine client. */
export function historyActor(staff: CurrentStaff): string {
  return staff.viaApiToken ? 'api-token' : `staff:${staff.username}`;
}

export interface ReportActionDeps {
  readonly reports?: ReportStore | undefined;
  readonly reportService?: ReportService | undefined;
  /** The audit log; absent only for the JSON API run with a bare token and no staff workspace. */
  readonly audit?: Audit | undefined;
}

/**
 * The staff's changes to a report, shared by the JSON API (/api/staff) and the reports board (/admin/reports):
 * the report service does the work (history, followers notified through the outbox) and each change is
 * audited the same way, whichever door it came through. Refusals are ReportError (no report, bad status,
 * rejection without a note...).
 */
export function createReportActions(deps: ReportActionDeps) {
  const audit = (staff: CurrentStaff, action: string, subject: string, before: unknown, after: unknown) => deps.audit?.(staff.actor, action, subject, before, after);
  const service = (): ReportService => {
    if (!deps.reportService) throw new ReportError('reports are not available');
    return deps.reportService;
  };

  return {
    async assign(staff: CurrentStaff, code: string, assignee: string | null): Promise<Report> {
      const before = await deps.reports?.get(code);
      if (!before || !deps.reports) throw new ReportError(`no report ${code}`);
      const after = assignee?.trim() || null;
      await deps.reports.assign(before.code, after);
      await audit(staff, 'report.assign', before.code, { assignee: before.assignee }, { assignee: after });
      return (await deps.reports.get(before.code)) as Report;
    },

    async changeStatus(staff: CurrentStaff, code: string, change: { status: ReportStatus; note: string | null; photoUrl: string | null }): Promise<{ report: Report; event: ReportEvent; notified: number; waiting: number }> {
      const before = await deps.reports?.get(code);
      const result = await service().changeStatus(code, { ...change, actor: historyActor(staff) });
      await audit(staff, 'report.status', result.report.code, before ? { status: before.status, publicNote: before.publicNote } : null, { status: result.report.status, publicNote: result.report.publicNote });
      return result;
    },

    async merge(staff: CurrentStaff, code: string, into: string): Promise<Report> {
      const merged = await service().merge(code.toUpperCase(), into.toUpperCase(), historyActor(staff));
      await audit(staff, 'report.merge', merged.code, null, { duplicateOf: merged.duplicateOf });
      return merged;
    },
  };
}

export type ReportActions = ReturnType<typeof createReportActions>;
