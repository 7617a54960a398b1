import type { ImportRow } from '../../../knowledge-base/import-export.ts';
import { CsrfField } from '../csrf-field.tsx';
import { KnowledgeAssets } from './common.tsx';
import { DataTable, Notice } from '../page-parts.tsx';
import { FIELD_LABELS } from './fields.ts';
import { fieldProblems } from './problems.ts';

const CHANGE = { new: 'Mục mới', changed: 'Có thay đổi', unchanged: 'Không đổi' } as const;

export function TransferPage(props: { csrfToken: string; canEdit: boolean; error?: string | undefined; notice?: string | undefined }) {
  return (
    <>
      <KnowledgeAssets />
      <Notice notice={props.notice} error={props.error} />
      <section class="card" aria-labelledby="export-heading">
        <h2 id="export-heading">Xuất tệp</h2>
        <p>Mọi mục (kể cả bản nháp mới nhất và mục ngừng dùng).</p>
        <p class="kb-actions">
          <a class="button" href="/admin/knowledge/export.csv" download>
            Tải CSV (mở được bằng Excel)
          </a>
          <a class="button" href="/admin/knowledge/export.json" download>
            Tải JSON
          </a>
        </p>
        <p class="hint">
          CSV: UTF-8 có BOM, mỗi trường một cột. Các danh sách (cách hỏi mẫu, từ khóa, mã thủ tục, căn cứ pháp lý) ghi mỗi mục một dòng trong cùng ô
          (Alt+Enter trong Excel). Cột retired: 1 là ngừng dùng, 0 là đang dùng.
        </p>
      </section>
      {props.canEdit ? (
        <section class="card" aria-labelledby="import-heading">
          <h2 id="import-heading">Nhập tệp</h2>
          <p>Bước 1: kiểm tra từng dòng (chưa ghi gì). Bước 2: xác nhận để lưu các dòng hợp lệ thành bản nháp, rồi xuất bản.</p>
          <form method="post" action="/admin/knowledge/import" enctype="multipart/form-data" class="stack">
            <CsrfField token={props.csrfToken} />
            <div class="field">
              <label for="import-file">Tệp CSV hoặc JSON</label>
              <input id="import-file" name="file" type="file" accept=".csv,.json,text/csv,application/json" required />
            </div>
            <button type="submit">Kiểm tra tệp</button>
          </form>
        </section>
      ) : null}
    </>
  );
}

export function ImportReportPage(props: { fileName: string; rows: readonly ImportRow[]; payload: string; csrfToken: string }) {
  const good = props.rows.filter((r) => r.entry !== undefined && r.change !== 'unchanged');
  const bad = props.rows.filter((r) => r.entry === undefined);
  return (
    <>
      <KnowledgeAssets />
      <p role="status">
        {props.fileName}: {props.rows.length} dòng · {good.length} sẽ lưu thành bản nháp · {props.rows.length - good.length - bad.length} không đổi · {bad.length} có lỗi (bỏ qua).
      </p>
      <DataTable caption="Kết quả kiểm tra từng dòng" columns={['Dòng', 'Mã mục', 'Kết quả']}>
        {props.rows.map((row) => (
          <tr class={row.entry === undefined ? 'row-bad' : ''}>
            <td>{row.line}</td>
            <td>{row.id || '(trống)'}</td>
            <td>
              {row.entry !== undefined ? (
                CHANGE[row.change ?? 'new']
              ) : (
                <ul>
                  {fieldProblems(row.problems).map((p) => (
                    <li>{p.field === 'form' ? p.message : `${FIELD_LABELS[p.field]}: ${p.message}`}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {good.length > 0 ? (
        <form method="post" action="/admin/knowledge/import/confirm" id="import-confirm" class="card stack">
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="payload" value={props.payload} />
          <button type="submit">Lưu {good.length} mục thành bản nháp</button>
          <progress id="import-progress" max={good.length} value={0} hidden aria-label="Tiến độ nhập"></progress>
          <p id="import-status" aria-live="polite"></p>
        </form>
      ) : (
        <p>Không có dòng nào cần lưu.</p>
      )}
      <p>
        <a href="/admin/knowledge/transfer">Chọn tệp khác</a>
      </p>
    </>
  );
}
