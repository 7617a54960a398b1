import { REPORT_STATUSES, STATUS_TITLES, type ReportStatus } from '../../bot/reports/types.ts';
import type { DailyCounts, StatsQueries } from './queries.ts';
import { vietnamDayOf, type DayRange } from './vietnam-days.ts';

export interface Series {
  readonly label: string;
  readonly values: ReadonlyArray<number | null>;
  /** false: shown in the table and the CSV only (a second unit would not share the chart's axis). */
  readonly plot?: boolean;
}

/** One chart as the page, its table, its CSV and the browser script all see it. */
export interface Chart {
  /** The name in /admin/stats/<name>.csv. */
  readonly name: string;
  readonly title: string;
  /** How the numbers are counted, in a sentence leaders and analysts can check. */
  readonly note: string;
  /** daily: one row per Vietnamese day (lines); bars: one row per category. */
  readonly kind: 'daily' | 'bars';
  readonly xTitle: string;
  readonly x: readonly string[];
  readonly series: readonly Series[];
  /** Instead of a chart when there is nothing to count (the table shows why too). */
  readonly empty?: string;
}

/** Display names for the ids the tables hold. */
export interface StatsNames {
  category(id: string): string;
  commune(id: string): string;
  topic(label: string): string;
}

export const NO_DATA = 'Chưa có dữ liệu.';

const CHANNEL_TITLES: Readonly<Record<string, string>> = { zalo: 'Zalo', telegram: 'Telegram', sms: 'SMS', webchat: 'Trò chuyện trên web', cli: 'Thử nghiệm (dòng lệnh)' };
const CHANNEL_ORDER = ['zalo', 'telegram', 'sms', 'webchat'];

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Statuses in the order a report moves through them (an unknown one last). */
const statusOrder = (status: string): number => ((REPORT_STATUSES as readonly string[]).indexOf(status) + REPORT_STATUSES.length + 1) % (REPORT_STATUSES.length + 1);

const round1 = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);

/** One series per key over every day of the range (a day without rows is 0). */
function daily(range: DayRange, counts: DailyCounts, keys: readonly string[]): number[][] {
  return keys.map((key) => range.days.map((day) => counts.get(day)?.get(key) ?? 0));
}

function sumOver(range: DayRange, counts: DailyCounts, keys: readonly string[]): number[] {
  return range.days.map((day) => keys.reduce((total, key) => total + (counts.get(day)?.get(key) ?? 0), 0));
}

function bars(name: string, title: string, note: string, xTitle: string, rows: ReadonlyArray<{ title: string; count: number }>, seriesLabel: string): Chart {
  return {
    name, title, note, kind: 'bars', xTitle,
    x: rows.map((r) => r.title),
    series: [{ label: seriesLabel, values: rows.map((r) => r.count) }],
    ...(rows.length === 0 ? { empty: NO_DATA } : {}),
  };
}

const allZero = (series: readonly Series[]): boolean => series.every((s) => s.values.every((v) => v === null || v === 0));

/** A headline number above the charts. */
export interface Figure {
  readonly label: string;
  readonly value: string;
}

const total = (values: ReadonlyArray<number | null>): number => values.reduce<number>((sum, v) => sum + (v ?? 0), 0);

/** Every chart of the dashboard for a range, in page order, and the headline figures. */
export async function buildCharts(queries: StatsQueries, range: DayRange, names: StatsNames): Promise<{ charts: Chart[]; figures: Figure[] }> {
  const [messages, answers, reasons, statuses, topics, byCategory, byCommune, byStatus, resolutions, handoffs] = await Promise.all([
    queries.messagesByChannel(range),
    queries.answersPerDay(range),
    queries.unansweredByReason(range),
    queries.unansweredByStatus(range),
    queries.topTopics(range),
    queries.reportsBy(range, 'category'),
    queries.reportsBy(range, 'commune'),
    queries.reportsBy(range, 'status'),
    queries.resolutions(range),
    queries.handoffs(range),
  ]);
  const dailyChart = (name: string, title: string, note: string, series: Series[], empty?: string): Chart => ({
    name, title, note, kind: 'daily', xTitle: 'Ngày', x: range.days, series,
    ...(empty !== undefined ? { empty } : allZero(series) ? { empty: NO_DATA } : {}),
  });

  const seen = new Set([...messages.values()].flatMap((row) => [...row.keys()]));
  const channels = [...CHANNEL_ORDER, ...[...seen].filter((c) => !CHANNEL_ORDER.includes(c)).sort()];
  const channelSeries = daily(range, messages, channels).map((values, i) => ({ label: CHANNEL_TITLES[channels[i] as string] ?? (channels[i] as string), values }));

  const outcomeSeries: Series[] = [
    { label: 'Trả lời được', values: sumOver(range, answers, ['answered']) },
    { label: 'Hỏi lại, người dân không chọn', values: sumOver(range, reasons, ['clarified']) },
    { label: 'Không hiểu', values: sumOver(range, reasons, ['not-understood']) },
    { label: 'Ngoài phạm vi', values: sumOver(range, reasons, ['out-of-scope', 'catalogue']) },
  ];

  const resolveHours = resolutions.map((r) => ({ category: r.category, hours: (Date.parse(r.resolvedAt) - Date.parse(r.createdAt)) / 3_600_000 }));
  const resolveCategories = [...new Set(resolveHours.map((r) => r.category))].sort((a, b) => names.category(a).localeCompare(names.category(b), 'vi'));
  const overallResolve = median(resolveHours.map((r) => r.hours));
  const resolveRows = [
    ...(resolveHours.length > 0 ? [{ title: 'Tất cả chuyên mục', hours: resolveHours.map((r) => r.hours) }] : []),
    ...resolveCategories.map((category) => ({ title: names.category(category), hours: resolveHours.filter((r) => r.category === category).map((r) => r.hours) })),
  ];

  const handoffsOn = new Map<string, NonNullable<typeof handoffs>>();
  for (const h of handoffs ?? []) handoffsOn.set(vietnamDayOf(h.requestedAt), [...(handoffsOn.get(vietnamDayOf(h.requestedAt)) ?? []), h]);
  const handoffDays = (pick: (h: NonNullable<typeof handoffs>[number]) => boolean): number[] => range.days.map((day) => (handoffsOn.get(day) ?? []).filter(pick).length);
  const replyMinutes = range.days.map((day) =>
    round1(median((handoffsOn.get(day) ?? []).flatMap((h) => (h.firstReplySeconds === null ? [] : [h.firstReplySeconds / 60])))),
  );
  const handoffsMissing = handoffs === undefined ? NO_DATA : undefined;

  const [answered, ...notAnswered] = outcomeSeries.map((series) => total(series.values));
  const asked = (answered ?? 0) + total(notAnswered);
  const firstReply = median((handoffs ?? []).flatMap((h) => (h.firstReplySeconds === null ? [] : [h.firstReplySeconds / 60])));
  const figures: Figure[] = [
    { label: 'Tin nhắn của người dân', value: formatNumber(total(channelSeries.flatMap((series) => series.values))) },
    { label: 'Tỉ lệ câu hỏi trả lời được', value: asked === 0 ? '—' : `${formatNumber(Math.round(((answered ?? 0) / asked) * 1000) / 10)}%` },
    { label: 'Phản ánh mới', value: formatNumber(total(byStatus.map((r) => r.count))) },
    { label: 'Thời gian xử lý xong (trung vị)', value: overallResolve === null ? '—' : `${formatNumber(round1(overallResolve) as number)} giờ` },
    { label: 'Yêu cầu gặp cán bộ', value: handoffs === undefined ? '—' : formatNumber(handoffs.length) },
    { label: 'Chờ cán bộ trả lời (trung vị)', value: firstReply === null ? '—' : `${formatNumber(round1(firstReply) as number)} phút` },
  ];

  const charts: Chart[] = [
    dailyChart('messages-by-channel', 'Tin nhắn của người dân theo ngày và kênh', 'Mỗi tin nhắn người dân gửi đến (chiều vào), theo kênh của cuộc trò chuyện; ngày tính theo giờ Việt Nam (UTC+7).', channelSeries),
    dailyChart(
      'outcomes',
      'Trả lời được, hỏi lại và không hiểu',
      'Trả lời được: câu trả lời từ kho kiến thức (nhãn kb:*, không tính danh sách lựa chọn), kể cả sau khi người dân chọn một gợi ý. Hỏi lại: bot đưa gợi ý "Có phải bạn muốn hỏi" mà người dân không chọn mục nào. Không hiểu và ngoài phạm vi: câu hỏi ghi vào mục "Câu hỏi chưa trả lời" với lý do tương ứng (ngoài phạm vi gồm cả thủ tục chỉ có trong danh mục quốc gia).',
      outcomeSeries,
    ),
    bars('top-topics', 'Chủ đề được hỏi nhiều nhất', 'Mười mục kiến thức được bot dùng để trả lời nhiều nhất trong khoảng ngày.', 'Chủ đề', topics.map((t) => ({ title: names.topic(t.label), count: t.count })), 'Số lần trả lời'),
    dailyChart('unanswered', 'Câu hỏi chưa trả lời theo ngày', 'Câu hỏi bot không hiểu, trả lời kém chắc chắn, hỏi lại không được chọn hoặc ngoài phạm vi, theo ngày ghi nhận; "còn chờ" là những câu cán bộ chưa xử lý.', [
      { label: 'Ghi nhận', values: sumOver(range, statuses, ['open', 'done', 'dismissed']) },
      { label: 'Còn chờ xử lý', values: sumOver(range, statuses, ['open']) },
    ]),
    dailyChart('handoffs', 'Yêu cầu gặp cán bộ', 'Số lần người dân xin gặp cán bộ theo ngày yêu cầu; "đã được trả lời" là những yêu cầu cán bộ đã nhắn lại.', [
      { label: 'Yêu cầu', values: handoffDays(() => true) },
      { label: 'Ngoài giờ làm việc', values: handoffDays((h) => h.outOfHours) },
      { label: 'Đã được trả lời', values: handoffDays((h) => h.firstReplySeconds !== null) },
    ], handoffsMissing),
    dailyChart('handoff-reply-time', 'Thời gian đến câu trả lời đầu tiên của cán bộ (phút, trung vị)', 'Trung vị số phút từ lúc người dân xin gặp cán bộ đến tin nhắn đầu tiên của cán bộ, theo ngày yêu cầu; ô trống là ngày không có yêu cầu nào được trả lời.', [
      { label: 'Trung vị (phút)', values: replyMinutes },
    ], handoffsMissing ?? (replyMinutes.every((v) => v === null) ? NO_DATA : undefined)),
    bars('reports-by-category', 'Phản ánh theo chuyên mục', 'Phản ánh gửi trong khoảng ngày (kể cả phản ánh trùng đã gộp), theo chuyên mục.', 'Chuyên mục', byCategory.map((r) => ({ title: names.category(r.key), count: r.count })), 'Số phản ánh'),
    bars('reports-by-commune', 'Phản ánh theo xã, phường', 'Phản ánh gửi trong khoảng ngày, theo xã/phường nhận diện được từ địa chỉ hoặc vị trí.', 'Xã, phường', byCommune.map((r) => ({ title: r.key === '' ? 'Chưa rõ xã, phường' : names.commune(r.key), count: r.count })), 'Số phản ánh'),
    bars('reports-by-status', 'Phản ánh theo trạng thái hiện tại', 'Phản ánh gửi trong khoảng ngày, theo trạng thái hiện nay.', 'Trạng thái', [...byStatus].sort((a, b) => statusOrder(a.key) - statusOrder(b.key)).map((r) => ({ title: STATUS_TITLES[r.key as ReportStatus] ?? r.key, count: r.count })), 'Số phản ánh'),
    {
      name: 'resolve-time',
      title: `Thời gian xử lý xong (giờ, trung vị)${overallResolve === null ? '' : `: ${formatNumber(round1(overallResolve) as number)} giờ`}`,
      note: 'Với mỗi phản ánh được chuyển sang "Đã xử lý xong" trong khoảng ngày: số giờ từ lúc tiếp nhận đến lần đầu đánh dấu xử lý xong; trung vị chung và theo chuyên mục.',
      kind: 'bars',
      xTitle: 'Chuyên mục',
      x: resolveRows.map((r) => r.title),
      series: [
        { label: 'Trung vị (giờ)', values: resolveRows.map((r) => round1(median(r.hours))) },
        { label: 'Số phản ánh', values: resolveRows.map((r) => r.hours.length), plot: false },
      ],
      ...(resolveRows.length === 0 ? { empty: NO_DATA } : {}),
    },
  ];
  return { charts, figures };
}

export function formatNumber(n: number): string {
  return n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}
