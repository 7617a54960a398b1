import type { EntryVersion } from '../../../knowledge-base/publishing.ts';
import { SHORT_ANSWER_LIMIT } from '../../../knowledge-base/validate.ts';
import type { SmsCount } from '../../assets/knowledge-sms-count.ts';
import type { EntryForm } from '../../routes/knowledge-form.ts';
import type { TryOutcome } from '../../routes/knowledge-try.ts';
import { CsrfField } from '../csrf-field.tsx';
import { KnowledgeAssets, StateTag, viDateTime, type EntryState } from './common.tsx';
import { Notice } from '../page-parts.tsx';
import { FIELD_LABELS, groupOptions, type FieldName } from './fields.ts';
import type { FieldProblem } from './problems.ts';
import { TryBox } from './try-panel.tsx';

export interface EditPageProps {
  readonly isNew: boolean;
  readonly form: EntryForm;
  readonly problems: readonly FieldProblem[];
  readonly state: EntryState;
  readonly newest?: EntryVersion | undefined;
  readonly groups: readonly string[];
  readonly sms: SmsCount;
  readonly placeholders: Readonly<Record<string, string>>;
  readonly csrfToken: string;
  readonly canEdit: boolean;
  readonly notice?: string | undefined;
  readonly error?: string | undefined;
  readonly question?: string;
  readonly outcome?: TryOutcome | undefined;
  readonly buildMs?: number;
}

const HINTS: Partial<Record<FieldName, string>> = {
  id: 'Chữ thường không dấu, số, nối bằng gạch ngang; không đổi được sau khi tạo.',
  answer: 'Có thể dùng {{province}}, {{hotline}}, {{oneStopAddress}}, {{officeHours}}, {{nationalPortal}}, {{provincePortal}}, {{contact}}.',
  shortAnswer: `Gửi qua SMS: bỏ dấu, tối đa ${SHORT_ANSWER_LIMIT} ký tự.`,
  examples: 'Mỗi dòng một câu, viết như người dân hỏi (có dấu, không dấu, viết tắt); ít nhất 10 câu.',
  keywords: 'Mỗi dòng một từ hay cụm từ.',
  procedureCodes: 'Mỗi dòng một mã thủ tục (ví dụ 1.001193).',
  legalBasis: 'Mỗi dòng một văn bản (ví dụ Nghị định 123/2015/NĐ-CP).',
  reviewedAt: 'Ngày cán bộ đối chiếu nội dung với nguồn gần nhất.',
};

function Field(props: { name: FieldName; problems: readonly FieldProblem[]; children: (attrs: Record<string, string | boolean | undefined>) => unknown }) {
  const id = `f-${props.name}`;
  const mine = props.problems.filter((p) => p.field === props.name || (props.name === 'legalBasis' && p.field === 'procedureCodes' && p.message.includes('căn cứ')));
  const hint = HINTS[props.name];
  const describedBy = [hint ? `${id}-hint` : '', mine.length > 0 ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{FIELD_LABELS[props.name]}</label>
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {props.children({ id, name: props.name, 'aria-invalid': mine.length > 0 ? 'true' : undefined, 'aria-describedby': describedBy || undefined }) as never}
      {mine.length > 0 ? (
        <p class="error" id={`${id}-error`}>
          {mine.map((p) => p.message).join(' ')}
        </p>
      ) : null}
    </div>
  );
}

function smsLine(sms: SmsCount): string {
  return `${sms.units} ký tự khi bỏ dấu · ${sms.segments} tin SMS${sms.encoding === 'GSM-7' ? '' : ' (Unicode)'}${sms.units > SHORT_ANSWER_LIMIT ? ` · vượt ${SHORT_ANSWER_LIMIT} ký tự` : ''}`;
}

export function KnowledgeEditPage(props: EditPageProps) {
  const f = props.form;
  const p = props.problems;
  const action = props.isNew ? '/admin/knowledge' : `/admin/knowledge/${f.id}`;
  const ro = !props.canEdit;
  return (
    <>
      <KnowledgeAssets sms />
      <Notice notice={props.notice} error={props.error} />
      {p.length > 0 ? (
        <div class="alert" role="alert">
          <p>Chưa lưu được: hãy sửa {p.length} chỗ dưới đây.</p>
          <ul>
            {p.map((problem) => (
              <li>
                {problem.field === 'form' ? problem.message : <a href={`#f-${problem.field}`}>{`${FIELD_LABELS[problem.field]}: ${problem.message}`}</a>}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.isNew ? null : (
        <div class="kb-actions">
          <StateTag state={props.state} />
          {f.retired && props.state !== 'retired' ? <StateTag state="retired" /> : null}
          {props.newest ? (
            <span class="hint">
              Phiên bản {props.newest.version} ({props.newest.status === 'draft' ? 'bản nháp' : 'đã xuất bản'}) · {props.newest.actor} · {viDateTime(props.newest.createdAt)}
            </span>
          ) : null}
          <a href={`/admin/knowledge/${f.id}/versions`}>Các phiên bản</a>
          <a href="/admin/knowledge/publish">Xuất bản</a>
        </div>
      )}
      <div class="kb-grid">
        <form method="post" action={action} class="card stack" aria-label="Nội dung mục kiến thức">
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="baseVersion" value={String(props.newest?.version ?? 0)} />
          {props.isNew ? (
            <Field name="id" problems={p}>
              {(a) => <input {...a} value={f.id} required pattern="[a-z0-9]+(-[a-z0-9]+)*" autocapitalize="none" />}
            </Field>
          ) : (
            <input type="hidden" name="id" value={f.id} />
          )}
          <Field name="title" problems={p}>
            {(a) => <input {...a} value={f.title} required maxlength={200} readonly={ro} />}
          </Field>
          <Field name="group" problems={p}>
            {(a) => (
              <select {...a} required disabled={ro}>
                {groupOptions(props.groups).map((g) => (
                  <option value={g.value} selected={g.value === f.group}>
                    {g.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="answer" problems={p}>
            {(a) => (
              <textarea {...a} class="tall" required readonly={ro}>
                {f.answer}
              </textarea>
            )}
          </Field>
          <Field name="shortAnswer" problems={p}>
            {(a) => (
              <>
                <textarea {...a} class="mid" required readonly={ro} aria-describedby={`${String(a['aria-describedby'] ?? '')} sms-count`.trim()}>
                  {f.shortAnswer}
                </textarea>
                <p id="sms-count" class={`sms-count${props.sms.units > SHORT_ANSWER_LIMIT ? ' over' : ''}`} aria-live="polite" data-placeholders={JSON.stringify(props.placeholders)} data-limit={String(SHORT_ANSWER_LIMIT)}>
                  {smsLine(props.sms)}
                </p>
                <details>
                  <summary>Xem như điện thoại nhận</summary>
                  <pre id="sms-folded">{props.sms.folded}</pre>
                </details>
              </>
            )}
          </Field>
          <Field name="examples" problems={p}>
            {(a) => (
              <textarea {...a} class="tall" required readonly={ro}>
                {f.examples}
              </textarea>
            )}
          </Field>
          <Field name="keywords" problems={p}>
            {(a) => (
              <textarea {...a} class="mid" readonly={ro}>
                {f.keywords}
              </textarea>
            )}
          </Field>
          <Field name="procedureCodes" problems={p}>
            {(a) => (
              <textarea {...a} class="mid" readonly={ro}>
                {f.procedureCodes}
              </textarea>
            )}
          </Field>
          <Field name="legalBasis" problems={p}>
            {(a) => (
              <textarea {...a} class="mid" readonly={ro}>
                {f.legalBasis}
              </textarea>
            )}
          </Field>
          <Field name="reviewedAt" problems={p}>
            {(a) => <input {...a} type="date" value={f.reviewedAt} required readonly={ro} />}
          </Field>
          {props.canEdit ? <button type="submit">{props.isNew ? 'Tạo (bản nháp)' : 'Lưu bản nháp'}</button> : <p class="hint">Bạn chỉ có quyền xem.</p>}
          <p class="hint">Lưu tạo một phiên bản nháp; trợ lý chỉ dùng nội dung mới sau khi xuất bản.</p>
        </form>
        {props.isNew ? null : (
          <div>
            <TryBox entryId={f.id} question={props.question ?? ''} outcome={props.outcome} buildMs={props.buildMs ?? 0} />
            {props.canEdit ? (
              <section class="card" aria-labelledby="retire-heading">
                <h2 id="retire-heading">{f.retired ? 'Dùng lại mục này' : 'Ngừng dùng mục này'}</h2>
                <p class="hint">
                  {f.retired ? 'Trợ lý sẽ trả lời lại bằng mục này sau khi xuất bản.' : 'Trợ lý thôi trả lời bằng mục này sau khi xuất bản; mục được giữ lại (không xóa) cùng các phiên bản.'}
                </p>
                <form method="post" action={`/admin/knowledge/${f.id}/${f.retired ? 'unretire' : 'retire'}`} data-confirm={f.retired ? 'Dùng lại mục này?' : 'Ngừng dùng mục này?'}>
                  <CsrfField token={props.csrfToken} />
                  <button type="submit" class={f.retired ? 'secondary' : 'danger'}>
                    {f.retired ? 'Dùng lại (bản nháp)' : 'Ngừng dùng (bản nháp)'}
                  </button>
                </form>
              </section>
            ) : null}
          </div>
        )}
      </div>
    </>
  );
}
