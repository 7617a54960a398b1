import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { parseW3cDatetime, toVietnamTime } from '../adapters/http/open311/datetime.ts';
import { createOpen311Routes, type Open311Deps, type Open311Service } from '../adapters/http/open311/routes.ts';
import { migrateToLatest } from '../adapters/storage/migrate.ts';
import type { ReportStore } from '../bot/reports/store.ts';
import { createReportStore } from '../adapters/storage/report-store.ts';
import { readSeed } from '../knowledge-base/seed-files.ts';
import { temporaryDatabase } from './helpers.ts';

const API_KEY = 'open311-test-key-7f3a';
const BASE = 'http://localhost/open311/v2';
const AGENCY = 'UBND thành phố Cần Thơ';
const INSIDE = { lat: '10.0341', long: '105.7880' };
const HANOI = { lat: '21.0285', long: '105.8542' };
const CONTACT = { email: 'duyen.secret@example.com', phone: '0909123456', first_name: 'Duyensecret', last_name: 'Tranprivate' };

// The catalogue's report categories, as the caller builds them from the seed labels.
const SERVICES: Open311Service[] = readSeed()
  .definitions.filter((d) => d.label.startsWith('report:'))
  .map((d) => ({ code: d.label.slice('report:'.length), name: d.title, description: d.title, keywords: d.keywords, group: 'Phản ánh hiện trường' }));

let database: ReturnType<typeof temporaryDatabase>;
let store: ReportStore;
let clock = new Date('2026-11-27T01:05:00.000Z');
let app: Hono;

function mount(overrides: Partial<Open311Deps> = {}): Hono {
  const root = new Hono();
  root.route(
    '/open311/v2',
    createOpen311Routes({
      reports: store,
      services: SERVICES,
      apiKey: API_KEY,
      fileReport: (r) => store.create(r, 'open311'),
      // Roughly Cần Thơ's bounding box: enough to tell a city point from Hà Nội.
      withinArea: (lat, long) => lat >= 9.9 && lat <= 10.35 && long >= 105.3 && long <= 105.85,
      agencyName: AGENCY,
      now: () => clock,
      ...overrides,
    }),
  );
  return root;
}

before(async () => {
  database = temporaryDatabase();
  await migrateToLatest(database.db);
  store = createReportStore(database.db, { now: () => clock });
  app = mount();
});
after(async () => database.cleanup());

const get = (path: string, target: Hono = app) => target.request(`${BASE}${path}`);
const post = (path: string, fields: Record<string, string>, target: Hono = app) =>
  target.request(`${BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

type Json = Record<string, unknown>;
async function json(res: Response): Promise<Json[]> {
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return (await res.json()) as Json[];
}

async function fileRequest(fields: Record<string, string>): Promise<string> {
  const res = await post('/requests.json', { api_key: API_KEY, ...fields });
  const body = await json(res);
  assert.equal(res.status, 200, JSON.stringify(body));
  const id = body[0]?.['service_request_id'];
  assert.equal(typeof id, 'string');
  return id as string;
}

async function assertSpecError(res: Response, status: number, format: 'json' | 'xml', reason?: RegExp): Promise<void> {
  assert.equal(res.status, status);
  if (format === 'json') {
    const body = await json(res);
    assert.equal(body.length, 1);
    assert.equal(body[0]?.['code'], status);
    assert.equal(typeof body[0]?.['description'], 'string');
    if (reason) assert.match(body[0]?.['description'] as string, reason);
  } else {
    assert.match(res.headers.get('content-type') ?? '', /^text\/xml; charset=utf-8/);
    const text = await res.text();
    assert.match(text, new RegExp(`^<\\?xml version="1.0" encoding="utf-8"\\?>\\s*<errors><error><code>${status}</code><description>[^<]+</description></error></errors>\\s*$`));
    if (reason) assert.match(text, reason);
  }
}

test('W3C datetimes: offsets, bare dates, a "+" lost to query decoding, and impossible dates', () => {
  assert.equal(toVietnamTime('2026-11-27T01:05:00.000Z'), '2026-11-27T08:05:00+07:00');
  assert.equal(toVietnamTime('2026-11-27T20:30:00.000Z'), '2026-11-28T03:30:00+07:00');
  const cases: Array<[string, string | undefined, boolean?]> = [
    ['2026-11-27T08:05:00+07:00', '2026-11-27T01:05:00.000Z'],
    ['2026-11-27T01:05:00Z', '2026-11-27T01:05:00.000Z'],
    ['2026-11-27T08:05:00 07:00', '2026-11-27T01:05:00.000Z'],
    ['2026-11-27T08:05', '2026-11-27T01:05:00.000Z'],
    ['2026-11-27', '2026-11-26T17:00:00.000Z', true],
    ['2026-11-27T08:05:00.250+0700', '2026-11-27T01:05:00.250Z'],
    ['2026-02-31', undefined],
    ['2026-11-27T24:00:00Z', undefined],
    ['27/11/2026', undefined],
    ['yesterday', undefined],
  ];
  for (const [text, expected, dateOnly = false] of cases) {
    const parsed = parseW3cDatetime(text);
    assert.equal(parsed?.at.toISOString(), expected, text);
    if (parsed) assert.equal(parsed.dateOnly, dateOnly, text);
  }
});

test('discovery answers JSON by default and by .json, and XML by .xml', async () => {
  for (const path of ['/discovery', '/discovery.json']) {
    const res = await get(path);
    assert.equal(res.status, 200);
    const body = (await res.json()) as unknown as Json;
    assert.match(String(body['changeset']), /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(typeof body['contact'], 'string');
    assert.match(String(body['key_service']), /api_key/);
    assert.deepEqual(body['endpoints'], [
      { specification: 'http://wiki.open311.org/GeoReport_v2', url: BASE, changeset: body['changeset'], type: 'production', formats: ['application/json', 'text/xml'] },
    ]);
  }
  const res = await get('/discovery.xml');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/xml; charset=utf-8');
  const xml = await res.text();
  assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<discovery>/);
  assert.match(xml, /<changeset>\d{4}-\d{2}-\d{2}T[^<]+<\/changeset><contact>[^<]+<\/contact><key_service>[^<]+<\/key_service>/);
  assert.match(xml, /<endpoints><endpoint><specification>http:\/\/wiki\.open311\.org\/GeoReport_v2<\/specification><url>http:\/\/localhost\/open311\/v2<\/url>/);
  assert.match(xml, /<type>production<\/type><formats><format>application\/json<\/format><format>text\/xml<\/format><\/formats><\/endpoint><\/endpoints><\/discovery>/);
});

test('services list the ten report categories in JSON and XML', async () => {
  const body = await json(await get('/services.json'));
  assert.equal(body.length, 10);
  const lighting = body.find((s) => s['service_code'] === 'chieu-sang');
  assert.deepEqual(lighting, {
    service_code: 'chieu-sang',
    service_name: 'Đèn đường hỏng, không sáng, chập điện chiếu sáng công cộng',
    description: 'Đèn đường hỏng, không sáng, chập điện chiếu sáng công cộng',
    metadata: false,
    type: 'realtime',
    keywords: SERVICES.find((s) => s.code === 'chieu-sang')!.keywords.join(','),
    group: 'Phản ánh hiện trường',
  });
  assert.deepEqual(await json(await get('/services')), body);

  const xml = await (await get('/services.xml')).text();
  assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service>/);
  assert.equal(xml.match(/<service>/g)?.length, 10);
  assert.match(xml, /<service><service_code>chieu-sang<\/service_code><service_name>[^<]+<\/service_name><description>[^<]+<\/description><metadata>false<\/metadata><type>realtime<\/type><keywords>đèn đường,[^<]+<\/keywords><group>Phản ánh hiện trường<\/group><\/service>/);
  assert.match(xml, /<\/services>\n$/);
});

test('a service definition has no attributes; an unknown code is a 404 in both formats', async () => {
  const res = await get('/services/chieu-sang.json');
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { service_code: 'chieu-sang', attributes: [] });
  const xml = await (await get('/services/chieu-sang.xml')).text();
  assert.match(xml, /<service_definition><service_code>chieu-sang<\/service_code><attributes><\/attributes><\/service_definition>/);
  await assertSpecError(await get('/services/khong-co.json'), 404, 'json', /khong-co/);
  await assertSpecError(await get('/services/khong-co.xml'), 404, 'xml');
});

test('a POST with lat/long files a report that GET requests/{id} shows with every public field and no contact', async () => {
  const res = await post('/requests.json', {
    api_key: API_KEY,
    service_code: 'chieu-sang',
    ...INSIDE,
    description: 'Đèn đường trước số 12 Mậu Thân tắt cả tuần nay.',
    media_url: 'https://example.org/photos/den-12.jpg',
    ...CONTACT,
  });
  assert.equal(res.status, 200);
  const created = await json(res);
  assert.equal(created.length, 1);
  const id = created[0]?.['service_request_id'] as string;
  assert.match(id, /^PA\d{4,6}$/);
  assert.match(created[0]?.['service_notice'] as string, new RegExp(`${id}.*Zalo`));
  assert.equal(created[0]?.['account_id'], '');

  const shown = await json(await get(`/requests/${id}.json`));
  assert.deepEqual(shown, [
    {
      service_request_id: id,
      status: 'open',
      status_notes: 'Đã tiếp nhận',
      service_name: 'Đèn đường hỏng, không sáng, chập điện chiếu sáng công cộng',
      service_code: 'chieu-sang',
      description: 'Đèn đường trước số 12 Mậu Thân tắt cả tuần nay.',
      agency_responsible: AGENCY,
      service_notice: '',
      requested_datetime: '2026-11-27T08:05:00+07:00',
      updated_datetime: '2026-11-27T08:05:00+07:00',
      address: '',
      address_id: '',
      zipcode: '',
      lat: 10.0341,
      long: 105.788,
      media_url: 'https://example.org/photos/den-12.jpg',
    },
  ]);
  // The same code residents type in chat finds the same report.
  assert.equal((await store.get(id))?.source, 'open311');

  const xmlText = await (await get(`/requests/${id}.xml`)).text();
  assert.match(xmlText, new RegExp(`<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`));
  assert.match(xmlText, /<requested_datetime>2026-11-27T08:05:00\+07:00<\/requested_datetime><updated_datetime>2026-11-27T08:05:00\+07:00<\/updated_datetime>/);
  assert.match(xmlText, /<lat>10.0341<\/lat><long>105.788<\/long><media_url>https:\/\/example.org\/photos\/den-12.jpg<\/media_url><\/request><\/service_requests>/);

  const listed = JSON.stringify(await json(await get('/requests.json')));
  const listedXml = await (await get('/requests.xml')).text();
  for (const text of [JSON.stringify(shown), xmlText, listed, listedXml]) {
    for (const secret of [...Object.values(CONTACT), 'email', 'phone', 'first_name', 'reporter', 'conversation', 'assignee']) {
      assert.ok(!text.includes(secret), `"${secret}" must not be published`);
    }
  }
  // Staff still have the contact.
  const row = await database.db.selectFrom('reports').select('reporter_contact_json').where('code', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(JSON.parse(row.reporter_contact_json ?? 'null'), CONTACT);
});

test('an address alone is a location; an empty description becomes the service name; unknown lat/long are left out', async () => {
  const id = await fileRequest({ service_code: 'moi-truong', address_string: 'Hẻm 51 đường 3/2, Ninh Kiều', description: '   ' });
  const [shown] = await json(await get(`/requests/${id}`));
  assert.equal(shown?.['address'], 'Hẻm 51 đường 3/2, Ninh Kiều');
  assert.equal(shown?.['description'], SERVICES.find((s) => s.code === 'moi-truong')!.name);
  assert.ok(!('lat' in shown!) && !('long' in shown!) && !('media_url' in shown!));
});

test('a missing, wrong or unconfigured api_key is a 403 in the spec error format, and nothing is filed', async () => {
  const before = (await store.list({ limit: 10_000, since: new Date(0) })).length;
  const fields = { service_code: 'chieu-sang', ...INSIDE, description: 'đèn hư' };
  await assertSpecError(await post('/requests.json', fields), 403, 'json', /api_key/);
  await assertSpecError(await post('/requests.json', { ...fields, api_key: `${API_KEY}x` }), 403, 'json');
  await assertSpecError(await post('/requests.xml', { ...fields, api_key: 'wrong' }), 403, 'xml');
  await assertSpecError(await post('/requests.json', { ...fields, api_key: API_KEY }, mount({ apiKey: undefined })), 403, 'json', /read-only/);
  assert.equal((await store.list({ limit: 10_000, since: new Date(0) })).length, before);
});

test('invalid submissions are 400s with a reason', async () => {
  const valid = { api_key: API_KEY, service_code: 'giao-thong', ...INSIDE, description: 'ổ gà lớn' };
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['unknown service', { ...valid, service_code: 'khong-co' }, /unknown service_code/],
    ['no service', { ...valid, service_code: '' }, /service_code is required/],
    ['outside the area', { ...valid, ...HANOI }, /outside the province/],
    ['no location', { api_key: API_KEY, service_code: 'giao-thong', description: 'ổ gà' }, /location is required/],
    ['lat without long', { ...valid, long: '' }, /together/],
    ['not a number', { ...valid, lat: '0x1A' }, /decimal/],
    ['description too long', { ...valid, description: 'a'.repeat(4001) }, /longer than 4000/],
    ['media not http', { ...valid, media_url: 'ftp://example.org/a.jpg' }, /http or https/],
    ['media not a URL', { ...valid, media_url: 'javascript:alert(1)' }, /http or https/],
  ];
  for (const [name, fields, reason] of cases) {
    const res = await post('/requests.json', fields);
    assert.equal(res.status, 400, name);
    await assertSpecError(res, 400, 'json', reason);
  }
  await assertSpecError(await post('/requests.xml', { ...valid, ...HANOI }), 400, 'xml', /outside the province/);
  const asJson = await app.request(`${BASE}/requests.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(valid) });
  await assertSpecError(asJson, 400, 'json', /x-www-form-urlencoded/);
  await assertSpecError(await post('/requests.json', { ...valid, description: 'ổ'.repeat(50_000) }), 413, 'json', /larger/);
  const longest = await fileRequest({ ...valid, description: 'ổ'.repeat(4000) });
  assert.equal((await store.get(longest))?.description.length, 4000);
});

test('GET requests filters by service_code, status and date, newest first', async () => {
  clock = new Date('2026-07-01T03:00:00.000Z');
  const old = await fileRequest({ service_code: 'cay-xanh', ...INSIDE, description: 'cây ngã từ mùa hè' });
  clock = new Date('2026-11-20T02:00:00.000Z');
  const tree = await fileRequest({ service_code: 'cay-xanh', ...INSIDE, description: 'cây gãy nhánh' });
  clock = new Date('2026-11-21T02:00:00.000Z');
  const flood = await fileRequest({ service_code: 'cap-thoat-nuoc', ...INSIDE, description: 'ngập sau mưa' });
  clock = new Date('2026-11-22T02:00:00.000Z');
  const rejected = await fileRequest({ service_code: 'cap-thoat-nuoc', ...INSIDE, description: 'cống nghẹt' });
  clock = new Date('2026-11-25T02:00:00.000Z');
  await store.addEvent(flood, { status: 'resolved', note: 'Đã nạo vét cống.', actor: 'staff-1' });
  await store.addEvent(rejected, { status: 'rejected', note: 'Không thuộc địa bàn thành phố.', actor: 'staff-1' });
  clock = new Date('2026-11-27T01:05:00.000Z');

  const ids = async (query: string) => (await json(await get(`/requests.json${query}`))).map((r) => r['service_request_id']);

  const trees = await ids('?service_code=cay-xanh');
  assert.deepEqual(trees, [tree], 'the July report is older than the default 90 days');
  assert.deepEqual(await ids('?service_code=cay-xanh,cap-thoat-nuoc'), [rejected, flood, tree]);

  const closed = await json(await get('/requests.json?status=closed'));
  assert.deepEqual(closed.map((r) => r['service_request_id']), [rejected, flood]);
  assert.ok(closed.every((r) => r['status'] === 'closed'));
  assert.equal(closed[0]?.['status_notes'], 'Không xử lý: Không thuộc địa bàn thành phố.');
  assert.equal(closed[1]?.['status_notes'], 'Đã xử lý xong: Đã nạo vét cống.');
  assert.equal(closed[1]?.['updated_datetime'], '2026-11-25T09:00:00+07:00');
  assert.equal(closed[1]?.['requested_datetime'], '2026-11-21T09:00:00+07:00');

  const open = await ids('?status=open');
  assert.ok(open.includes(tree) && !open.includes(flood) && !open.includes(rejected));
  assert.deepEqual(await ids('?status=open,closed&service_code=cap-thoat-nuoc'), [rejected, flood]);

  assert.deepEqual(await ids('?service_code=cay-xanh&start_date=2026-06-15T00:00:00%2B07:00&end_date=2026-07-15'), [old]);
  assert.deepEqual(await ids('?service_code=cay-xanh&start_date=2026-11-20T08:59:00+07:00&end_date=2026-11-20T09:01:00+07:00'), [tree]);
  assert.deepEqual(await ids('?service_code=cay-xanh&end_date=2026-11-19'), []);
  assert.deepEqual(await ids('?start_date=2026-11-21&end_date=2026-11-21'), [flood]);
  assert.deepEqual(await ids(`?service_request_id=${old},${tree.toLowerCase()},PA0000000&status=open`), [tree, old], 'ids override the other filters');

  const all = await json(await get('/requests.json'));
  const times = all.map((r) => String(r['requested_datetime']));
  assert.deepEqual(times, [...times].sort().reverse());

  const bad: Array<[string, RegExp]> = [
    ['?status=pending', /status/],
    ['?service_code=khong-co', /unknown service_code/],
    ['?start_date=27/11/2026', /start_date/],
    ['?end_date=2026-02-31', /end_date/],
    ['?start_date=2026-01-01&end_date=2026-11-27', /90 days/],
    ['?start_date=2026-11-27&end_date=2026-11-01', /before/],
  ];
  for (const [query, reason] of bad) await assertSpecError(await get(`/requests.json${query}`), 400, 'json', reason);
  await assertSpecError(await get('/requests.xml?status=pending'), 400, 'xml');
});

test('an unknown request id or token is a 404 in both formats; a known id is its own token', async () => {
  await assertSpecError(await get('/requests/PA000000.json'), 404, 'json', /PA000000/);
  await assertSpecError(await get('/requests/PA000000.xml'), 404, 'xml');
  await assertSpecError(await get('/requests/PA000000'), 404, 'json');
  await assertSpecError(await get('/tokens/nope.json'), 404, 'json');
  await assertSpecError(await get('/tokens/nope.xml'), 404, 'xml');
  await assertSpecError(await get('/no-such-thing.xml'), 404, 'xml');

  const id = await fileRequest({ service_code: 'khac', address_string: 'Chợ Cái Khế' });
  assert.deepEqual(await json(await get(`/tokens/${id}.json`)), [{ service_request_id: id, token: id }]);
  assert.match(await (await get(`/tokens/${id}.xml`)).text(), new RegExp(`<service_requests><request><service_request_id>${id}</service_request_id><token>${id}</token></request></service_requests>`));
});

test('XML escapes & < > " \' in text, and drops characters XML cannot carry', async () => {
  const id = await fileRequest({ service_code: 'trat-tu-do-thi', ...INSIDE, description: `Quán "Ốc & Lẩu" lấn <vỉa hè> số 5's\u0001`, address_string: 'A & B <C>' });
  const xml = await (await get(`/requests/${id}.xml`)).text();
  assert.match(xml, /<description>Quán &quot;Ốc &amp; Lẩu&quot; lấn &lt;vỉa hè&gt; số 5&apos;s<\/description>/);
  assert.match(xml, /<address>A &amp; B &lt;C&gt;<\/address>/);
  assert.ok(!xml.includes('<vỉa hè>') && !xml.includes('\u0001'));
  const [shown] = await json(await get(`/requests/${id}.json`));
  assert.equal(shown?.['description'], `Quán "Ốc & Lẩu" lấn <vỉa hè> số 5's\u0001`);
});

test('over a real loopback server: a form POST files a request that GET finds', async () => {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2`;
  try {
    const res = await fetch(`${base}/requests.xml`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: API_KEY, service_code: 'sat-lo-thien-tai', ...INSIDE, description: 'Sạt lở bờ kè rạch Cái Sơn' }).toString(),
    });
    assert.equal(res.status, 200);
    const id = /<service_request_id>(PA\d{4,6})<\/service_request_id>/.exec(await res.text())?.[1];
    assert.ok(id);
    const found = (await (await fetch(`${base}/requests/${id}.json`)).json()) as Json[];
    assert.equal(found[0]?.['description'], 'Sạt lở bờ kè rạch Cái Sơn');
    const discovery = (await (await fetch(`${base}/discovery.json`)).json()) as { endpoints: Array<{ url: string }> };
    assert.equal(discovery.endpoints[0]?.url, base);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('published requests: the commune by its name, no phone number or email anywhere, the resolution photo as media_url', async () => {
  const named = mount({ communeName: (id) => (id === 'phuong-vi-tan' ? 'phường Vị Tân' : undefined) });
  const contacts = 'gọi 0912 345 678, 0912.345.678, +84912345678, 84 912 345 679 hoặc mail an.nguyen@example.com.vn';
  const report = await store.create(
    { category: 'chieu-sang', description: `Đèn hẻm 5 tắt; ${contacts}`, address: 'hẻm 5, nhà anh Tư 0987654321', commune: 'phuong-vi-tan', source: 'chat' },
    'resident:sms',
  );
  const bare = await store.create({ category: 'chieu-sang', description: 'Đèn tắt', commune: 'phuong-vi-tan', source: 'chat' }, 'resident:sms');
  await store.addEvent(report.code, { status: 'resolved', note: 'Đã thay bóng; thắc mắc gọi anh Tư 0909 111 222.', photoUrl: 'https://example.gov.vn/anh/den-moi.jpg', actor: 'staff' });

  const [shown] = await json(await get(`/requests/${report.code}.json`, named));
  assert.equal(shown?.['address'], 'hẻm 5, nhà anh Tư [đã ẩn], phường Vị Tân');
  assert.equal(shown?.['media_url'], 'https://example.gov.vn/anh/den-moi.jpg');
  const [other] = await json(await get(`/requests/${bare.code}.json`, named));
  assert.equal(other?.['address'], 'phường Vị Tân', 'a commune id is never published');
  assert.equal(other?.['media_url'], undefined);

  for (const path of [`/requests/${report.code}.json`, `/requests/${report.code}.xml`, '/requests.json?service_code=chieu-sang', '/requests.xml']) {
    const text = await (await get(path, named)).text();
    assert.doesNotMatch(text, /0912|345 678|912345678|912 345|0987654321|0909 111|example\.com\.vn|phuong-vi-tan/, path);
    assert.match(text, /Đã thay bóng; thắc mắc gọi anh Tư \[đã ẩn\]/, path);
  }
});

test('discovery announces the public address when one is configured, not the one the request arrived on', async () => {
  const behindProxy = mount({ publicBaseUrl: 'https://tro-ly.example.gov.vn/' });
  const body = (await (await get('/discovery.json', behindProxy)).json()) as { endpoints: Array<{ url: string }> };
  assert.equal(body.endpoints[0]?.url, 'https://tro-ly.example.gov.vn/open311/v2');
});
