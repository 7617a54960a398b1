/** The reports board (/admin/reports): filters, detail, status with a public note to followers, assign, merge, CSV, audit, escaping. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { NewReport, Report } from '../bot/reports/types.ts';
import type { Session } from './admin-rig.ts';
import { STAFF_TOKEN } from './channel-rig.ts';
import { reportsRig, type ReportsRig } from './admin-reports-rig.ts';

let rig: ReportsRig;
let operator: Session;
let viewer: Session;
let communes: Array<{ id: string; name: string }>;

before(async () => {
  rig = await reportsRig();
  await rig.createStaff('dieuhanh', 'operator');
  await rig.createStaff('lanhdao', 'viewer');
  operator = await rig.login('dieuhanh');
  viewer = await rig.login('lanhdao');
  communes = rig.product.gazetteer.communes.slice(0, 2).map((c) => ({ id: c.id, name: c.name }));
});
after(async () => rig.close());

async function report(fields: Partial<NewReport> & { category: string; description: string }, createdAt?: string): Promise<Report> {
  const created = await rig.product.reports.create({ source: 'chat', ...fields }, 'resident:telegram');
  if (createdAt) await rig.database.db.updateTable('reports').set({ created_at: createdAt }).where('code', '=', created.code).execute();
  return (await rig.product.reports.get(created.code)) as Report;
}

const codesIn = (html: string): string[] => [...html.matchAll(/<a href="\/admin\/reports\/(PA\d+)[?"]/g)].map((m) => m[1] as string);
const page = async (path: string, session = viewer) => {
  const res = await rig.request(path, { jar: session.jar });
  return { status: res.status, html: await res.text() };
};
const auditRows = (action: string) => rig.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('created_at').execute();

test('filters: status, category, commune, Vietnamese days and assignee', async () => {
  const [a, b] = communes as [{ id: string; name: string }, { id: string; name: string }];
  // 16:59:59Z is 23:59:59 on 1 March in Viet Nam; 17:00Z is already 2 March.
  const lamp = await report({ category: 'chieu-sang', description: 'Đèn đường hẻm 5 tắt', commune: a.id }, '2026-03-01T16:59:59.000Z');
  const road = await report({ category: 'giao-thong', description: 'Ổ gà lớn trước chợ', commune: b.id }, '2026-03-01T17:00:00.000Z');
  const tree = await report({ category: 'cay-xanh', description: 'Cây đổ chắn lối đi', commune: a.id }, '2026-03-03T02:00:00.000Z');
  await rig.product.reports.assign(road.code, 'Đội giao thông');
  await rig.product.reports.addEvent(tree.code, { status: 'resolved', note: 'Đã dọn', actor: 'test' });
  const list = async (query: string) => codesIn((await page(`/admin/reports?${query}`)).html).filter((c) => [lamp.code, road.code, tree.code].includes(c));

  assert.deepEqual(await list(''), [tree.code, road.code, lamp.code], 'newest first');
  assert.deepEqual(await list('category=giao-thong'), [road.code]);
  assert.deepEqual(await list(`commune=${a.id}`), [tree.code, lamp.code]);
  assert.deepEqual(await list('status=resolved'), [tree.code]);
  assert.deepEqual(await list('status=open'), [road.code, lamp.code]);
  assert.deepEqual(await list('from=2026-03-01&to=2026-03-01'), [lamp.code], 'the day ends at 17:00 UTC');
  assert.deepEqual(await list('from=2026-03-02&to=2026-03-02'), [road.code]);
  assert.deepEqual(await list('from=2026-03-02'), [tree.code, road.code]);
  assert.deepEqual(await list(`assignee=${encodeURIComponent('Đội giao thông')}`), [road.code]);
  assert.deepEqual(await list('assignee=-'), [tree.code, lamp.code], 'not assigned yet');
  const bad = await page('/admin/reports?from=2026-02-31');
  assert.equal(bad.status, 400);
  assert.match(bad.html, /Khoảng ngày không hợp lệ/);
  // Every field of the filter form has a label.
  const { html } = await page('/admin/reports');
  for (const id of ['f-status', 'f-category', 'f-commune', 'f-from', 'f-to', 'f-assignee']) assert.match(html, new RegExp(`<label for="${id}">`));
  assert.match(html, /Đội giao thông/, 'assignees offered in the filter');
});

test('status change with a public note reaches the Telegram follower through the outbox, audited and in history', async () => {
  const chat = 91001;
  const conversationId = await rig.telegramResident(chat);
  const filed = await report({ category: 'cap-thoat-nuoc', description: 'Nắp cống hở ở đầu hẻm 12', conversationId, location: { latitude: 10.0341, longitude: 105.7852 }, photoUrl: 'https://cdn.example.vn/anh-cong.jpg' });
  await rig.product.reports.subscribe({ reportCode: filed.code, conversationId, channel: 'telegram', userId: String(chat) });

  const detail = await page(`/admin/reports/${filed.code}`, operator);
  assert.equal(detail.status, 200);
  assert.match(detail.html, /Telegram/, 'the channel is shown');
  assert.doesNotMatch(detail.html, new RegExp(String(chat)), 'never the chat id');
  assert.doesNotMatch(detail.html, new RegExp(conversationId), 'nor the conversation id');
  assert.match(detail.html, /https:\/\/www\.openstreetmap\.org\/\?mlat=10\.0341&amp;mlon=105\.7852#map=18\/10\.0341\/105\.7852/);
  assert.match(detail.html, /href="https:\/\/cdn\.example\.vn\/anh-cong\.jpg" target="_blank" rel="noopener noreferrer"/);
  assert.match(detail.html, /xin chào/, "the resident's conversation");
  assert.match(detail.html, /1 người dân nhận thông báo/);

  const before = rig.telegram.sentTo(chat).length;
  const res = await rig.postForm(`/admin/reports/${filed.code}/status`, operator, { status: 'in-progress', note: 'Đội thoát nước sẽ đậy nắp trong chiều nay.', photoUrl: '' });
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location') ?? '', new RegExp(`/admin/reports/${filed.code}\\?done=status&notified=1`));
  const queued = await rig.database.db.selectFrom('outbox').selectAll().where('conversation_id', '=', conversationId).where('idempotency_key', 'like', `report:${filed.code}:%`).execute();
  assert.equal(queued.length, 1, 'one update in the outbox');
  assert.match(queued[0]!.payload_json, /Đội thoát nước sẽ đậy nắp/);
  await rig.drain();
  const sent = rig.telegram.sentTo(chat).slice(before);
  assert.equal(sent.length, 1);
  assert.match(sent[0]!.text, new RegExp(`Cập nhật phản ánh ${filed.code}.*Đang xử lý`));
  assert.match(sent[0]!.text, /Ghi chú: Đội thoát nước sẽ đậy nắp trong chiều nay\./);

  const events = await rig.product.reports.events(filed.code);
  assert.equal(events.at(-1)?.actor, 'staff:dieuhanh');
  const [row] = (await auditRows('report.status')).filter((r) => r.subject === filed.code);
  assert.equal(row?.actor, 'dieuhanh');
  assert.deepEqual(JSON.parse(row!.before_json!), { status: 'received', publicNote: null });
  assert.deepEqual(JSON.parse(row!.after_json!), { status: 'in-progress', publicNote: 'Đội thoát nước sẽ đậy nắp trong chiều nay.' });
  assert.match((await page(`/admin/reports/${filed.code}?done=status&notified=1`, operator)).html, /đã gửi 1 tin nhắn thông báo/);
  // Updates held for Zalo residents outside its window are not said to be sent.
  const held = (await page(`/admin/reports/${filed.code}?done=status&notified=3&waiting=2`, operator)).html;
  assert.match(held, /đã gửi 1 tin nhắn thông báo/);
  assert.match(held, /2 tin nhắn chờ người dân nhắn lại/);
  // The page itself says what became of the updates: the Telegram one was sent.
  assert.match((await page(`/admin/reports/${filed.code}`)).html, /Tin thông báo<\/dt>\s*<dd>đã gửi 1 tin\.<\/dd>/);

  // A Zalo follower quiet for three days: the next update waits for them, and the page says so until they write.
  const zaloUser = '7200000000000000001';
  assert.equal((await rig.zalo.text(zaloUser, 'xin chào')).status, 200);
  await rig.drain();
  const zaloConversation = await rig.product.conversations.idFor('zalo', zaloUser);
  await rig.product.reports.subscribe({ reportCode: filed.code, conversationId: zaloConversation, channel: 'zalo', userId: zaloUser });
  await rig.database.db.updateTable('conversations').set({ last_inbound_at: new Date(Date.now() - 3 * 86_400_000).toISOString() }).where('id', '=', zaloConversation).execute();
  const again = await rig.postForm(`/admin/reports/${filed.code}/status`, operator, { status: 'in-progress', note: 'Đã đậy nắp tạm.', photoUrl: '' });
  assert.match(again.headers.get('location') ?? '', /notified=2&waiting=1/);
  await rig.product.settled();
  for (let i = 0; i < 3; i++) await rig.product.worker.runOnce();
  assert.match((await page(`/admin/reports/${filed.code}`)).html, /đã gửi 2 tin; 1 tin chờ người dân nhắn lại/);
  assert.equal((await rig.zalo.text(zaloUser, 'có gì mới không')).status, 200);
  await rig.drain();
  assert.match((await page(`/admin/reports/${filed.code}`)).html, /Tin thông báo<\/dt>\s*<dd>đã gửi 3 tin\.<\/dd>/);
});

test('a rejection without a reason is refused beside the note field; nothing changes', async () => {
  const filed = await report({ category: 'khac', description: 'Phản ánh thử từ chối' });
  const res = await rig.postForm(`/admin/reports/${filed.code}/status`, operator, { status: 'rejected', note: '  ' });
  assert.equal(res.status, 400);
  const html = await res.text();
  assert.match(html, /id="note-error" role="alert">Khi không xử lý, cần ghi lý do công khai/);
  assert.match(html, /<option value="rejected" selected="">/, 'the choice is kept');
  assert.equal((await rig.product.reports.get(filed.code))?.status, 'received');
  assert.equal((await auditRows('report.status')).filter((r) => r.subject === filed.code).length, 0);
  const bad = await rig.postForm(`/admin/reports/${filed.code}/status`, operator, { status: 'resolved', photoUrl: 'javascript:alert(1)' });
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /Địa chỉ ảnh phải bắt đầu bằng http/);
  const ok = await rig.postForm(`/admin/reports/${filed.code}/status`, operator, { status: 'rejected', note: 'Ngoài phạm vi của thành phố.' });
  assert.equal(ok.status, 303);
  assert.equal((await rig.product.reports.get(filed.code))?.status, 'rejected');
});

test('assign and unassign, audited with before and after', async () => {
  const filed = await report({ category: 'moi-truong', description: 'Rác tồn đọng ở bến xe' });
  assert.equal((await rig.postForm(`/admin/reports/${filed.code}/assign`, operator, { assignee: '  Đội vệ sinh môi trường ' })).status, 303);
  assert.equal((await rig.product.reports.get(filed.code))?.assignee, 'Đội vệ sinh môi trường');
  assert.equal((await rig.postForm(`/admin/reports/${filed.code}/assign`, operator, { assignee: '' })).status, 303);
  assert.equal((await rig.product.reports.get(filed.code))?.assignee, null);
  const rows = (await auditRows('report.assign')).filter((r) => r.subject === filed.code);
  assert.deepEqual(rows.map((r) => [r.actor, JSON.parse(r.before_json!), JSON.parse(r.after_json!)]), [
    ['dieuhanh', { assignee: null }, { assignee: 'Đội vệ sinh môi trường' }],
    ['dieuhanh', { assignee: 'Đội vệ sinh môi trường' }, { assignee: null }],
  ]);
});

test('merge a duplicate: linked both ways, its follower moves over and is told, audited; bad targets refused', async () => {
  const chat = 91002;
  const conversationId = await rig.telegramResident(chat);
  const original = await report({ category: 'trat-tu-do-thi', description: 'Lấn chiếm vỉa hè đường 30/4' });
  const duplicate = await report({ category: 'trat-tu-do-thi', description: 'Quán lấn chiếm vỉa hè 30/4', conversationId });
  await rig.product.reports.subscribe({ reportCode: duplicate.code, conversationId, channel: 'telegram', userId: String(chat) });

  const self = await rig.postForm(`/admin/reports/${duplicate.code}/merge`, operator, { into: duplicate.code });
  assert.equal(self.status, 400);
  assert.match(await self.text(), /Không gộp một phản ánh vào chính nó/);
  const missing = await rig.postForm(`/admin/reports/${duplicate.code}/merge`, operator, { into: 'PA000000' });
  assert.equal(missing.status, 400);
  assert.match(await missing.text(), /Không có phản ánh PA000000/);

  const before = rig.telegram.sentTo(chat).length;
  const res = await rig.postForm(`/admin/reports/${duplicate.code}/merge`, operator, { into: original.code.toLowerCase() });
  assert.equal(res.status, 303);
  assert.equal((await rig.product.reports.get(duplicate.code))?.duplicateOf, original.code);
  assert.ok((await rig.product.reports.subscribers(original.code)).some((s) => s.conversationId === conversationId), 'the follower moved');
  await rig.drain();
  assert.match(rig.telegram.sentTo(chat).slice(before).map((m) => m.text).join('\n'), new RegExp(`Trùng với phản ánh ${original.code}`));
  const [row] = (await auditRows('report.merge')).filter((r) => r.subject === duplicate.code);
  assert.deepEqual(JSON.parse(row!.after_json!), { duplicateOf: original.code });
  assert.equal(row?.actor, 'dieuhanh');

  const originalPage = (await page(`/admin/reports/${original.code}`)).html;
  assert.match(originalPage, new RegExp(`Phản ánh trùng gộp vào đây:.*href="/admin/reports/${duplicate.code}"`, 's'));
  assert.match((await page(`/admin/reports/${duplicate.code}`)).html, new RegExp(`Trùng với <a href="/admin/reports/${original.code}"`));
});

test('CSV export: BOM, the filter applied, no reporter contact detail', async () => {
  const conversationId = await rig.telegramResident(91003);
  const filed = await report({ category: 'sat-lo-thien-tai', description: 'Sạt lở bờ kè, gọi tôi 0912 345 678 hoặc an@example.vn', address: 'Số 7 hẻm 3, gọi 0912345678', conversationId }, '2026-03-05T03:00:00.000Z');
  await report({ category: 'chieu-sang', description: 'Không thuộc bộ lọc' }, '2026-03-05T04:00:00.000Z');
  const res = await rig.request('/admin/reports/export.csv?category=sat-lo-thien-tai&from=2026-03-05&to=2026-03-05', { jar: viewer.jar });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
  assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="phan-anh_\d{4}-\d{2}-\d{2}\.csv"/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const text = new TextDecoder().decode(bytes.slice(3));
  const lines = text.trim().split('\r\n');
  assert.equal(lines.length, 2, 'header and the one matching report');
  assert.match(lines[0]!, /^Mã,Trạng thái,Chuyên mục,Nội dung,Địa chỉ,Xã, phường|^Mã,Trạng thái,Chuyên mục,Nội dung,Địa chỉ,"Xã, phường"/);
  assert.match(lines[1]!, new RegExp(`^${filed.code},Đã tiếp nhận,`));
  assert.match(lines[1]!, /Sạt lở bờ kè, gọi tôi \[đã ẩn\] hoặc \[đã ẩn\]/);
  assert.match(lines[1]!, /2026-03-05T10:00:00\+07:00/, 'times in Viet Nam');
  for (const secret of ['0912', 'an@example.vn', '91003', conversationId]) assert.ok(!text.includes(secret), `no ${secret} in the CSV`);
});

test('a report description with script and HTML is shown as text on the board and the detail page', async () => {
  const evil = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"';
  const filed = await report({ category: 'khac', description: evil, address: '<b>đậm</b>' });
  await rig.product.reports.addEvent(filed.code, { status: 'in-progress', note: '<iframe src="//evil">', actor: 'test' });
  for (const path of ['/admin/reports', `/admin/reports/${filed.code}`]) {
    const { html } = await page(path);
    assert.ok(!html.includes('<script>alert'), `${path}: no live script`);
    assert.ok(!html.includes('<img src=x'), `${path}: no live img`);
    assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
  }
  const { html } = await page(`/admin/reports/${filed.code}`);
  assert.ok(!html.includes('<iframe'), 'notes escaped');
  assert.ok(!html.includes('<b>đậm</b>'), 'addresses escaped');
  assert.match(html, /content-security-policy|<html lang="vi">/);
});

test('a viewer reads the board without the forms; writes need an operator; unknown codes answer 404', async () => {
  const filed = await report({ category: 'khac', description: 'Chỉ xem' });
  const { html } = await page(`/admin/reports/${filed.code}`, viewer);
  assert.doesNotMatch(html, /Cập nhật trạng thái/);
  assert.match(html, /Bạn có quyền xem/);
  const refused = await rig.postForm(`/admin/reports/${filed.code}/assign`, viewer, { assignee: 'Ai đó' });
  assert.equal(refused.status, 403);
  assert.equal((await rig.product.reports.get(filed.code))?.assignee, null);
  assert.equal((await page('/admin/reports/PA999999')).status, 404);
  assert.equal((await page('/admin/reports/khong-phai-ma')).status, 404);
});

test('the JSON API makes the same change through the same helper: history names the person, audit row written', async () => {
  const filed = await report({ category: 'khac', description: 'Qua API' });
  const res = await rig.request(`/api/staff/reports/${filed.code}/status`, {
    method: 'POST', body: JSON.stringify({ status: 'resolved', note: 'Xong' }), headers: { authorization: `Bearer ${STAFF_TOKEN}`, 'content-type': 'application/json' },
  });
  assert.equal(res.status, 200);
  assert.equal((await rig.product.reports.events(filed.code)).at(-1)?.actor, 'api-token');
  const [row] = (await auditRows('report.status')).filter((r) => r.subject === filed.code);
  assert.equal(row?.actor, 'api-token');
  const assign = await rig.request(`/api/staff/reports/PA000001/assign`, {
    method: 'POST', body: JSON.stringify({ assignee: 'x' }), headers: { authorization: `Bearer ${STAFF_TOKEN}`, 'content-type': 'application/json' },
  });
  assert.equal(assign.status, 404);
});
