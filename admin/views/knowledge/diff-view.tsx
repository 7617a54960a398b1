import type { FieldDiff } from '../../../knowledge-base/versions-diff.ts';
import { FIELD_LABELS } from './fields.ts';

const OP_WORDS = { same: 'giữ nguyên', removed: 'bỏ', added: 'thêm' } as const;

/** A field-by-field line diff; each line says in words what happened to it (not only by colour). */
export function DiffView(props: { diffs: readonly FieldDiff[] }) {
  if (props.diffs.length === 0) return <p class="hint">Không có thay đổi.</p>;
  return (
    <div>
      {props.diffs.map((d) => (
        <section aria-label={FIELD_LABELS[d.field]}>
          <h4>{FIELD_LABELS[d.field]}</h4>
          <ul class="diff">
            {d.lines.map((line) => (
              <li class={line.op}>
                <span class="visually-hidden">{OP_WORDS[line.op]}: </span>
                {line.text === "retired" ? "ngừng dùng" : line.text === "active" && d.field === "retired" ? "đang dùng" : line.text}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
