/**
 * "Cho tôi gặp cán bộ" end to end on the real product (SQLite, stub platforms): the queue and its badge, the bot
 * quiet while an operator holds the conversation (emergencies aside), operator replies on Telegram and on the SMS
 * gateway (folded to ASCII), Zalo refused outside its 48 h window with the reason shown first, hand-back, the
 * out-of-hours and not-taken messages, residents' markup shown as text, and the audit trail.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createHandoffHours, parseHandoffHours } from '../bot/handoff-hours.ts';
import { createHandoffService } from '../bot/handoff-service.ts';
import { createReplies } from '../bot/replies.ts';
import { createHandoffStore } from '../adapters/storage/handoff-store.ts';
import type { Session } from './admin-rig.ts';
import { closedToday, handoffRig, type HandoffRig } from './admin-handoffs-rig.ts';
import { TEST_SITE } from './helpers.ts';

let rig: HandoffRig;
let operator: Session;
let viewer: Session;
before(async () => {
  rig = await handoffRig();
  await rig.createStaff('op', 'operator');
  await rig.createStaff('xem', 'viewer');
  operator = await rig.login('op');
  viewer = await rig.login('xem');
});
after(() => rig.close());

const CHAT = 4242;
const sentTexts = (chatId: number) => rig.telegram.sentTo(chatId).map((m) => m.text);

async function say(chatId: number, text: string): Promise<string[]> {
  const before = sentTexts(chatId).length;
  assert.equal((await rig.telegram.send(rig.telegram.text(chatId, text))).status, 200);
  await rig.drain();
  return sentTexts(chatId).slice(before);
}

async function badge(session: Session): Promise<number> {
  const html = await (await rig.request('/admin', { jar: session.jar })).text();
  const match = /data-badge="handoffs"[^>]*>[\s\S]*?(\d+)/.exec(html);
  return Number(match?.[1] ?? -1);
}

test('asking for a person queues the conversation, tells the resident what happens next, and the badge counts it', async () => {
  assert.equal(await badge(viewer), 0);
  const [reply] = await say(CHAT, 'Cho tôi gặp cán bộ');
  assert.match(reply ?? '', /cán bộ sẽ trả lời bạn ngay tại đây, thường trong khoảng 15 phút/i);
  assert.match(reply ?? '', /0292 000 0000/);
  const handoff = await rig.handoffOf('telegram', String(CHAT));
  assert.equal(handoff?.status, 'waiting');
  assert.equal(await badge(viewer), 1);
  // Asked again while waiting: still one hand-off.
  await say(CHAT, 'gặp cán bộ');
  assert.equal((await rig.database.db.selectFrom('handoffs').select('id').where('conversation_id', '=', handoff!.conversation_id).execute()).length, 1);

  const list = await (await rig.request('/admin/handoffs', { jar: viewer.jar })).text();
  assert.match(list, /Telegram/);
  assert.match(list, /Đang chờ cán bộ/);
  assert.doesNotMatch(list, new RegExp(String(CHAT)), 'no chat id on the page');
  // The conversation itself is for operators.
  assert.equal((await rig.request(`/admin/handoffs/${handoff!.id}`, { jar: viewer.jar })).status, 403);
});

test("a resident's markup is shown as text in the transcript", async () => {
  await say(CHAT, '<script>alert("x")</script><b>đậm</b> & <img src=x onerror=alert(1)>');
  const handoff = await rig.handoffOf('telegram', String(CHAT));
  const html = await (await rig.request(`/admin/handoffs/${handoff!.id}`, { jar: operator.jar })).text();
  assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;&lt;b&gt;đậm&lt;\/b&gt; &amp; &lt;img/);
  assert.doesNotMatch(html, /<script>alert|<img src=x/);
  assert.match(html, /Cho tôi gặp cán bộ/);
});

test('while an operator holds the conversation the bot is quiet (the message is logged), but an emergency still gets 114/113/115', async () => {
  const handoff = await rig.handoffOf('telegram', String(CHAT));
  assert.equal((await rig.postForm(`/admin/handoffs/${handoff!.id}/take`, operator)).status, 303);
  assert.equal((await rig.handoffOf('telegram', String(CHAT)))?.status, 'held');
  assert.equal(await badge(viewer), 0, 'taken: no longer waiting');

  assert.deepEqual(await say(CHAT, 'làm căn cước ở đâu'), []);
  const page = await (await rig.request(`/admin/handoffs/${handoff!.id}`, { jar: operator.jar })).text();
  assert.match(page, /làm căn cước ở đâu/);

  const urgent = await say(CHAT, 'nhà bên cạnh đang cháy lớn, cứu với');
  assert.equal(urgent.length, 1);
  assert.match(urgent[0] ?? '', /114/);
  assert.match(urgent[0] ?? '', /113/);
  assert.match(urgent[0] ?? '', /115/);
});

test("an operator's reply reaches the resident on Telegram, is logged, timed and audited", async () => {
  const handoff = await rig.handoffOf('telegram', String(CHAT));
  const before = sentTexts(CHAT).length;
  const form = await (await rig.request(`/admin/handoffs/${handoff!.id}`, { jar: operator.jar })).text();
  const nonce = /name="nonce" value="([^"]+)"/.exec(form)?.[1] ?? '';
  const text = 'Chào bạn, tôi là cán bộ một cửa. Bạn mang CCCD cũ đến UBND phường nhé.';
  assert.equal((await rig.postForm(`/admin/handoffs/${handoff!.id}/reply`, operator, { text, nonce })).status, 303);
  // The same form sent twice (a double click) is queued once.
  assert.equal((await rig.postForm(`/admin/handoffs/${handoff!.id}/reply`, operator, { text, nonce })).status, 303);
  await rig.drain();
  assert.deepEqual(sentTexts(CHAT).slice(before), [text]);

  const row = await rig.handoffOf('telegram', String(CHAT));
  assert.equal(row?.replies, 1);
  assert.ok(row?.first_reply_at && typeof row.first_reply_seconds === 'number' && row.first_reply_seconds >= 0);
  const page = await (await rig.request(`/admin/handoffs/${handoff!.id}`, { jar: operator.jar })).text();
  assert.match(page, /<strong>Cán bộ<\/strong>/);
  const audit = await rig.product.staff.auditLog.list({ action: 'handoff.', limit: 20 });
  assert.deepEqual(audit.map((a) => a.action).sort(), ['handoff.reply', 'handoff.take']);
  assert.ok(audit.every((a) => a.actor === 'op' && !JSON.stringify(a).includes(String(CHAT))));
});

test('handing back resumes the bot and lowers the flag', async () => {
  const handoff = await rig.handoffOf('telegram', String(CHAT));
  assert.equal((await rig.postForm(`/admin/handoffs/${handoff!.id}/release`, operator)).status, 303);
  const row = await rig.handoffOf('telegram', String(CHAT));
  assert.equal(row?.status, 'closed');
  const conversation = await rig.database.db.selectFrom('conversations').select('needs_staff').where('id', '=', row!.conversation_id).executeTakeFirstOrThrow();
  assert.equal(conversation.needs_staff, 0);
  const [answer] = await say(CHAT, 'làm căn cước ở đâu');
  assert.match(answer ?? '', /căn cước/i);
  assert.ok((await rig.product.staff.auditLog.list({ action: 'handoff.release', limit: 5 })).length === 1);
  // Closed: no more replies from the page.
  assert.equal((await rig.postForm(`/admin/handoffs/${handoff!.id}/reply`, operator, { text: 'x', nonce: 'abcdefgh-1' })).status, 409);
});

test('an operator reply by SMS gateway reaches the phone folded to plain ASCII, long text in several messages', async () => {
  assert.equal((await rig.gatewaySms('0912000222', 'cho toi gap can bo')).status, 200);
  await rig.drain();
  const handoff = await rig.handoffOf('sms', '+84912000222');
  assert.equal(handoff?.status, 'waiting');
  const page = await (await rig.request(`/admin/handoffs/${handoff!.id}`, { jar: operator.jar })).text();
  assert.doesNotMatch(page, /0912000222|84912000222/, 'the number is not on the page');
  assert.match(page, /chữ không dấu/);
  const before = rig.stub.callsTo('/message').length;
  const text = 'Chào bạn, hồ sơ đăng ký khai sinh của bạn đã được tiếp nhận. ' + 'Xin mang bản chính giấy chứng sinh và căn cước của cha mẹ đến bộ phận một cửa. '.repeat(4);
  assert.equal((await rig.postForm(`/admin/handoffs/${handoff!.id}/reply`, operator, { text, nonce: 'sms-nonce-1' })).status, 303);
  await rig.drain();
  const sent = rig.stub.callsTo('/message').slice(before).map((c) => JSON.parse(c.body) as { textMessage: { text: string }; phoneNumbers: string[] });
  assert.ok(sent.length >= 2, 'split into several SMS');
  for (const s of sent) {
    assert.deepEqual(s.phoneNumbers, ['+84912000222']);
    assert.match(s.textMessage.text, /^[\x20-\x7e\n]*$/);
  }
  assert.match(sent[0]?.textMessage.text ?? '', /^Chao ban, ho so dang ky khai sinh/);
});

test('Zalo outside its 48 h reply window: the operator is told, the reply is kept and reaches the resident when they write again', async () => {
  assert.equal((await rig.zalo.text('zalo-user-77', 'tôi muốn gặp cán bộ')).status, 200);
  await rig.drain();
  const handoff = await rig.handoffOf('zalo', 'zalo-user-77');
  assert.equal(handoff?.status, 'waiting');
  await rig.database.db.updateTable('conversations').set({ last_inbound_at: new Date(Date.now() - 49 * 3600_000).toISOString() }).where('id', '=', handoff!.conversation_id).execute();
  const page = await (await rig.request(`/admin/handoffs/${handoff!.id}`, { jar: operator.jar })).text();
  assert.match(page, /Lưu ý: Zalo chỉ cho phép gửi tin trong 48 giờ kể từ tin nhắn cuối của người dân.*được giữ và gửi ngay khi người dân nhắn lại/s);
  assert.match(page, /name="text"/, 'the operator can still answer');
  const before = rig.zalo.sentTo('zalo-user-77').length;
  const answered = await rig.postForm(`/admin/handoffs/${handoff!.id}/reply`, operator, { text: 'Chào bạn, hồ sơ của bạn đã có kết quả.', nonce: 'zalo-nonce-1' });
  assert.equal(answered.status, 303);
  assert.match(answered.headers.get('location') ?? '', /done=held/);
  assert.match(await (await rig.request(answered.headers.get('location')!, { jar: operator.jar })).text(), /Đã lưu trả lời: tin sẽ được gửi ngay khi người dân nhắn lại/);
  await rig.product.settled();
  for (let i = 0; i < 3; i++) await rig.product.worker.runOnce();
  assert.equal(rig.zalo.sentTo('zalo-user-77').length, before, 'nothing sent outside the window');

  // The resident writes again: the operator's reply goes out (the bot stays quiet, the operator holds the conversation).
  assert.equal((await rig.zalo.text('zalo-user-77', 'alo có ai không')).status, 200);
  await rig.drain();
  const sent = rig.zalo.sentTo('zalo-user-77').slice(before).map((m) => m.message.text);
  assert.deepEqual(sent, ['Chào bạn, hồ sơ của bạn đã có kết quả.']);
});

test('a hand-off no one takes within HANDOFF_TAKE_MINUTES: the resident is told once, honestly, with the hotline', async () => {
  const chat = 5151;
  await say(chat, 'cho gặp cán bộ trực');
  const handoff = await rig.handoffOf('telegram', String(chat));
  assert.equal(await rig.product.handoffs.checkOverdue(), 0, 'not yet due');
  await rig.database.db.updateTable('handoffs').set({ requested_at: new Date(Date.now() - 16 * 60_000).toISOString() }).where('id', '=', handoff!.id).execute();
  assert.equal(await rig.product.handoffs.checkOverdue(), 1);
  assert.equal(await rig.product.handoffs.checkOverdue(), 0, 'told once');
  await rig.drain();
  const notice = sentTexts(chat).at(-1) ?? '';
  assert.match(notice, /chưa nhận được yêu cầu của bạn/);
  assert.match(notice, /sẽ trả lời bạn tại đây/);
  assert.match(notice, /0292 000 0000/);
});

test('outside the desk hours the resident is told when it opens; the wait for the not-taken notice starts then', async () => {
  const hoursText = closedToday();
  const hours = createHandoffHours(hoursText, parseHandoffHours(hoursText)!);
  let now = new Date();
  const service = createHandoffService({
    store: createHandoffStore(rig.database.db), conversations: rig.product.conversations, outbox: rig.product.outbox, kick: () => {},
    channels: rig.product.channels, replyWindowsMs: new Map(), hours, takeMinutes: 15, replies: createReplies(TEST_SITE), now: () => now,
  });
  // Only this test's hand-off in the queue: the others were asked "now", days before this clock.
  await rig.database.db.updateTable('handoffs').set({ status: 'closed', open_key: null }).execute();
  const id = await rig.product.conversations.idFor('telegram', '6161');
  await rig.product.conversations.recordInbound('telegram', '6161', 'telegram', now);
  const [reply] = await service.desk.request({ id, channel: 'telegram' });
  assert.match(reply?.text ?? '', /ngoài giờ làm việc/);
  assert.match(reply?.text ?? '', /khi bộ phận làm việc trở lại, từ 07:00 (thứ|Chủ nhật)/);
  assert.match(reply?.text ?? '', /0292 000 0000/);
  const opening = hours.nextOpening(now)!;
  now = new Date(opening.getTime() + 10 * 60_000);
  assert.equal(await service.checkOverdue(), 0, '10 minutes after opening: still within the time to take it');
  now = new Date(opening.getTime() + 16 * 60_000);
  assert.equal(await service.checkOverdue(), 1);

  // On Zalo, a desk opening more than 48 hours later can answer only after the resident writes again: they are told.
  const zalo = createHandoffService({
    store: createHandoffStore(rig.database.db), conversations: rig.product.conversations, outbox: rig.product.outbox, kick: () => {},
    channels: rig.product.channels, replyWindowsMs: new Map([['zalo', 48 * 3600_000]]), hours, takeMinutes: 15, replies: createReplies(TEST_SITE),
    now: () => new Date(hours.nextOpening(new Date())!.getTime() - 50 * 3600_000),
  });
  const zaloId = await rig.product.conversations.idFor('zalo', 'zalo-user-88');
  const [far] = await zalo.desk.request({ id: zaloId, channel: 'zalo' });
  assert.match(far?.text ?? '', /chỉ cho gửi tin trong 48 giờ sau tin nhắn cuối của bạn, sau .* bạn nhắn lại một tin bất kỳ/);
  await rig.database.db.updateTable('handoffs').set({ status: 'closed', open_key: null }).execute();
  const [near] = await service.desk.request({ id: await rig.product.conversations.idFor('zalo', 'zalo-user-89'), channel: 'zalo' });
  assert.doesNotMatch(near?.text ?? '', /nhắn lại một tin bất kỳ/, 'no such remark without a window');
});

test('"thôi khỏi" before an operator takes it withdraws the request: closed by the resident, the flag lowered, off the queue', async () => {
  const chat = 4299;
  await say(chat, 'cho tui gặp cán bộ');
  const waiting = await rig.handoffOf('telegram', String(chat));
  assert.equal(waiting?.status, 'waiting');
  const [reply] = await say(chat, 'thôi khỏi ạ');
  // It had been a goodbye, and the request stayed in the queue for an operator to answer someone no longer waiting.
  assert.match(reply ?? '', /^Dạ, tôi đã hủy yêu cầu gặp cán bộ/);
  const closed = await rig.handoffOf('telegram', String(chat));
  assert.equal(closed?.status, 'closed');
  assert.equal(closed?.closed_by, 'resident');
  const conversation = await rig.database.db.selectFrom('conversations').select('needs_staff').where('id', '=', closed!.conversation_id).executeTakeFirstOrThrow();
  assert.equal(conversation.needs_staff, 0);
  // With nothing left to withdraw, the same words are read as usual (a goodbye), and asking again opens a new request.
  assert.doesNotMatch((await say(chat, 'thôi khỏi')).join('\n'), /hủy yêu cầu/);
  await say(chat, 'gặp cán bộ');
  assert.equal((await rig.handoffOf('telegram', String(chat)))?.status, 'waiting');
  // Taken by an operator, the conversation is theirs: the bot stays quiet and the request stands.
  const open = await rig.handoffOf('telegram', String(chat));
  assert.equal((await rig.postForm(`/admin/handoffs/${open!.id}/take`, operator)).status, 303);
  assert.deepEqual(await say(chat, 'thôi khỏi'), []);
  assert.equal((await rig.handoffOf('telegram', String(chat)))?.status, 'held');
});

test('SMS: "HUY" right after asking for a person takes the request back, not the notices; with nothing waiting it stops them as before', async () => {
  const phone = '0912000333';
  const sentTo = () => rig.stub.callsTo('/message').map((c) => JSON.parse(c.body) as { textMessage: { text: string }; phoneNumbers: string[] }).filter((m) => m.phoneNumbers.includes('+84912000333')).map((m) => m.textMessage.text);
  const text = async (message: string): Promise<string> => {
    const before = sentTo().length;
    assert.equal((await rig.gatewaySms(phone, message)).status, 200);
    await rig.drain();
    return sentTo().slice(before).join('\n');
  };
  await text('gap can bo');
  assert.equal((await rig.handoffOf('sms', '+84912000333'))?.status, 'waiting');
  // "HỦY" is also the SMS opt-out word: it had stopped the notices and left the request waiting for an operator.
  assert.match(await text('HUY'), /^Da huy yeu cau gap can bo/);
  assert.equal((await rig.handoffOf('sms', '+84912000333'))?.status, 'closed');
  assert.match(await text('HUY'), /ngung nhan tin thong bao/);
});
