import type { Chart } from '../../stats/charts.ts';
import { formatNumber } from '../../stats/charts.ts';
import type { DayRange } from '../../stats/vietnam-days.ts';

const dayTitle = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/**
 * One chart: the drawing (canvas, hidden from screen readers) and the same numbers as a table, which is what
 * screen readers and pages without script get; the CSV link downloads exactly the table.
 */
export function ChartCard(props: { chart: Chart; range: DayRange }) {
  const { chart, range } = props;
  const id = `chart-${chart.name}`;
  const csv = `/admin/stats/${chart.name}.csv?from=${range.from}&to=${range.to}`;
  const xText = (x: string): string => (chart.kind === 'daily' ? dayTitle(x) : x);
  return (
    <section class="card chart-card" aria-labelledby={id}>
      <h2 id={id}>{chart.title}</h2>
      <p class="hint">{chart.note}</p>
      {chart.empty ? (
        <p class="empty">{chart.empty}</p>
      ) : (
        <>
          <figure class="chart" data-chart={JSON.stringify(chart)}>
            <div class="chart-canvas" aria-hidden="true"></div>
          </figure>
          <details data-table open>
            <summary>Bảng số liệu</summary>
            <div class="table-wrap" tabindex={0} role="region" aria-label={`Bảng số liệu: ${chart.title}`}>
              <table>
                <caption class="visually-hidden">{chart.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{chart.xTitle}</th>
                    {chart.series.map((s) => (
                      <th scope="col" class="num">{s.label}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {chart.x.map((x, i) => (
                    <tr>
                      <th scope="row">{xText(x)}</th>
                      {chart.series.map((s) => {
                        const value = s.values[i];
                        return <td class="num">{value === null || value === undefined ? '—' : formatNumber(value)}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
      <p>
        <a href={csv} download>
          Tải số liệu (CSV)<span class="visually-hidden">: {chart.title}</span>
        </a>
      </p>
    </section>
  );
}
