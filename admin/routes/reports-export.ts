import { redactContacts } from '../../bot/reports/redact-contacts.ts';
import { STATUS_TITLES, type Report } from '../../bot/reports/types.ts';
import { isoVietnam } from '../../bot/reports/vietnam-time.ts';
import type { StatsNames } from '../stats/charts.ts';
import { csvText } from '../stats/csv.ts';

/**
 * The board's export: what the list filters, one line per report. No contact detail of the reporter: the
 * conversation id and Open311 contact are not in a Report at all, and a phone number or e-mail a resident typed
 * into the description is masked, as everything that leaves the workspace is (the file gets passed around).
 */
export function reportsCsv(reports: readonly Report[], names: StatsNames): string {
  return csvText(
    ['Mã', 'Trạng thái', 'Chuyên mục', 'Nội dung', 'Địa chỉ', 'Xã, phường', 'Vĩ độ', 'Kinh độ', 'Nguồn', 'Xử lý', 'Ghi chú công khai', 'Trùng với', 'Gửi lúc', 'Cập nhật lúc'],
    reports.map((r) => [
      r.code,
      STATUS_TITLES[r.status] ?? r.status,
      names.category(r.category),
      redactContacts(r.description),
      r.address === null ? null : redactContacts(r.address),
      r.commune === null ? null : names.commune(r.commune),
      r.location?.latitude ?? null,
      r.location?.longitude ?? null,
      r.source === 'open311' ? 'Open311' : 'Trò chuyện',
      r.assignee,
      r.publicNote,
      r.duplicateOf,
      isoVietnam(r.createdAt),
      isoVietnam(r.updatedAt),
    ]),
  );
}
