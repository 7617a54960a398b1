import type { EntryVersion } from '../../../knowledge-base/publishing.ts';
import type { FieldDiff } from '../../../knowledge-base/versions-diff.ts';
import { CsrfField } from '../csrf-field.tsx';
import { KnowledgeAssets, viDateTime } from './common.tsx';
import { Notice } from '../page-parts.tsx';
import { DiffView } from './diff-view.tsx';

const STATUS = { draft: 'Bản nháp', published: 'Đã xuất bản', superseded: 'Bản nháp cũ (đã thay)' } as const;

export function VersionsPage(props: {
  entryId: string;
  title: string;
  versions: ReadonlyArray<{ version: EntryVersion; diffs: readonly FieldDiff[] }>;
  canEdit: boolean;
  csrfToken: string;
  notice?: string | undefined;
}) {
  return (
    <>
      <KnowledgeAssets />
      <Notice notice={props.notice} />
      <p>
        <a href={`/admin/knowledge/${props.entryId}`}>← Quay lại mục “{props.title}”</a>
      </p>
      {props.versions.length === 0 ? <p>Mục này chưa được sửa trong trang này: chưa có phiên bản nào.</p> : null}
      {props.versions.map(({ version: v, diffs }, i) => (
        <section class="card" aria-labelledby={`v-${v.version}`}>
          <h2 id={`v-${v.version}`}>
            Phiên bản {v.version} · {STATUS[v.status]}
          </h2>
          <p class="hint">
            {v.actor} · {viDateTime(v.createdAt)}
            {v.note ? ` · ${v.note}` : ''}
          </p>
          <details open={i === 0}>
            <summary>{v.version > 1 ? `Thay đổi so với phiên bản ${v.version - 1}` : 'Nội dung ban đầu'}</summary>
            <DiffView diffs={diffs} />
          </details>
          {props.canEdit && i > 0 ? (
            <form method="post" action={`/admin/knowledge/${props.entryId}/versions/${v.version}/restore`} data-confirm={`Khôi phục phiên bản ${v.version} thành bản nháp mới?`}>
              <CsrfField token={props.csrfToken} />
              <button type="submit" class="secondary">
                Khôi phục phiên bản {v.version} (tạo bản nháp mới)
              </button>
            </form>
          ) : null}
        </section>
      ))}
    </>
  );
}

export function PublishPage(props: {
  pending: ReadonlyArray<{ version: EntryVersion; diffs: readonly FieldDiff[]; isNew: boolean }>;
  revision: number;
  canEdit: boolean;
  csrfToken: string;
  notice?: string | undefined;
}) {
  return (
    <>
      <KnowledgeAssets />
      <Notice notice={props.notice} />
      <p class="hint">Nội dung đang dùng: lần xuất bản thứ {props.revision}.</p>
      {props.pending.length === 0 ? (
        <p>Không có bản nháp nào chờ xuất bản.</p>
      ) : (
        <>
          <p>{props.pending.length} mục có bản nháp chờ xuất bản. Xuất bản xong, trợ lý dùng nội dung mới sau vài giây, không cần khởi động lại.</p>
          {props.canEdit ? (
            <form method="post" action="/admin/knowledge/publish" data-confirm={`Xuất bản ${props.pending.length} mục?`} class="kb-actions">
              <CsrfField token={props.csrfToken} />
              <button type="submit">Xuất bản tất cả ({props.pending.length})</button>
            </form>
          ) : null}
          {props.pending.map(({ version: v, diffs, isNew }) => (
            <section class="card" aria-labelledby={`p-${v.entryId}`}>
              <h2 id={`p-${v.entryId}`}>
                <a href={`/admin/knowledge/${v.entryId}`}>{v.entry.title}</a>
                {isNew ? ' (mục mới)' : ''}
              </h2>
              <p class="hint">
                Phiên bản {v.version} · {v.actor} · {viDateTime(v.createdAt)}
              </p>
              <details>
                <summary>Thay đổi so với nội dung đang dùng</summary>
                <DiffView diffs={diffs} />
              </details>
            </section>
          ))}
        </>
      )}
    </>
  );
}
