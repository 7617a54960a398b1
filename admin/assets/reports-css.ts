/** The reports board's stylesheet (after admin.css), served at /admin/assets/reports.css. */
export const REPORTS_CSS = `
.status { display: inline-block; padding: .1rem .5rem; border-radius: 999px; font-size: .85rem; white-space: nowrap; border: 1px solid var(--line); }
.status-received { background: #eef3fb; }
.status-in-progress { background: #fff4e0; }
.status-resolved { background: #eaf6ed; }
.status-rejected { background: #f4f4f5; }
.report-list td.description { min-width: 14rem; }
.report-list .code { font-weight: 700; white-space: nowrap; }
.actions { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; margin: .5rem 0 1rem; }
.actions .button { text-decoration: none; display: inline-flex; align-items: center; }
.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .3rem 1rem; margin: 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.detail { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); }
@media (min-width: 64rem) { .detail { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); } }
.transcript { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
.transcript li { padding: .5rem .7rem; border-radius: 8px; max-width: 90%; }
.transcript .in { background: #eef3fb; justify-self: start; }
.transcript .out { background: #f4f4f5; justify-self: end; }
.transcript .meta { display: block; color: var(--muted); font-size: .8rem; }
.history { list-style: none; margin: 0; padding: 0; }
.history li { border-left: 3px solid var(--line); padding: .2rem 0 .6rem .8rem; }
.card form.stack + form.stack { margin-top: 1.2rem; padding-top: 1rem; border-top: 1px solid var(--line); }
`;
