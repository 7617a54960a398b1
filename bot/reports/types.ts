/** Report statuses: never a bare "closed"; a rejection always carries its reason in the public note. */
export const REPORT_STATUSES = ['received', 'in-progress', 'resolved', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const OPEN_STATUSES: readonly ReportStatus[] = ['received', 'in-progress'];

export const STATUS_TITLES: Readonly<Record<ReportStatus, string>> = {
  received: 'Đã tiếp nhận',
  'in-progress': 'Đang xử lý',
  resolved: 'Đã xử lý xong',
  rejected: 'Không xử lý',
};

export interface GeoPoint {
  readonly latitude: number;
  readonly longitude: number;
}

export interface Report {
  readonly code: string;
  /** The catalogue's report id (chieu-sang, giao-thong...). */
  readonly category: string;
  readonly status: ReportStatus;
  readonly description: string;
  readonly address: string | null;
  /** Commune/ward id from the configured list. */
  readonly commune: string | null;
  readonly location: GeoPoint | null;
  readonly photoUrl: string | null;
  readonly source: 'chat' | 'open311';
  readonly conversationId: string | null;
  readonly assignee: string | null;
  /** The latest note staff made public (or the reason for a rejection). */
  readonly publicNote: string | null;
  readonly duplicateOf: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ReportEvent {
  readonly id: string;
  readonly reportCode: string;
  readonly status: ReportStatus;
  readonly note: string | null;
  readonly photoUrl: string | null;
  readonly actor: string;
  readonly createdAt: string;
}

export interface Subscriber {
  readonly reportCode: string;
  readonly conversationId: string;
  readonly channel: string;
  readonly userId: string;
}

export interface NewReport {
  readonly category: string;
  readonly description: string;
  readonly address?: string | null;
  readonly commune?: string | null;
  readonly location?: GeoPoint | null;
  readonly photoUrl?: string | null;
  readonly source: 'chat' | 'open311';
  readonly conversationId?: string | null;
  readonly reporterContact?: Readonly<Record<string, string>> | null;
}
