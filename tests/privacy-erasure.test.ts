import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { GATEWAY, startRig, type Rig } from './channel-rig.ts';
import { startServer } from './helpers.ts';
import type { ChannelId } from '../bot/types.ts';

/**
 * "XOA DU LIEU" on each kind of channel (web chat in the request, Telegram through the outbox to a stub, SMS
 * through the Android gateway): the bot explains and asks, deletes only after the confirmation, and then the
 * resident's rows are gone (reports stay, anonymised).
 */

let rig: Rig;
let web: { base: string; close: () => Promise<void> };
before(async () => {
  rig = await startRig();
  web = await startServer(rig.product.bot, { webchat: rig.product.webchat });
});
after(async () => {
  await web.close();
  await rig.close();
});

const db = () => rig.database.db;

async function conversationId(channel: ChannelId, userId: string): Promise<string> {
  return rig.product.conversations.idFor(channel, userId);
}

/** A report filed from the conversation, followed by it, and the other personal rows the channel leaves. */
async function seedPersonalRows(channel: ChannelId, userId: string): Promise<string> {
  const id = await conversationId(channel, userId);
  const report = await rig.product.reports.create(
    { category: 'chieu-sang', description: 'Đèn hẻm 73 tắt, gọi tôi 0987 123 456 hoặc an@example.vn', source: 'chat', conversationId: id },
    'resident',
  );
  await rig.product.reports.subscribe({ reportCode: report.code, conversationId: id, channel, userId });
  await db().insertInto('continuation_pages').values({ conversation_id: id, seq: 999, payload_json: '{"kind":"text","text":"trang 2"}', held_at: new Date().toISOString() }).execute();
  await rig.product.unanswered.record({ conversationId: id, channel, text: 'con mèo nhà tôi biết bay không', reason: 'not-understood', bestLabel: null, bestScore: 0.1 });
  return report.code;
}

async function assertForgotten(channel: ChannelId, userId: string, reportCode: string): Promise<void> {
  const id = await conversationId(channel, userId);
  const count = async (table: 'message_log' | 'unanswered' | 'report_subscribers' | 'continuation_pages'): Promise<number> =>
    (await db().selectFrom(table).select('conversation_id').where('conversation_id', '=', id).execute()).length;
  assert.equal(await count('message_log'), 0, 'message log');
  assert.equal(await count('unanswered'), 0, 'unanswered questions');
  assert.equal(await count('report_subscribers'), 0, 'subscriptions');
  assert.equal(await count('continuation_pages'), 0, 'SMS pages');
  const conversation = await db().selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(conversation.state_json, '{}');
  assert.equal(conversation.last_label, null);
  const report = await db().selectFrom('reports').selectAll().where('code', '=', reportCode).executeTakeFirstOrThrow();
  assert.equal(report.conversation_id, null, 'the report stays, without its link to the resident');
  assert.equal(report.reporter_contact_json, null);
  assert.match(report.description, /^Đèn hẻm 73 tắt/);
  assert.doesNotMatch(report.description, /0987|an@example/);
  const payloads = await db().selectFrom('inbox').select('payload_json').where('conversation_id', '=', id).where('handled_at', 'is not', null).execute();
  // The confirming message itself is marked handled after the deletion; retention drops its payload later.
  assert.ok(payloads.filter((p) => p.payload_json !== null).length <= 1, 'handled inbox payloads cleared');
  const sent = await db().selectFrom('outbox').select('id').where('conversation_id', '=', id).where('status', 'in', ['sent', 'dead']).execute();
  // Only the answer to the deletion itself may remain (queued after the deletion, then sent).
  assert.ok(sent.length <= 1, `outbox rows left: ${sent.length}`);
}

test('web chat: asks first, deletes on XAC NHAN XOA, mailbox and history empty', async () => {
  const userId = 'privacy-web-resident-0000000001';
  const chat = async (text: string) => {
    const res = await fetch(`${web.base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, text }) });
    assert.equal(res.status, 200);
    return ((await res.json()) as { replies: Array<{ kind: string; text: string; options?: Array<{ value: string }> }> }).replies;
  };
  await chat('làm căn cước ở đâu');
  const code = await seedPersonalRows('webchat', userId);
  await rig.product.webchat.mailbox.put(userId, { kind: 'text', text: `Phản ánh ${code} đang được xử lý` });

  const asked = await chat('xóa dữ liệu của tôi');
  assert.match(asked.map((r) => r.text).join('\n'), /Nghị định 13\/2023/);
  assert.match(asked.at(-1)?.text ?? '', /XAC NHAN XOA/);
  assert.deepEqual(asked.at(-1)?.options?.map((o) => o.value), ['privacy:erase', 'privacy:keep']);
  // Nothing is deleted before the confirmation.
  const id = await conversationId('webchat', userId);
  assert.ok((await db().selectFrom('message_log').select('id').where('conversation_id', '=', id).execute()).length > 0);

  const done = await chat('XAC NHAN XOA');
  assert.match(done[0]?.text ?? '', /Đã xóa dữ liệu của bạn: \d+ tin nhắn, 1 câu hỏi lưu cho cán bộ, 1 đăng ký nhận tin/);
  assert.match(done[0]?.text ?? '', /1 phản ánh của bạn vẫn được giữ và đã được ẩn danh/);
  await assertForgotten('webchat', userId, code);
  assert.equal((await db().selectFrom('webchat_mailbox').select('seq').where('user_id', '=', userId).execute()).length, 0, 'mailbox');
  const history = (await (await fetch(`${web.base}/api/chat/history?userId=${userId}`)).json()) as { messages: unknown[] };
  assert.deepEqual(history.messages, []);
});

test('web chat: "Không xóa" keeps everything; XAC NHAN XOA without a question only asks', async () => {
  const userId = 'privacy-web-resident-0000000002';
  const send = (body: Record<string, string>) =>
    fetch(`${web.base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, ...body }) }).then(async (r) => ((await r.json()) as { replies: Array<{ text: string }> }).replies);
  await send({ text: 'xin chào' });
  const id = await conversationId('webchat', userId);
  const logged = async () => (await db().selectFrom('message_log').select('id').where('conversation_id', '=', id).execute()).length;
  const unasked = await send({ text: 'xac nhan xoa' });
  assert.match(unasked.at(-1)?.text ?? '', /XAC NHAN XOA/, 'a confirmation nobody asked for gets the question');
  const before = await logged();
  const kept = await send({ choice: 'privacy:keep' });
  assert.match(kept[0]?.text ?? '', /không xóa gì/);
  assert.ok((await logged()) > before);
  // Words that merely mention deleting data are a question, not a request.
  const question = await send({ text: 'xóa dữ liệu hộ khẩu cũ như thế nào' });
  assert.doesNotMatch(question.map((r) => r.text).join(' '), /XAC NHAN XOA/);
});

test('Telegram: the button confirms; rows gone, the answer reaches the chat', async () => {
  const chatId = 731_000_111;
  await rig.telegram.send(rig.telegram.text(chatId, 'làm giấy khai sinh cần gì'));
  await rig.drain();
  const code = await seedPersonalRows('telegram', String(chatId));
  await rig.telegram.send(rig.telegram.text(chatId, 'XOA DU LIEU'));
  await rig.drain();
  const question = rig.telegram.sentTo(chatId).at(-1);
  assert.match(question?.text ?? '', /XAC NHAN XOA/);
  const buttons = JSON.stringify(question?.reply_markup);
  const data = /"callback_data":"([^"]*privacy:erase)"/.exec(buttons)?.[1];
  assert.ok(data, buttons);
  await rig.telegram.send(rig.telegram.tap(chatId, data));
  await rig.drain();
  assert.match(rig.telegram.sentTo(chatId).at(-1)?.text ?? '', /Đã xóa dữ liệu của bạn/);
  await assertForgotten('telegram', String(chatId), code);
});

test('SMS gateway: "1" picks the confirmation; the answer goes back folded to ASCII', async () => {
  const phone = '+84987000333';
  let seq = 0;
  const sms = async (text: string) => {
    const body = JSON.stringify({ deviceId: 'dev', event: 'sms:received', id: `evt-privacy-${++seq}`, payload: { messageId: `privacy-${seq}`, message: text, phoneNumber: phone, simNumber: 1, receivedAt: new Date().toISOString() }, webhookId: 'wh' });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', GATEWAY.key).update(body + timestamp).digest('hex');
    const res = await rig.post('/webhooks/sms/gateway', body, { 'content-type': 'application/json', 'x-signature': signature, 'x-timestamp': timestamp });
    assert.equal(res.status, 200);
    await rig.drain();
  };
  const sentTo = () => rig.stub.callsTo('/message').map((c) => JSON.parse(c.body) as { phoneNumbers: string[]; textMessage: { text: string } }).filter((m) => m.phoneNumbers[0] === phone);
  await sms('lam can cuoc o dau');
  const code = await seedPersonalRows('sms', phone);
  await sms('xoa du lieu cua toi');
  assert.match(sentTo().map((m) => m.textMessage.text).join('\n'), /XAC NHAN XOA/);
  // The short form first (it already says how to confirm); THEM brings the full text, then the numbered options.
  for (let i = 0; i < 3 && !/1\. Xac nhan xoa/.test(sentTo().at(-1)?.textMessage.text ?? ''); i++) await sms('THEM');
  assert.match(sentTo().at(-1)?.textMessage.text ?? '', /1\. Xac nhan xoa/);
  await sms('1');
  const last = sentTo().at(-1)?.textMessage.text ?? '';
  assert.match(last, /Da xoa du lieu/);
  assert.match(last, /^[\x20-\x7e\n]*$/);
  await assertForgotten('sms', phone, code);
});
