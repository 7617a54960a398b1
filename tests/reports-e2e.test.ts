import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startRig, OPEN311_KEY, type Rig } from './channel-rig.ts';

let rig: Rig;
before(async () => {
  rig = await startRig();
});
after(async () => rig.close());

const VI_THANH = { latitude: 9.7845, longitude: 105.4701 };
const codeIn = (text: string): string | undefined => /PA\d{4,6}/.exec(text)?.[0];

async function telegramSay(chatId: number, update: Parameters<Rig['telegram']['send']>[0]) {
  const before = rig.telegram.sentTo(chatId).length;
  const res = await rig.telegram.send(update);
  assert.equal(res.status, 200);
  await rig.drain();
  return rig.telegram.sentTo(chatId).slice(before);
}

test('Telegram: a report with a shared location and a photo, from free text to a code', async () => {
  const chat = 8101;
  let sent = await telegramSay(chat, rig.telegram.text(chat, 'đèn đường trước nhà tôi tắt ba đêm nay rồi'));
  assert.match(sent.at(-1)!.text, /ở đâu/);
  assert.deepEqual((sent.at(-1)!.reply_markup as { keyboard: Array<Array<{ request_location?: boolean }>> }).keyboard[0]![0]!.request_location, true, 'a share-location button');

  sent = await telegramSay(chat, rig.telegram.location(chat, VI_THANH.latitude, VI_THANH.longitude));
  assert.match(sent.at(-1)!.text, /ảnh/);
  sent = await telegramSay(chat, rig.telegram.photo(chat, 'AgACphoto123'));
  assert.match(sent.at(-1)!.text, /Gửi phản ánh:.*kèm ảnh/s);
  sent = await telegramSay(chat, rig.telegram.tap(chat, '#c:flow:confirm'));
  const code = codeIn(sent.at(-1)!.text);
  assert.ok(code, sent.at(-1)!.text);
  assert.match(sent.at(-1)!.text, new RegExp(`tra cứu ${code}`));

  const report = await rig.product.reports.get(code);
  assert.equal(report?.category, 'chieu-sang');
  assert.deepEqual(report?.location, VI_THANH);
  assert.equal(report?.photoUrl, 'tg-file:AgACphoto123');
  assert.equal(report?.status, 'received');
});

test('Zalo: a report located by a shared location, then confirmed with a digit', async () => {
  const user = '7000000000000000001';
  await rig.zalo.text(user, 'Cây me lớn ngã chắn ngang lộ, xe không qua được');
  await rig.drain();
  assert.match(rig.zalo.sentTo(user).at(-1)!.message.text, /ở đâu/);
  await rig.zalo.location(user, 9.79, 105.47);
  await rig.drain();
  assert.match(rig.zalo.sentTo(user).at(-1)!.message.text, /ảnh/);
  await rig.zalo.text(user, 'bỏ qua');
  await rig.drain();
  assert.match(rig.zalo.sentTo(user).at(-1)!.message.text, /Gửi phản ánh/);
  await rig.zalo.text(user, '1');
  await rig.drain();
  const code = codeIn(rig.zalo.sentTo(user).at(-1)!.message.text);
  assert.ok(code);
  assert.equal((await rig.product.reports.get(code))?.category, 'cay-xanh');
});

test('SMS: the whole flow in typed text, the commune asked with numbered choices, replies in plain ASCII', async () => {
  const phone = '0911222333';
  let reply = await rig.sms(phone, 'o ga lon giua duong, xe may te hoai');
  assert.match(reply, /dia chi/i, 'asks where, in ASCII');
  assert.match(reply, /^[\x20-\x7e\n]*$/);
  reply = await rig.sms(phone, 'truoc cho, ap 3');
  assert.match(reply, /xa\/phuong nao/i);
  reply = await rig.sms(phone, 'Vi Tan');
  assert.match(reply, /Gui phan anh:/, 'no photo step on SMS');
  assert.match(reply, /phuong Vi Tan/);
  reply = await rig.sms(phone, '1');
  const code = codeIn(reply);
  assert.ok(code, reply);
  const report = await rig.product.reports.get(code);
  assert.equal(report?.commune, 'phuong-vi-tan');
  assert.equal(report?.category, 'giao-thong');

  reply = await rig.sms(phone, 'den duong hem 9 tat');
  reply = await rig.sms(phone, 'Long');
  assert.match(reply, /1\. .*Long/, 'an unclear commune gets numbered choices');
});

test('"Hủy" cancels at any step (on SMS it cancels the report, not the notices)', async () => {
  const chat = 8102;
  await telegramSay(chat, rig.telegram.text(chat, 'rác đổ bậy đầy bờ kênh'));
  const sent = await telegramSay(chat, rig.telegram.text(chat, 'Hủy'));
  assert.match(sent.at(-1)!.text, /Đã hủy phản ánh/);
  const after = await telegramSay(chat, rig.telegram.text(chat, '1'));
  assert.doesNotMatch(after.at(-1)?.text ?? '', /Đã nhận phản ánh/);

  const phone = '0911222444';
  await rig.sms(phone, 'nuoc ngap tran vo nha, cong nghet');
  assert.match(await rig.sms(phone, 'HUY'), /Da huy phan anh/);
  assert.equal(await rig.product.optOuts.isOptedOut('+84911222444'), false);
});

test('an emergency said during the flow gets 114/113/115 at once, and the report can go on', async () => {
  const chat = 8103;
  await telegramSay(chat, rig.telegram.text(chat, 'cột đèn nghiêng sắp ngã ở hẻm 12'));
  const sent = await telegramSay(chat, rig.telegram.text(chat, 'có người bị điện giật bất tỉnh rồi'));
  assert.match(sent[0]!.text, /114/);
  assert.match(sent[0]!.text, /115/);
  assert.match(sent.at(-1)!.text, /xã\/phường nào/, 'the step the draft was at is asked again');
  const state = await rig.database.db.selectFrom('conversations').select('state_json').where('channel', '=', 'telegram').where('user_id', '=', String(chat)).executeTakeFirstOrThrow();
  assert.ok(JSON.parse(state.state_json).report, 'the draft is kept');
});

test('duplicates within 150 m are linked; a status change reaches every subscriber once, on their own channel', async () => {
  const first = 8104;
  const second = 8105;
  await telegramSay(first, rig.telegram.text(first, 'ổ gà to giữa đường gần cầu'));
  await telegramSay(first, rig.telegram.location(first, 9.7601, 105.6402));
  await telegramSay(first, rig.telegram.tap(first, '#c:flow:skip-photo'));
  const filed = await telegramSay(first, rig.telegram.tap(first, '#c:flow:confirm'));
  const code = codeIn(filed.at(-1)!.text) as string;

  await telegramSay(second, rig.telegram.text(second, 'đường bể một lỗ lớn, xe té'));
  await telegramSay(second, rig.telegram.location(second, 9.7605, 105.6406));
  await telegramSay(second, rig.telegram.tap(second, '#c:flow:skip-photo'));
  const linked = await telegramSay(second, rig.telegram.tap(second, '#c:flow:confirm'));
  assert.match(linked.at(-1)!.text, new RegExp(`đã có người phản ánh \\(mã ${code}\\)`));

  const smsPhone = '0911222555';
  const beforeSms = rig.stub.callsTo('/Messages.json').length;
  // An SMS resident follows the same report after looking it up by code.
  assert.match(await rig.sms(smsPhone, `tra cuu ${code}`), new RegExp(code));
  await rig.product.reports.subscribe({ reportCode: code, conversationId: await rig.product.conversations.idFor('sms', '+84911222555'), channel: 'sms', userId: '+84911222555' });

  const res = await rig.staff(`/reports/${code}/status`, { status: 'in-progress', note: 'Đội duy tu đã tiếp nhận, sẽ vá trong tuần.' });
  assert.equal(res.status, 200);
  assert.equal(((await res.json()) as { notified: number }).notified, 3);
  await rig.drain();
  const updatesTo = (chat: number) => rig.telegram.sentTo(chat).filter((m) => m.text.startsWith(`Cập nhật phản ánh ${code}`));
  assert.equal(updatesTo(first).length, 1);
  assert.equal(updatesTo(second).length, 1);
  const sms = rig.stub.callsTo('/Messages.json').slice(beforeSms).map((c) => new URLSearchParams(c.body));
  assert.equal(sms.length, 1);
  assert.equal(sms[0]!.get('To'), '+84911222555');
  assert.match(sms[0]!.get('Body') ?? '', /^[\x20-\x7e\n]*$/);
  assert.match(sms[0]!.get('Body') ?? '', /Dang xu ly/);

  // Resolved with a photo: the photo link follows the text.
  await rig.staff(`/reports/${code}/status`, { status: 'resolved', note: 'Đã vá xong.', photoUrl: 'https://example.gov.vn/anh/va-duong.jpg' });
  await rig.drain();
  assert.ok(rig.telegram.sentTo(first).some((m) => m.text.includes('https://example.gov.vn/anh/va-duong.jpg')));
  // A rejection without a reason is refused.
  const bare = await rig.staff(`/reports/${code}/status`, { status: 'rejected' });
  assert.equal(bare.status, 400);
});

test('tracking: the reporter sees the address, someone else only the status, unknown codes are said so', async () => {
  const chat = 8106;
  await telegramSay(chat, rig.telegram.text(chat, 'karaoke hát tới 1 giờ sáng ở ấp Long Hòa xã Vĩnh Viễn'));
  await telegramSay(chat, rig.telegram.tap(chat, '#c:flow:skip-photo'));
  const filed = await telegramSay(chat, rig.telegram.tap(chat, '#c:flow:confirm'));
  const code = codeIn(filed.at(-1)!.text) as string;
  assert.equal((await rig.product.reports.get(code))?.commune, 'xa-vinh-vien');

  const own = await telegramSay(chat, rig.telegram.text(chat, `tra cứu ${code}`));
  assert.match(own.at(-1)!.text, /Đã tiếp nhận/);
  assert.match(own.at(-1)!.text, /Địa điểm: ấp Long Hòa, xã Vĩnh Viễn/, 'the typed address is kept beside the commune');
  const other = await rig.sms('0911222666', `ma ${code.slice(2)}`);
  assert.match(other, new RegExp(code));
  assert.doesNotMatch(other, /Dia diem|Vinh Vien/);
  assert.match(await rig.sms('0911222666', 'tra cuu PA99999'), /Khong tim thay phan anh PA99999/);
  const mine = await telegramSay(chat, rig.telegram.text(chat, 'phản ánh của tôi'));
  assert.match(mine.at(-1)!.text, new RegExp(code));
});

test('bad input: a location outside the province, a 5,000-character description, a photo with no report open', async () => {
  const chat = 8107;
  await telegramSay(chat, rig.telegram.text(chat, 'nước thải nhà máy xả ra kênh đen ngòm'));
  const outside = await telegramSay(chat, rig.telegram.location(chat, 21.0278, 105.8342));
  assert.match(outside.at(-1)!.text, /ngoài địa bàn/);

  const chat2 = 8108;
  const long = 'cống bị nghẹt nước tràn lên đường '.repeat(150);
  const reply = await telegramSay(chat2, rig.telegram.text(chat2, long));
  assert.ok(reply.length > 0, 'a 5,000-character message is answered');
  const state = await rig.database.db.selectFrom('conversations').select('state_json').where('channel', '=', 'telegram').where('user_id', '=', String(chat2)).executeTakeFirstOrThrow();
  assert.ok((JSON.parse(state.state_json).report.description as string).length <= 2000, 'the description is capped');

  const chat3 = 8109;
  const photo = await telegramSay(chat3, rig.telegram.photo(chat3, 'AgACstray'));
  assert.match(photo.at(-1)!.text, /Tôi đã nhận ảnh/);
  await telegramSay(chat3, rig.telegram.text(chat3, 'cây gãy nhánh đè lên dây điện ở hẻm 4 phường Vị Thanh'));
  const confirm = rig.telegram.sentTo(chat3).at(-1)!;
  assert.match(confirm.text, /kèm ảnh/, 'the photo sent first is attached to the report that follows');
});

test('Open311: a report posted by a client is tracked by residents with the same code, and chat reports are listed without contact details', async () => {
  const form = new URLSearchParams({ api_key: OPEN311_KEY, service_code: 'moi-truong', lat: '9.9', long: '105.6', description: 'Bãi rác tự phát cạnh trường học', email: 'nguoidan@example.com', phone: '0912345678' });
  const res = await fetch(`${rig.base}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  assert.equal(res.status, 200);
  const [created] = (await res.json()) as Array<{ service_request_id: string }>;
  assert.match(created!.service_request_id, /^PA\d{4,6}$/);
  assert.match(await rig.sms('0911222777', `tra cuu ${created!.service_request_id}`), /Da tiep nhan/);

  const listed = await fetch(`${rig.base}/open311/v2/requests.json?service_code=moi-truong`);
  const text = await listed.text();
  assert.match(text, new RegExp(created!.service_request_id));
  assert.doesNotMatch(text, /nguoidan@example\.com|0912345678|telegram:|sms:/);
});

test('staff API: list and filter, detail with the conversation, assign, merge a duplicate (followers move over)', async () => {
  const fileBy = async (chat: number, text: string) => {
    await telegramSay(chat, rig.telegram.text(chat, text));
    await telegramSay(chat, rig.telegram.tap(chat, '#c:flow:skip-photo'));
    return codeIn((await telegramSay(chat, rig.telegram.tap(chat, '#c:flow:confirm'))).at(-1)!.text) as string;
  };
  const original = await fileBy(8110, 'quán nhậu lấn hết vỉa hè đường Trần Hưng Đạo phường Ngã Bảy');
  const duplicate = await fileBy(8111, 'bàn ghế bán hàng chiếm lòng đường trước chợ phường Ngã Bảy');
  assert.notEqual(original, duplicate);

  assert.equal((await fetch(`${rig.base}/api/staff/reports`)).status, 401);
  const listed = (await (await rig.staff('/reports?status=received&category=trat-tu-do-thi')).json()) as { reports: Array<{ code: string }> };
  assert.ok(listed.reports.some((r) => r.code === original));
  assert.equal((await rig.staff('/reports?status=closed')).status, 400);

  const assigned = await rig.staff(`/reports/${original}/assign`, { assignee: 'Đội trật tự đô thị' });
  assert.equal(((await assigned.json()) as { report: { assignee: string } }).report.assignee, 'Đội trật tự đô thị');

  const detail = (await (await rig.staff(`/reports/${original}`)).json()) as Record<string, unknown> & { report: Record<string, unknown>; conversation: Array<{ text: string }>; events: unknown[] };
  assert.ok(detail.conversation.some((m) => /lấn hết vỉa hè/.test(m.text)), 'the reporter’s conversation is shown');
  assert.equal('conversationId' in detail.report, false, 'the reporter’s chat id is not exposed');
  assert.equal(detail.events.length, 1);

  const merged = await rig.staff(`/reports/${duplicate}/merge`, { into: original });
  assert.equal(merged.status, 200);
  await rig.drain();
  assert.match(rig.telegram.sentTo(8111).at(-1)!.text, new RegExp(`Trùng với phản ánh ${original}`));
  const followers = await rig.product.reports.subscribers(original);
  const expected = [await rig.product.conversations.idFor('telegram', '8110'), await rig.product.conversations.idFor('telegram', '8111')];
  assert.deepEqual(followers.map((f) => f.conversationId).sort(), expected.sort());
  assert.equal((await rig.staff(`/reports/${original}/merge`, { into: original })).status, 400);
  assert.equal((await rig.staff('/reports/PA00000/status', { status: 'resolved' })).status, 404);
});
