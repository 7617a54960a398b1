/**
 * The dashboard's numbers against known rows, on SQLite and PostgreSQL alike (the queries are portable Kysely):
 * Vietnamese day boundaries (17:00 UTC), what counts as answered / clarified / not understood, top topics,
 * unanswered trend, hand-offs and time to first reply, reports by category, commune and status, median time to
 * resolve. Then the page, the CSV per chart and the locally served uPlot over HTTP.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../adapters/storage/schema.ts';
import { UPLOT_CSS, UPLOT_JS } from '../admin/assets/dashboard-uplot.ts';
import { uplotFiles } from '../admin/assets/dashboard-uplot-build.ts';
import { buildCharts, type Chart } from '../admin/stats/charts.ts';
import { createStatsQueries } from '../admin/stats/queries.ts';
import { defaultRange, rangeOf, type DayRange } from '../admin/stats/vietnam-days.ts';
import { adminRig, type AdminRig } from './admin-rig.ts';
import type { StoreHarness } from './contract/harness.ts';
import { requirePostgres } from './pg/cluster.ts';
import { describeOnStores } from './pg/describe-stores.ts';

const RANGE = rangeOf('2026-03-01', '2026-03-03') as DayRange;
const NAMES = { category: (id: string) => `C:${id}`, commune: (id: string) => `X:${id}`, topic: (label: string) => `T:${label}` };

/** Known rows around the range's edges: 2026-02-28T17:00Z is 00:00 on 1 March in Viet Nam. */
async function seed(db: Kysely<Database>): Promise<void> {
  const conversation = (id: string, channel: string) => ({
    id, channel, user_id: `u-${id}`, state_json: '{}', last_label: null, needs_staff: 0, provider: channel, last_inbound_at: null, created_at: '2026-02-01T00:00:00.000Z', updated_at: '2026-02-01T00:00:00.000Z',
  });
  await db.insertInto('conversations').values([conversation('c1', 'zalo'), conversation('c2', 'telegram'), conversation('c3', 'sms')]).execute();
  let n = 0;
  const log = (conversation_id: string, direction: string, created_at: string, label: string | null = null, kind = 'text') => ({
    id: `m${++n}`, conversation_id, direction, kind, text: 'x', label, score: label ? 0.9 : null, created_at,
  });
  await db.insertInto('message_log').values([
    log('c1', 'in', '2026-02-28T16:59:59.999Z'), // 28 Feb in Viet Nam: outside
    log('c1', 'in', '2026-02-28T17:00:00.000Z'), // 00:00 1 March
    log('c1', 'in', '2026-03-01T16:59:00.000Z'), // 23:59 1 March
    log('c2', 'in', '2026-03-01T17:00:00.000Z'), // 00:00 2 March
    log('c3', 'in', '2026-03-03T16:59:59.000Z'), // 23:59:59 3 March
    log('c3', 'in', '2026-03-03T17:00:00.000Z'), // 4 March: outside
    log('c1', 'out', '2026-02-28T16:00:00.000Z', 'kb:can-cuoc'), // outside
    log('c1', 'out', '2026-03-01T01:00:00.000Z', 'kb:can-cuoc'),
    log('c1', 'out', '2026-03-01T20:00:00.000Z', 'kb:can-cuoc'),
    log('c2', 'out', '2026-03-02T02:00:00.000Z', 'kb:ho-khau'),
    log('c2', 'out', '2026-03-02T03:00:00.000Z', 'kb:ho-khau', 'choices'), // a clarification: not an answer
    log('c1', 'out', '2026-03-02T04:00:00.000Z', 'intent:greeting'), // not a knowledge-base answer
  ]).execute();
  const question = (id: string, reason: string, status: string, created_at: string) => ({ id, conversation_id: 'c1', channel: 'zalo', text: 'q', reason, best_label: null, best_score: null, status, created_at });
  await db.insertInto('unanswered').values([
    question('q1', 'clarified', 'open', '2026-03-01T05:00:00.000Z'),
    question('q2', 'not-understood', 'open', '2026-03-02T05:00:00.000Z'),
    question('q3', 'not-understood', 'dismissed', '2026-03-02T06:00:00.000Z'),
    question('q4', 'out-of-scope', 'done', '2026-03-03T05:00:00.000Z'),
    question('q5', 'catalogue', 'open', '2026-03-03T06:00:00.000Z'),
    question('q6', 'low-confidence', 'open', '2026-03-03T07:00:00.000Z'),
    question('q7', 'not-understood', 'open', '2026-03-03T17:30:00.000Z'), // 4 March: outside
  ]).execute();
  const handoff = (id: string, requested_at: string, first_reply_seconds: number | null, out_of_hours = 0) => ({
    id, conversation_id: 'c1', channel: 'zalo', open_key: null, status: 'closed', requested_at, out_of_hours, taken_at: null, taken_by: null,
    first_reply_at: null, first_reply_seconds, replies: first_reply_seconds === null ? 0 : 1, notice_at: null, closed_at: null, closed_by: null, updated_at: requested_at,
  });
  await db.insertInto('handoffs').values([
    handoff('h1', '2026-03-01T01:00:00.000Z', 120),
    handoff('h2', '2026-03-01T02:00:00.000Z', 600),
    handoff('h3', '2026-03-02T13:00:00.000Z', null, 1), // 20:00 in Viet Nam
    handoff('h4', '2026-03-03T18:00:00.000Z', 60), // 4 March: outside
  ]).execute();
  const report = (code: string, category: string, status: string, commune: string | null, created_at: string) => ({
    code, category, status, description: 'd', address: null, commune, latitude: null, longitude: null, photo_url: null, source: 'chat', conversation_id: null,
    reporter_contact_json: null, assignee: null, public_note: null, duplicate_of: null, created_at, updated_at: created_at,
  });
  await db.insertInto('reports').values([
    report('PA0001', 'chieu-sang', 'resolved', 'vi-tan', '2026-03-01T00:00:00.000Z'),
    report('PA0002', 'chieu-sang', 'resolved', 'vi-tan', '2026-02-27T00:00:00.000Z'), // filed before, resolved inside
    report('PA0003', 'giao-thong', 'in-progress', 'hoa-luu', '2026-03-02T00:00:00.000Z'),
    report('PA0004', 'giao-thong', 'received', null, '2026-03-03T16:59:59.000Z'),
    report('PA0005', 'giao-thong', 'received', null, '2026-03-03T17:00:00.000Z'), // outside
    report('PA0006', 'giao-thong', 'resolved', 'hoa-luu', '2026-03-01T00:00:00.000Z'),
  ]).execute();
  let e = 0;
  const event = (report_code: string, status: string, created_at: string) => ({ id: `e${++e}`, report_code, status, note: null, photo_url: null, actor: 't', created_at });
  await db.insertInto('report_events').values([
    event('PA0001', 'resolved', '2026-03-01T10:00:00.000Z'), // 10 h
    event('PA0002', 'resolved', '2026-03-02T00:00:00.000Z'), // 72 h
    event('PA0006', 'resolved', '2026-03-01T04:00:00.000Z'), // 4 h
    event('PA0006', 'in-progress', '2026-03-01T08:00:00.000Z'),
    event('PA0006', 'resolved', '2026-03-02T08:00:00.000Z'), // reopened and resolved again: the first counts
  ]).execute();
}

function byName(charts: readonly Chart[], name: string): Chart {
  const chart = charts.find((c) => c.name === name);
  assert.ok(chart, `chart ${name}`);
  return chart;
}
const columns = (chart: Chart) => Object.fromEntries(chart.series.map((s) => [s.label, [...s.values]]));

function numbersSuite(harness: () => StoreHarness) {
  test('every chart counts the known rows, with Vietnamese day boundaries', async () => {
    const { db } = await harness().fresh();
    await seed(db);
    const { charts, figures } = await buildCharts(createStatsQueries(db), RANGE, NAMES);
    assert.deepEqual(RANGE.days, ['2026-03-01', '2026-03-02', '2026-03-03']);

    const messages = byName(charts, 'messages-by-channel');
    assert.deepEqual(messages.x, RANGE.days);
    assert.deepEqual(columns(messages), { Zalo: [2, 0, 0], Telegram: [0, 1, 0], SMS: [0, 0, 1], 'Trò chuyện trên web': [0, 0, 0] });
    assert.deepEqual(columns(byName(charts, 'outcomes')), {
      'Trả lời được': [1, 2, 0],
      'Hỏi lại, người dân không chọn': [1, 0, 0],
      'Không hiểu': [0, 2, 0],
      'Ngoài phạm vi': [0, 0, 2],
    });
    const topics = byName(charts, 'top-topics');
    assert.deepEqual([topics.x, columns(topics)], [['T:kb:can-cuoc', 'T:kb:ho-khau'], { 'Số lần trả lời': [2, 1] }]);
    assert.deepEqual(columns(byName(charts, 'unanswered')), { 'Ghi nhận': [1, 2, 3], 'Còn chờ xử lý': [1, 1, 2] });
    assert.deepEqual(columns(byName(charts, 'handoffs')), { 'Yêu cầu': [2, 1, 0], 'Ngoài giờ làm việc': [0, 1, 0], 'Đã được trả lời': [2, 0, 0] });
    assert.deepEqual(columns(byName(charts, 'handoff-reply-time')), { 'Trung vị (phút)': [6, null, null] });
    const category = byName(charts, 'reports-by-category');
    assert.deepEqual([category.x, columns(category)], [['C:giao-thong', 'C:chieu-sang'], { 'Số phản ánh': [3, 1] }]);
    const commune = byName(charts, 'reports-by-commune');
    assert.deepEqual([commune.x, columns(commune)], [['X:hoa-luu', 'Chưa rõ xã, phường', 'X:vi-tan'], { 'Số phản ánh': [2, 1, 1] }]);
    const status = byName(charts, 'reports-by-status');
    assert.deepEqual([status.x, columns(status)], [['Đã tiếp nhận', 'Đang xử lý', 'Đã xử lý xong'], { 'Số phản ánh': [1, 1, 2] }]);
    const resolve = byName(charts, 'resolve-time');
    assert.deepEqual([resolve.x, columns(resolve)], [['Tất cả chuyên mục', 'C:chieu-sang', 'C:giao-thong'], { 'Trung vị (giờ)': [10, 41, 4], 'Số phản ánh': [3, 2, 1] }]);
    assert.match(resolve.title, /: 10 giờ$/);

    assert.deepEqual(Object.fromEntries(figures.map((f) => [f.label, f.value])), {
      'Tin nhắn của người dân': '4',
      'Tỉ lệ câu hỏi trả lời được': '37,5%', // 3 answered of 3 + 1 + 2 + 2
      'Phản ánh mới': '4',
      'Thời gian xử lý xong (trung vị)': '10 giờ',
      'Yêu cầu gặp cán bộ': '3',
      'Chờ cán bộ trả lời (trung vị)': '6 phút',
    });
  });

  test('an empty range says there is no data rather than drawing zeros', async () => {
    const { db } = await harness().fresh();
    const { charts } = await buildCharts(createStatsQueries(db), RANGE, NAMES);
    for (const chart of charts) assert.equal(chart.empty, 'Chưa có dữ liệu.', chart.name);
  });
}

const postgres = await requirePostgres();
describeOnStores('dashboard numbers', postgres, numbersSuite);

test('day ranges: Viet Nam days, the default last 30, bad input refused', () => {
  assert.deepEqual([RANGE.startIso, RANGE.endIso], ['2026-02-28T17:00:00.000Z', '2026-03-03T17:00:00.000Z']);
  // 23:30 UTC on 1 March is 06:30 on 2 March in Viet Nam: today is the 2nd.
  const range = defaultRange(new Date('2026-03-01T23:30:00.000Z'));
  assert.deepEqual([range.from, range.to, range.days.length], ['2026-02-01', '2026-03-02', 30]);
  assert.equal(rangeOf('2026-02-30', '2026-03-01'), undefined);
  assert.equal(rangeOf('2026-03-02', '2026-03-01'), undefined);
  assert.equal(rangeOf('2025-01-01', '2026-03-01'), undefined, 'more than a year');
});

test('the served uPlot is the pinned one from node_modules (regenerate with dashboard-uplot-build.ts)', () => {
  const files = uplotFiles();
  assert.equal(files.version, '1.6.32');
  assert.equal(UPLOT_JS, files.js);
  assert.equal(UPLOT_CSS, files.css);
});

describe('over HTTP', () => {
  let rig: AdminRig;
  let jar: Awaited<ReturnType<AdminRig['login']>>['jar'];
  before(async () => {
    rig = await adminRig();
    // adminRig builds the workspace without the product's services; the dashboard needs only its queries.
    Object.assign(rig.deps, { services: { stats: createStatsQueries(rig.db) } });
    await seed(rig.db);
    await rig.createStaff('lanhdao', 'viewer');
    jar = (await rig.login('lanhdao')).jar;
  });
  after(() => rig.cleanup());

  test('the page: range picker, figures, a chart and a table per chart, assets from this site only', async () => {
    const res = await rig.request('/admin?from=2026-03-01&to=2026-03-03', { jar });
    assert.equal(res.status, 200);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self';/);
    assert.match(csp, /img-src 'self' data:;/);
    const html = await res.text();
    assert.match(html, /<label for="from">Từ ngày<\/label><input id="from" name="from" type="date" value="2026-03-01"/);
    assert.match(html, /<script src="\/admin\/assets\/uplot\.min\.js" defer/);
    assert.doesNotMatch(html, /https?:\/\/(?!www\.openstreetmap)[^"]*\.(js|css)/, 'no CDN');
    assert.equal((html.match(/<figure class="chart" data-chart=/g) ?? []).length, 10, html.slice(html.indexOf("<figure"), html.indexOf("<figure") + 300));
    assert.equal((html.match(/<details data-table[^>]*\bopen\b[^>]*>/g) ?? []).length, 10, 'a table under each chart, open without script');
    assert.match(html, /<th scope="row">01\/03\/2026<\/th><td class="num">2<\/td><td class="num">0<\/td>/, 'messages table, 1 March');
    assert.match(html, /href="\/admin\/stats\/outcomes\.csv\?from=2026-03-01&amp;to=2026-03-03"/);
    const bad = await rig.request('/admin?from=2026-03-05&to=2026-03-01', { jar });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /role="alert">Khoảng ngày không hợp lệ/);
  });

  test('CSV per chart: BOM, the table numbers, the range in the file name', async () => {
    const res = await rig.request('/admin/stats/messages-by-channel.csv?from=2026-03-01&to=2026-03-03', { jar });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /filename="messages-by-channel_2026-03-01_2026-03-03\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(new TextDecoder().decode(bytes.slice(3)), 'Ngày,Zalo,Telegram,SMS,Trò chuyện trên web\r\n2026-03-01,2,0,0,0\r\n2026-03-02,0,1,0,0\r\n2026-03-03,0,0,1,0\r\n');
    const resolveBytes = await (await rig.request('/admin/stats/resolve-time.csv?from=2026-03-01&to=2026-03-03', { jar })).arrayBuffer();
    const resolve = new TextDecoder('utf-8', { ignoreBOM: true }).decode(resolveBytes);
    assert.equal(resolve, '\uFEFFChuyên mục,Trung vị (giờ),Số phản ánh\r\nTất cả chuyên mục,10,3\r\nchieu-sang,41,2\r\ngiao-thong,4,1\r\n');
    assert.equal((await rig.request('/admin/stats/nope.csv', { jar })).status, 404);
    assert.equal((await rig.request('/admin/stats/outcomes.csv?from=bad', { jar })).status, 400);
    assert.equal((await rig.request('/admin/stats/outcomes.csv')).status, 303, 'no session: to the log-in page');
  });

  test('uPlot, the dashboard script and styles are served here with their content types', async () => {
    for (const [path, type] of [['uplot.min.js', 'text/javascript'], ['uplot.min.css', 'text/css'], ['dashboard.js', 'text/javascript'], ['dashboard.css', 'text/css'], ['reports.css', 'text/css']] as const) {
      const res = await rig.request(`/admin/assets/${path}`);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', new RegExp(`^${type}; charset=utf-8`), path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    }
  });
});
