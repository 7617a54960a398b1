/** The workspace's one stylesheet, served at /admin/assets/admin.css (a string, so the Worker bundle carries it). */
export const ADMIN_CSS = `
:root { --ink: #1c2430; --muted: #5b6675; --line: #d5dbe3; --bg: #f5f7fa; --brand: #0b5cad; --brand-ink: #fff; --danger: #b3261e; --ok: #1e6b34; --focus: #f0a500; }
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--bg); line-height: 1.5; }
a { color: var(--brand); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.top { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .25rem 1rem; padding: .6rem 1rem; background: var(--brand); color: var(--brand-ink); }
.brand { font-weight: 700; }
.who { font-size: .9rem; }
.nav { background: #fff; border-bottom: 1px solid var(--line); }
.nav ul { list-style: none; margin: 0; padding: .25rem .5rem; display: flex; flex-wrap: wrap; gap: .25rem; }
.nav a, .nav button { display: inline-flex; align-items: center; gap: .35rem; min-height: 44px; padding: .4rem .7rem; border-radius: 6px; text-decoration: none; color: var(--ink); font: inherit; }
.nav a[aria-current="page"] { background: var(--brand); color: var(--brand-ink); }
.nav a:hover { background: #e8eef6; }
.nav a[aria-current="page"]:hover { background: var(--brand); }
.nav button { background: none; border: 1px solid var(--line); cursor: pointer; }
.logout { margin: 0; }
.badge { min-width: 1.5rem; padding: 0 .4rem; border-radius: 999px; background: var(--danger); color: #fff; font-size: .8rem; text-align: center; }
.badge[hidden] { display: none; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
main:focus { outline: none; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin-bottom: 1rem; }
.narrow { max-width: 26rem; }
form.stack { display: grid; gap: .8rem; }
.field { display: grid; gap: .25rem; }
label { font-weight: 600; }
.hint { color: var(--muted); font-size: .9rem; }
input, select, textarea { font: inherit; padding: .55rem .6rem; min-height: 44px; border: 1px solid #98a2b3; border-radius: 6px; background: #fff; color: var(--ink); width: 100%; }
button, .button { font: inherit; min-height: 44px; padding: .5rem 1rem; border-radius: 6px; border: 1px solid var(--brand); background: var(--brand); color: var(--brand-ink); cursor: pointer; }
button.secondary { background: #fff; color: var(--brand); }
button.danger { background: #fff; color: var(--danger); border-color: var(--danger); }
.error { color: var(--danger); font-weight: 600; }
.notice { border-left: 4px solid var(--ok); background: #eef7f0; padding: .6rem .8rem; }
.alert { border-left: 4px solid var(--danger); background: #fdeeee; padding: .6rem .8rem; }
.secret { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 1.25rem; letter-spacing: .05em; background: #fff8e1; padding: .3rem .6rem; border-radius: 4px; user-select: all; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .9rem; color: var(--muted); }
td form { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: 0 0 .3rem; }
td select, td button { width: auto; }
.filters { display: grid; gap: .8rem; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); align-items: end; }
pre { white-space: pre-wrap; word-break: break-word; margin: 0; font-size: .85rem; }
@media (min-width: 48rem) { main { padding: 1.5rem; } h1 { font-size: 1.75rem; } }
`;
