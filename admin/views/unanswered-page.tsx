import { displayVietnam } from '../../bot/reports/vietnam-time.ts';
import type { QuestionGroup } from '../../bot/unanswered-groups.ts';
import { CsrfField } from './csrf-field.tsx';
import { Notice } from './page-parts.tsx';

export const REASON_TITLES: Readonly<Record<string, string>> = {
  'not-understood': 'không hiểu',
  'out-of-scope': 'ngoài phạm vi',
  catalogue: 'thủ tục chưa có bài',
  'low-confidence': 'trả lời chưa chắc',
  clarified: 'hỏi lại, không chọn',
};

const CHANNEL_TITLES: Readonly<Record<string, string>> = { webchat: 'Web chat', zalo: 'Zalo', telegram: 'Telegram', sms: 'SMS', cli: 'Dòng lệnh' };

export interface EntryOption {
  readonly id: string;
  readonly title: string;
  readonly group: string;
}

export interface UnansweredPageProps {
  readonly groups: readonly QuestionGroup[];
  readonly hidden: number;
  readonly entries: readonly EntryOption[];
  readonly canEdit: boolean;
  readonly csrf: string;
  readonly notice?: string | undefined;
  readonly error?: string | undefined;
}

function EntrySelect(props: { id: string; entries: readonly EntryOption[]; selected: string | null }) {
  const groups = [...new Set(props.entries.map((e) => e.group))];
  return (
    <select id={props.id} name="entry" required>
      <option value="">Chọn mục kiến thức…</option>
      {groups.map((group) => (
        <optgroup label={group}>
          {props.entries
            .filter((e) => e.group === group)
            .map((e) => (
              <option value={e.id} selected={e.id === props.selected}>
                {e.title}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}

function Group(props: { group: QuestionGroup; index: number; entries: readonly EntryOption[]; canEdit: boolean; csrf: string }) {
  const g = props.group;
  const id = `g${props.index}`;
  const reasons = Object.entries(g.reasons).map(([reason, n]) => `${REASON_TITLES[reason] ?? reason} ${n}`).join(', ');
  return (
    <li class="card" aria-labelledby={`${id}-q`}>
      {/* Residents' words: JSX escapes them, so markup they typed shows as text. */}
      <h2 id={`${id}-q`} class="question">“{g.text}”</h2>
      <p>
        <strong>{g.count} lần</strong> · lần đầu <time datetime={g.firstAt}>{displayVietnam(g.firstAt)}</time> · gần nhất{' '}
        <time datetime={g.lastAt}>{displayVietnam(g.lastAt)}</time>
      </p>
      <p class="hint">
        {reasons} · {g.channels.map((c) => CHANNEL_TITLES[c] ?? c).join(', ')}
      </p>
      {g.variants.length > 0 ? (
        <details>
          <summary>Cách hỏi khác ({g.variants.length})</summary>
          <ul>
            {g.variants.map((v) => (
              <li>
                “{v.text}” ({v.count})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {props.canEdit ? (
        <div class="actions">
          <form method="post" action="/admin/unanswered/example" class="stack">
            <CsrfField token={props.csrf} />
            <input type="hidden" name="key" value={g.key} />
            <div class="field">
              <label for={`${id}-entry`}>Thêm làm câu ví dụ cho mục</label>
              <EntrySelect id={`${id}-entry`} entries={props.entries} selected={g.likelyEntry} />
            </div>
            <button type="submit">Thêm và xuất bản</button>
          </form>
          <p>
            <a class="button secondary" href={`/admin/knowledge/new?example=${encodeURIComponent(g.text)}`}>
              Tạo mục mới từ câu này
            </a>
          </p>
          <form method="post" action="/admin/unanswered/dismiss" data-confirm="Bỏ qua nhóm câu hỏi này? Khi có người hỏi lại câu tương tự, nó vẫn được ẩn.">
            <CsrfField token={props.csrf} />
            <input type="hidden" name="key" value={g.key} />
            <button type="submit" class="danger">
              Bỏ qua
            </button>
          </form>
        </div>
      ) : null}
    </li>
  );
}

/** /admin/unanswered: what residents asked that the bot did not answer well, grouped, with what staff can do about it. */
export function UnansweredPage(props: UnansweredPageProps) {
  const total = props.groups.reduce((n, g) => n + g.count, 0);
  return (
    <>
      <Notice notice={props.notice} error={props.error} />
      <p class="hint">
        Câu hỏi trợ lý không hiểu, trả lời chưa chắc, hoặc đã hỏi lại mà người dân không chọn mục nào; các câu giống nhau được gộp thành nhóm.
        {props.hidden > 0 ? ` ${props.hidden} câu thuộc các nhóm đã bỏ qua được ẩn.` : ''}
      </p>
      <p role="status">{props.groups.length === 0 ? 'Không có câu hỏi nào đang chờ.' : `${props.groups.length} nhóm, ${total} câu hỏi.`}</p>
      <ol class="plain">
        {props.groups.map((group, index) => (
          <Group group={group} index={index} entries={props.entries} canEdit={props.canEdit} csrf={props.csrf} />
        ))}
      </ol>
    </>
  );
}
