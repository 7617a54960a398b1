import type { NewReport, Report, ReportEvent, ReportStatus, Subscriber } from './types.ts';

export interface ReportFilter {
  readonly status?: readonly ReportStatus[];
  readonly category?: string;
  readonly commune?: string;
  readonly since?: Date;
  readonly until?: Date;
  readonly codes?: readonly string[];
  /** Who it is assigned to; null: not assigned yet (the reports board's filter). */
  readonly assignee?: string | null;
  /** The reports linked to this one as its duplicates. */
  readonly duplicateOf?: string;
  readonly limit?: number;
}

export interface ReportStore {
  create(report: NewReport, actor: string): Promise<Report>;
  get(code: string): Promise<Report | undefined>;
  list(filter?: ReportFilter): Promise<Report[]>;
  events(code: string): Promise<ReportEvent[]>;
  /** The latest photo staff attached to each report's status changes (the resolution photo), by code. */
  latestEventPhotos(codes: readonly string[]): Promise<Map<string, string>>;
  /** Records a status change with its public note; the report takes the new status and note. */
  addEvent(code: string, change: { status: ReportStatus; note: string | null; photoUrl?: string | null; actor: string }): Promise<ReportEvent>;
  assign(code: string, assignee: string | null): Promise<void>;
  /** Everyone reports have been assigned to, A to Z (the staff board's filter). */
  assignees(): Promise<string[]>;
  markDuplicate(code: string, of: string): Promise<void>;
  subscribe(subscriber: Subscriber): Promise<void>;
  subscribers(code: string): Promise<Subscriber[]>;
  /** The reports a conversation filed or follows, newest first. */
  followedBy(conversationId: string, limit?: number): Promise<Report[]>;
}
