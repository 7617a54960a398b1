import { displayVietnam } from '../../bot/reports/vietnam-time.ts';
import type { AuditEntry } from '../store/audit-log.ts';
import { DataTable, DateRangeFields, Notice } from './page-parts.tsx';

export interface AuditQuery {
  readonly actor: string;
  readonly action: string;
  readonly from: string;
  readonly to: string;
}

function Json(props: { value: unknown }) {
  // Rendered as text by JSX: HTML or script in a changed value shows as characters, never as markup.
  return props.value === null || props.value === undefined ? <span class="hint">—</span> : <pre>{JSON.stringify(props.value, null, 1)}</pre>;
}

export function AuditPage(props: { query: AuditQuery; entries: readonly AuditEntry[]; error?: string | undefined }) {
  const q = props.query;
  return (
    <>
      <form method="get" action="/admin/audit" class="card filters" role="search" aria-label="Lọc nhật ký">
        <div class="field">
          <label for="f-actor">Người thực hiện</label>
          <input id="f-actor" name="actor" value={q.actor} autocapitalize="none" />
        </div>
        <div class="field">
          <label for="f-action">Hành động</label>
          <input id="f-action" name="action" value={q.action} placeholder="vd. account. hoặc kb.publish" autocapitalize="none" />
        </div>
        <DateRangeFields from={q.from} to={q.to} fromLabel="Từ ngày" />
        <button type="submit">Lọc</button>
      </form>
      <Notice error={props.error} />
      <p role="status">{props.entries.length === 0 ? 'Không có mục nào.' : `${props.entries.length} mục gần nhất.`}</p>
      <DataTable card caption="Nhật ký thay đổi" columns={['Thời điểm', 'Người thực hiện', 'Hành động', 'Đối tượng', 'Trước', 'Sau']}>
        {props.entries.map((e) => (
          <tr>
            <td>
              <time datetime={e.createdAt}>{displayVietnam(e.createdAt)}</time>
            </td>
            <td>{e.actor}</td>
            <td>{e.action}</td>
            <td>{e.subject}</td>
            <td>
              <Json value={e.before} />
            </td>
            <td>
              <Json value={e.after} />
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
