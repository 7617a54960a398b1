import type { Report } from '../../../bot/reports/types.ts';
import { REPORT_STATUSES, STATUS_TITLES } from '../../../bot/reports/types.ts';
import { CsrfField } from '../csrf-field.tsx';

/** A refused change: the reason, shown beside the field it concerns. */
export type FormErrors = Partial<Record<'status' | 'note' | 'photoUrl' | 'assignee' | 'into', string>>;

function FieldError(props: { id: string; message: string | undefined }) {
  return props.message ? (
    <p class="error" id={props.id} role="alert">
      {props.message}
    </p>
  ) : null;
}

/** Status with a public note, assignment, and merging into another report (operators only). */
export function ReportForms(props: { report: Report; csrf: string; assignees: readonly string[]; errors: FormErrors; values: Readonly<Record<string, string>> }) {
  const { report, errors, values } = props;
  const base = `/admin/reports/${report.code}`;
  const chosen = values.status ?? report.status;
  return (
    <section class="card" aria-labelledby="work">
      <h2 id="work">Xử lý</h2>
      <form method="post" action={`${base}/status`} class="stack">
        <CsrfField token={props.csrf} />
        <div class="field">
          <label for="status">Trạng thái mới</label>
          <select id="status" name="status" aria-describedby={errors.status ? 'status-error' : undefined}>
            {REPORT_STATUSES.map((s) => (
              <option value={s} selected={s === chosen}>{STATUS_TITLES[s]}</option>
            ))}
          </select>
          <FieldError id="status-error" message={errors.status} />
        </div>
        <div class="field">
          <label for="note">Ghi chú công khai</label>
          <textarea id="note" name="note" rows={3} maxlength={1000} aria-describedby={errors.note ? 'note-hint note-error' : 'note-hint'}>
            {values.note ?? ''}
          </textarea>
          <p class="hint" id="note-hint">
            Gửi đến mọi người dân theo dõi phản ánh này, trên kênh của họ. Bắt buộc khi không xử lý (nêu lý do).
          </p>
          <FieldError id="note-error" message={errors.note} />
        </div>
        <div class="field">
          <label for="photoUrl">Địa chỉ ảnh kết quả (không bắt buộc)</label>
          <input id="photoUrl" name="photoUrl" type="url" inputmode="url" placeholder="https://..." value={values.photoUrl ?? ''} aria-describedby={errors.photoUrl ? 'photo-error' : undefined} />
          <FieldError id="photo-error" message={errors.photoUrl} />
        </div>
        <div>
          <button type="submit">Cập nhật trạng thái</button>
        </div>
      </form>

      <form method="post" action={`${base}/assign`} class="stack">
        <CsrfField token={props.csrf} />
        <div class="field">
          <label for="assignee">Giao cho (cán bộ hoặc đơn vị)</label>
          <input id="assignee" name="assignee" list="assignee-list" maxlength={120} value={values.assignee ?? report.assignee ?? ''} aria-describedby="assignee-hint" />
          <datalist id="assignee-list">
            {props.assignees.map((a) => (
              <option value={a}></option>
            ))}
          </datalist>
          <p class="hint" id="assignee-hint">
            Để trống rồi bấm "Giao việc" để bỏ giao.
          </p>
          <FieldError id="assignee-error" message={errors.assignee} />
        </div>
        <div>
          <button type="submit" class="secondary">Giao việc</button>
        </div>
      </form>

      {report.duplicateOf ? null : (
        <form method="post" action={`${base}/merge`} class="stack" data-confirm={`Gộp ${report.code} vào phản ánh khác? Người theo dõi sẽ chuyển sang phản ánh đó và được báo.`}>
          <CsrfField token={props.csrf} />
          <div class="field">
            <label for="into">Gộp vào phản ánh (mã gốc)</label>
            <input id="into" name="into" placeholder="PA1234" maxlength={10} autocapitalize="characters" value={values.into ?? ''} aria-describedby={errors.into ? 'into-hint into-error' : 'into-hint'} />
            <p class="hint" id="into-hint">
              Phản ánh này là bản trùng: đánh dấu trùng, người theo dõi chuyển sang mã gốc và được thông báo.
            </p>
            <FieldError id="into-error" message={errors.into} />
          </div>
          <div>
            <button type="submit" class="danger">Gộp phản ánh trùng</button>
          </div>
        </form>
      )}
    </section>
  );
}
