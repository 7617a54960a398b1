import type { Chart, Figure } from '../../stats/charts.ts';
import { defaultRange, type DayRange } from '../../stats/vietnam-days.ts';
import { ChartCard } from './chart-card.tsx';
import { Notice } from '../page-parts.tsx';

export interface DashboardProps {
  readonly range: DayRange;
  readonly charts: readonly Chart[];
  readonly figures: readonly Figure[];
  readonly now: Date;
  readonly error?: string | undefined;
}

/** The last n days up to today, as a link for the quick choices. */
function quick(now: Date, days: number): string {
  const range = defaultRange(now, days);
  return `/admin?from=${range.from}&to=${range.to}`;
}

/** GET /admin: headline figures and the charts for a range of Vietnamese days (default the last 30). */
export function DashboardPage(props: DashboardProps) {
  const { range } = props;
  return (
    <>
      <link rel="stylesheet" href="/admin/assets/uplot.min.css" />
      <link rel="stylesheet" href="/admin/assets/dashboard.css" />
      <script src="/admin/assets/uplot.min.js" defer></script>
      <script src="/admin/assets/dashboard.js" defer></script>
      <form method="get" action="/admin" class="card range" aria-label="Khoảng ngày thống kê">
        <div class="field">
          <label for="from">Từ ngày</label>
          <input id="from" name="from" type="date" value={range.from} required />
        </div>
        <div class="field">
          <label for="to">Đến ngày</label>
          <input id="to" name="to" type="date" value={range.to} required />
        </div>
        <div class="field">
          <button type="submit">Xem thống kê</button>
        </div>
        <ul class="quick" aria-label="Chọn nhanh">
          <li><a href={quick(props.now, 7)}>7 ngày qua</a></li>
          <li><a href={quick(props.now, 30)}>30 ngày qua</a></li>
          <li><a href={quick(props.now, 90)}>90 ngày qua</a></li>
        </ul>
        <p class="hint">Ngày tính theo giờ Việt Nam (UTC+7), gồm cả hai ngày đầu và cuối.</p>
      </form>
      <Notice error={props.error} />
      <dl class="figures" aria-label="Số liệu chính">
        {props.figures.map((f) => (
          <div>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      <div class="charts">
        {props.charts.map((chart) => (
          <ChartCard chart={chart} range={range} />
        ))}
      </div>
    </>
  );
}
