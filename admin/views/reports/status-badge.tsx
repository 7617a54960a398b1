import { STATUS_TITLES, type ReportStatus } from '../../../bot/reports/types.ts';
import { displayVietnam } from '../../../bot/reports/vietnam-time.ts';

export function StatusBadge(props: { status: ReportStatus }) {
  return <span class={`status status-${props.status}`}>{STATUS_TITLES[props.status] ?? props.status}</span>;
}

/** "08:05 27/11/2026" in Viet Nam time, in a <time> element machines can read. */
export function When(props: { iso: string }) {
  return <time datetime={props.iso}>{displayVietnam(props.iso)}</time>;
}
