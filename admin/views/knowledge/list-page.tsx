import type { DraftEntry } from '../../../knowledge-base/publishing.ts';
import { groupOptions, groupTitle } from './fields.ts';
import { KnowledgeAssets, StateTag, viDate, type EntryState } from './common.tsx';
import { DataTable, Notice } from '../page-parts.tsx';

export interface ListFilters {
  readonly q: string;
  readonly group: string;
  readonly due: boolean;
  readonly retired: boolean;
}

export interface ListRow {
  readonly entry: DraftEntry;
  readonly state: EntryState;
  readonly due: boolean;
}

export interface ListPageProps {
  readonly rows: readonly ListRow[];
  readonly total: number;
  readonly groups: readonly string[];
  readonly filters: ListFilters;
  readonly reviewMonths: number;
  readonly pendingCount: number;
  readonly canEdit: boolean;
  readonly notice?: string | undefined;
}

export function KnowledgeListPage(props: ListPageProps) {
  const f = props.filters;
  return (
    <>
      <KnowledgeAssets />
      <Notice notice={props.notice} />
      <div class="kb-actions">
        {props.canEdit ? (
          <a class="button" href="/admin/knowledge/new">
            Thêm mục mới
          </a>
        ) : null}
        <a href="/admin/knowledge/publish">{props.pendingCount > 0 ? `Xuất bản (${props.pendingCount} mục có thay đổi)` : 'Xuất bản (không có thay đổi chờ)'}</a>
        <a href="/admin/knowledge/transfer">Nhập / xuất tệp (CSV, JSON)</a>
      </div>
      <form method="get" action="/admin/knowledge" class="card filters" role="search" aria-label="Tìm và lọc mục kiến thức">
        <div class="field">
          <label for="kb-q">Tìm (có dấu hay không dấu đều được)</label>
          <input id="kb-q" name="q" type="search" value={f.q} placeholder="ví dụ: can cuoc" />
        </div>
        <div class="field">
          <label for="kb-group">Nhóm</label>
          <select id="kb-group" name="group">
            <option value="">Tất cả nhóm</option>
            {groupOptions(props.groups).map((g) => (
              <option value={g.value} selected={g.value === f.group}>
                {g.title}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="check">
            <input type="checkbox" name="due" value="1" checked={f.due} /> Cần rà soát (quá {props.reviewMonths} tháng)
          </label>
          <label class="check">
            <input type="checkbox" name="retired" value="1" checked={f.retired} /> Hiện cả mục ngừng dùng
          </label>
        </div>
        <button type="submit">Lọc</button>
      </form>
      <p role="status">
        {props.rows.length} / {props.total} mục
      </p>
      <DataTable caption="Các mục kiến thức" columns={['Tiêu đề', 'Nhóm', 'Rà soát', 'Trạng thái']}>
        {props.rows.map((row) => (
          <tr>
            <td>
              <a href={`/admin/knowledge/${row.entry.id}`}>{row.entry.title}</a>
              <br />
              <span class="hint">{row.entry.id}</span>
            </td>
            <td>{groupTitle(row.entry.group)}</td>
            <td>
              {viDate(row.entry.reviewedAt)}
              {row.due ? (
                <>
                  {' '}
                  <span class="kb-tag due">cần rà soát</span>
                </>
              ) : null}
            </td>
            <td>
              <StateTag state={row.state} />
              {row.entry.retired && row.state !== 'retired' ? (
                <>
                  {' '}
                  <StateTag state="retired" />
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
