import type { Report } from '../../../bot/reports/types.ts';
import { REPORT_STATUSES, STATUS_TITLES } from '../../../bot/reports/types.ts';
import type { StatsNames } from '../../stats/charts.ts';
import { queryString, UNASSIGNED, type BoardQuery } from '../../routes/reports-filter.ts';
import { StatusBadge, When } from './status-badge.tsx';
import { DataTable, DateRangeFields, Notice } from '../page-parts.tsx';

export interface ListProps {
  readonly query: BoardQuery;
  readonly reports: readonly Report[];
  readonly limit: number;
  readonly names: StatsNames;
  readonly categories: ReadonlyArray<{ id: string; title: string }>;
  readonly communes: ReadonlyArray<{ id: string; name: string }>;
  readonly assignees: readonly string[];
  readonly error?: string | undefined;
}

const clip = (text: string, n: number): string => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/** A select of the filter form: "Tất cả" (no filter) first, then `options`. */
function ChoiceFilter(props: { name: string; label: string; selected: string; options: ReadonlyArray<{ value: string; title: string }> }) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">Tất cả</option>
        {props.options.map((o) => (
          <option value={o.value} selected={props.selected === o.value}>{o.title}</option>
        ))}
      </select>
    </div>
  );
}

function Filters(props: ListProps) {
  const q = props.query;
  return (
    <form method="get" action="/admin/reports" class="card filters" aria-label="Lọc phản ánh">
      <div class="field">
        <label for="f-status">Trạng thái</label>
        <select id="f-status" name="status">
          <option value="" selected={q.status === ''}>Tất cả</option>
          <option value="open" selected={q.status === 'open'}>Đang mở (tiếp nhận, đang xử lý)</option>
          {REPORT_STATUSES.map((s) => (
            <option value={s} selected={q.status === s}>{STATUS_TITLES[s]}</option>
          ))}
        </select>
      </div>
      <ChoiceFilter name="category" label="Chuyên mục" selected={q.category} options={props.categories.map((c) => ({ value: c.id, title: c.title }))} />
      <ChoiceFilter name="commune" label="Xã, phường" selected={q.commune} options={props.communes.map((c) => ({ value: c.id, title: c.name }))} />
      <DateRangeFields from={q.from} to={q.to} fromLabel="Gửi từ ngày" />
      <div class="field">
        <label for="f-assignee">Người, đơn vị xử lý</label>
        <select id="f-assignee" name="assignee">
          <option value="">Tất cả</option>
          <option value={UNASSIGNED} selected={q.assignee === UNASSIGNED}>Chưa giao</option>
          {props.assignees.map((a) => (
            <option value={a} selected={q.assignee === a}>{a}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <button type="submit">Lọc</button>
      </div>
    </form>
  );
}

/** GET /admin/reports: the board, newest first, with filters and the CSV export of what is filtered. */
export function ReportListPage(props: ListProps) {
  const { names } = props;
  return (
    <>
      <link rel="stylesheet" href="/admin/assets/reports.css" />
      <Filters {...props} />
      <Notice error={props.error} />
      <div class="actions">
        <p role="status">
          {props.reports.length === 0 ? 'Không có phản ánh nào khớp bộ lọc.' : `${props.reports.length} phản ánh${props.reports.length >= props.limit ? ` (${props.limit} phản ánh mới nhất; thu hẹp bộ lọc để xem thêm)` : ''}.`}
        </p>
        <a class="button secondary" href={`/admin/reports/export.csv${queryString(props.query)}`} download>
          Xuất CSV
        </a>
      </div>
      {props.reports.length > 0 ? (
        <DataTable class="report-list" caption="Danh sách phản ánh, mới nhất trước" columns={['Mã', 'Trạng thái', 'Chuyên mục', 'Nội dung', 'Xã, phường', 'Xử lý', 'Gửi lúc']}>
          {props.reports.map((r) => (
            <tr>
              <th scope="row" class="code">
                <a href={`/admin/reports/${r.code}${queryString(props.query)}`}>{r.code}</a>
              </th>
              <td>
                <StatusBadge status={r.status} />
                {r.duplicateOf ? <span class="hint"> trùng {r.duplicateOf}</span> : null}
              </td>
              <td>{names.category(r.category)}</td>
              <td class="description">{clip(r.description, 140)}</td>
              <td>{r.commune ? names.commune(r.commune) : '—'}</td>
              <td>{r.assignee ?? <span class="hint">Chưa giao</span>}</td>
              <td>
                <When iso={r.createdAt} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
