/** The dashboard's stylesheet (after admin.css and uPlot's), served at /admin/assets/dashboard.css. */
export const DASHBOARD_CSS = `
.range { display: grid; gap: .8rem; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); align-items: end; }
.range .hint { grid-column: 1 / -1; margin: 0; }
.range .quick { display: flex; flex-wrap: wrap; gap: .5rem; grid-column: 1 / -1; margin: 0; padding: 0; list-style: none; }
.range .quick a { display: inline-flex; align-items: center; min-height: 44px; padding: .3rem .7rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; text-decoration: none; }
.figures { display: grid; gap: .8rem; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); margin: 0 0 1rem; }
.figures div { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .7rem .9rem; }
.figures dt { color: var(--muted); font-size: .9rem; }
.figures dd { margin: .2rem 0 0; font-size: 1.4rem; font-weight: 700; }
.charts { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); }
@media (min-width: 64rem) { .charts { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
.chart-card { margin: 0; min-width: 0; }
.chart-card h2 { margin-top: 0; }
.chart { margin: .5rem 0; min-width: 0; }
.chart-canvas { width: 100%; min-height: 0; }
.chart-card details { margin: .5rem 0; }
.chart-card summary { cursor: pointer; min-height: 44px; display: flex; align-items: center; color: var(--brand); }
.chart-card .table-wrap { max-height: 22rem; overflow: auto; }
.chart-card td.num, .chart-card th.num { text-align: right; font-variant-numeric: tabular-nums; }
.empty { color: var(--muted); font-style: italic; }
.uplot { font-family: inherit; }
.u-legend { font-size: .85rem; }
`;
