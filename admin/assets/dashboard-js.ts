/**
 * The dashboard's script, served at /admin/assets/dashboard.js after uPlot. Each chart's numbers come in its
 * figure's data-chart attribute (JSON, escaped by JSX like any attribute: no inline script, so the strict CSP
 * holds); the table under each chart holds the same numbers for screen readers and for pages without script,
 * and is folded away once the chart is drawn (still one click away).
 */
export const DASHBOARD_JS = `(() => {
  if (typeof uPlot !== 'function') return;
  const COLORS = ['#0b5cad', '#d9480f', '#2b8a3e', '#7048e8', '#c2255c', '#5c7cfa'];
  const dayLabel = (day) => day.slice(8, 10) + '/' + day.slice(5, 7);
  const clip = (text, n) => (text.length > n ? text.slice(0, n - 1) + '…' : text);
  const drawn = [];

  function options(spec, plotted, width) {
    const bars = spec.kind === 'bars';
    const label = (i) => (Number.isInteger(i) && spec.x[i] !== undefined ? (bars ? clip(spec.x[i], 16) : dayLabel(spec.x[i])) : '');
    return {
      width,
      height: bars ? 300 : 260,
      scales: { x: { time: false, range: () => [-0.5, spec.x.length - 0.5] }, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] } },
      axes: [
        { values: (u, splits) => splits.map(label), incrs: [1, 2, 3, 5, 7, 10, 14, 30, 60, 90], space: bars ? 12 : 44, rotate: bars ? -35 : 0, size: bars ? 96 : 40, gap: 4 },
        // Whole steps: most charts count things, and half a message reads as a bug.
        { size: 48, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000] },
      ],
      series: [
        { label: spec.xTitle, value: (u, i) => (i === null || i === undefined ? '—' : spec.x[i] || '') },
        ...plotted.map((s, k) => ({
          label: s.label,
          stroke: COLORS[k % COLORS.length],
          width: 2,
          fill: bars ? COLORS[k % COLORS.length] + 'cc' : undefined,
          paths: bars ? uPlot.paths.bars({ size: [0.6, 56] }) : undefined,
          points: { show: !bars && spec.x.length <= 62 },
          value: (u, v) => (v === null || v === undefined ? '—' : v.toLocaleString('vi-VN')),
        })),
      ],
      cursor: { drag: { x: false, y: false } },
    };
  }

  for (const figure of document.querySelectorAll('figure[data-chart]')) {
    let spec;
    try { spec = JSON.parse(figure.dataset.chart || ''); } catch { continue; }
    const box = figure.querySelector('.chart-canvas');
    if (!box || !spec || spec.empty || spec.x.length === 0) continue;
    const plotted = spec.series.filter((s) => s.plot !== false);
    const data = [spec.x.map((_, i) => i), ...plotted.map((s) => s.values)];
    const plot = new uPlot(options(spec, plotted, box.clientWidth || 320), data, box);
    drawn.push({ plot, box });
    figure.classList.add('drawn');
    const table = figure.closest('section')?.querySelector('details[data-table]');
    if (table) table.open = false;
  }

  let pending;
  window.addEventListener('resize', () => {
    clearTimeout(pending);
    pending = setTimeout(() => drawn.forEach(({ plot, box }) => plot.setSize({ width: box.clientWidth || 320, height: plot.height })), 150);
  });
})();
`;
