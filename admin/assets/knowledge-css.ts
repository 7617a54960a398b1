/** Styles only the knowledge-base pages need, served at /admin/knowledge/assets/knowledge.css (beside admin.css). */
export const KNOWLEDGE_CSS = `
.kb-actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 0 0 1rem; }
.kb-actions form { margin: 0; }
.kb-tag { display: inline-block; white-space: nowrap; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; border: 1px solid var(--line); background: #fff; }
.kb-tag.draft { border-color: #b26a00; color: #7a4a00; background: #fff6e5; }
.kb-tag.retired { border-color: #667085; color: #475467; background: #f2f4f7; }
.kb-tag.due { border-color: var(--danger); color: var(--danger); }
.kb-tag.live { border-color: var(--ok); color: var(--ok); }
.field [aria-invalid="true"] { border-color: var(--danger); border-width: 2px; }
.field .error { margin: 0; }
.sms-count { font-variant-numeric: tabular-nums; }
.sms-count.over { color: var(--danger); font-weight: 600; }
textarea.tall { min-height: 12rem; }
textarea.mid { min-height: 7rem; }
.kb-grid { display: grid; gap: 1rem; }
@media (min-width: 64rem) { .kb-grid { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); align-items: start; } }
.diff { list-style: none; margin: 0; padding: 0; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; }
.diff li { white-space: pre-wrap; word-break: break-word; padding: 0 .3rem; }
.diff .added { background: #e6f4ea; }
.diff .removed { background: #fdeeee; text-decoration: line-through; }
.diff .added::before { content: "+ "; }
.diff .removed::before { content: "− "; }
.diff .same::before { content: "  "; }
.channel { border: 1px solid var(--line); border-radius: 8px; padding: .6rem; margin: .5rem 0; background: #fbfcfe; }
.channel h4 { margin: 0 0 .3rem; font-size: 1rem; }
.bubble { white-space: pre-wrap; word-break: break-word; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: .5rem .7rem; margin: .3rem 0; }
.buttons { display: flex; flex-wrap: wrap; gap: .3rem; list-style: none; margin: .3rem 0 0; padding: 0; }
.buttons li { border: 1px solid var(--brand); color: var(--brand); border-radius: 6px; padding: .15rem .5rem; font-size: .9rem; }
.scores { margin: .3rem 0; padding-left: 1.2rem; }
.check { display: flex; gap: .5rem; align-items: center; font-weight: 600; min-height: 44px; }
.check input { width: 1.3rem; height: 1.3rem; min-height: 0; margin: 0; flex: none; }
progress { width: 100%; height: 1.2rem; }
.row-bad td { background: #fdeeee; }
`;
