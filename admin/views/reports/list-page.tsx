import type { Report } from '../../../bot/reports/types.ts';
import { REPORT_STATUSES, STATUS_TITLES } from '../../../bot/reports/types.ts';
import type { StatsNames } from '../../stats/charts.ts';
import { queryString, UNASSIGNED, type BoardQuery } from '../../routes/reports-filter.ts';
import { StatusBadge, When } from './status-badge.tsx';

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
      <div class="field">
        <label for="f-category">Chuyên mục</label>
        <select id="f-category" name="category">
          <option value="">Tất cả</option>
          {props.categories.map((c) => (
            <option value={c.id} selected={q.category === c.id}>{c.title}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-commune">Xã, phường</label>
        <select id="f-commune" name="commune">
          <option value="">Tất cả</option>
          {props.communes.map((c) => (
            <option value={c.id} selected={q.commune === c.id}>{c.name}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-from">Gửi từ ngày</label>
        <input id="f-from" name="from" type="date" value={q.from} />
      </div>
      <div class="field">
        <label for="f-to">Đến ngày</label>
        <input id="f-to" name="to" type="date" value={q.to} />
      </div>
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
      {props.error ? (
        <p class="alert" role="alert">
          {props.error}
        </p>
      ) : null}
      <div class="actions">
        <p role="status">
          {props.reports.length === 0 ? 'Không có phản ánh nào khớp bộ lọc.' : `${props.reports.length} phản ánh${props.reports.length >= props.limit ? ` (${props.limit} phản ánh mới nhất; thu hẹp bộ lọc để xem thêm)` : ''}.`}
        </p>
        <a class="button secondary" href={`/admin/reports/export.csv${queryString(props.query)}`} download>
          Xuất CSV
        </a>
      </div>
      {props.reports.length > 0 ? (
        <div class="table-wrap">
          <table class="report-list">
            <caption class="visually-hidden">Danh sách phản ánh, mới nhất trước</caption>
            <thead>
              <tr>
                <th scope="col">Mã</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Chuyên mục</th>
                <th scope="col">Nội dung</th>
                <th scope="col">Xã, phường</th>
                <th scope="col">Xử lý</th>
                <th scope="col">Gửi lúc</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
