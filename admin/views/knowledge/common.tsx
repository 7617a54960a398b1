import type { DraftEntry } from '../../../knowledge-base/publishing.ts';

/** The stylesheet and script of the knowledge pages, placed in the page body (the layout carries admin.css/js). */
export function KnowledgeAssets(props: { sms?: boolean }) {
  return (
    <>
      <link rel="stylesheet" href="/admin/knowledge/assets/knowledge.css" />
      {props.sms ? <script src="/admin/knowledge/assets/sms-count.js" defer></script> : null}
      <script src="/admin/knowledge/assets/editor.js" defer></script>
    </>
  );
}

/** 2026-03-02 → 02/03/2026, as Vietnamese readers write dates. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return d && m && y ? `${d}/${m}/${y}` : iso;
}

export function viDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  // Viet Nam is UTC+7 all year.
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${viDate(local)}`;
}

export type EntryState = 'live' | 'draft' | 'new' | 'retired';

export function StateTag(props: { state: EntryState; retired?: boolean }) {
  const text = { live: 'Đang dùng', draft: 'Có bản nháp', new: 'Mới, chưa xuất bản', retired: 'Ngừng dùng' }[props.state];
  return <span class={`kb-tag ${props.state === 'new' ? 'draft' : props.state}`}>{text}</span>;
}

export function stateOf(entry: DraftEntry, pendingIds: ReadonlySet<string>, liveIds: ReadonlySet<string>): EntryState {
  if (!liveIds.has(entry.id)) return 'new';
  if (pendingIds.has(entry.id)) return 'draft';
  return entry.retired ? 'retired' : 'live';
}
