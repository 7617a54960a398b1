import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Bubble } from '../adapters/channels/webchat/history.ts';
import type { MailboxItem } from '../adapters/channels/webchat/mailbox.ts';
import { pageId, startWebChat } from './webchat-rig.ts';

let chat: Awaited<ReturnType<typeof startWebChat>>;
before(async () => {
  chat = await startWebChat();
});
after(async () => chat.close());

type History = { messages: Bubble[]; cursor: number };
type Updates = { updates: MailboxItem[]; cursor: number };
const history = async (userId: string) => (await chat.get(`/api/chat/history?userId=${userId}`)).body as unknown as History;

test('a new conversation is empty; opening it greets without a message the resident never typed', async () => {
  const id = pageId();
  assert.deepEqual(await history(id), { messages: [], cursor: 0 });
  const opened = await chat.post({ userId: id, event: 'open' });
  assert.equal(opened.status, 200);
  assert.match(opened.body.replies?.[0]?.text ?? '', /Xin chào/);
  const after = await history(id);
  assert.ok(after.messages.length > 0);
  assert.ok(after.messages.every((m) => m.from === 'bot'), 'no resident bubble for the page opening');
  assert.match(after.messages[0]!.text, /Xin chào/);
  assert.ok((after.messages.at(-1)?.options ?? []).length > 0, 'the greeting menu comes back with its buttons');
});

test('history keeps the turns in order: a tap shows its title, buttons only on the latest bot message', async () => {
  const id = pageId();
  await chat.post({ userId: id, event: 'open' });
  await chat.post({ userId: id, choice: 'menu:ho-tich' });
  await chat.post({ userId: id, text: 'làm hộ chiếu hết bao nhiêu tiền' });
  await chat.post({ userId: id, choice: 'menu:cu-tru' });
  const { messages } = await history(id);
  const mine = messages.filter((m) => m.from === 'resident').map((m) => m.text);
  assert.deepEqual(mine, ['Hộ tịch, chứng thực, lý lịch tư pháp', 'làm hộ chiếu hết bao nhiêu tiền', 'Cư trú, căn cước, hộ chiếu, VNeID']);
  assert.equal(messages.at(-1)?.from, 'bot');
  assert.ok(messages.at(-1)!.options!.some((o) => o.value === 'kb:ho-chieu'), 'the latest menu is tappable');
  assert.equal(messages.slice(0, -1).filter((m) => m.options).length, 0, 'older menus come back without buttons');
  const times = messages.map((m) => m.at);
  assert.deepEqual([...times].sort(), times);
});

test('a report filed on the web chat: the status change staff make reaches the page, once, and stays in its history', async () => {
  const id = pageId();
  const { code, lastText } = await chat.fileReport(id);
  assert.match(lastText, /báo kết quả cho bạn tại đây/);
  const { cursor } = await history(id);

  const changed = await chat.product.reportService.changeStatus(code, { status: 'in-progress', note: 'Đội chiếu sáng đã nhận việc.', actor: 'staff:test' });
  assert.equal(changed.notified, 1, 'the web chat subscriber is notified');
  await chat.product.settled();

  const first = (await chat.get(`/api/chat/updates?userId=${id}&after=${cursor}`)).body as unknown as Updates;
  assert.equal(first.updates.length, 1);
  assert.match(first.updates[0]!.reply.text, new RegExp(`Cập nhật phản ánh ${code}.*Đang xử lý`, 'i'));
  assert.match(first.updates[0]!.reply.text, /Đội chiếu sáng đã nhận việc/);
  assert.ok(first.cursor > cursor);
  const again = (await chat.get(`/api/chat/updates?userId=${id}&after=${first.cursor}`)).body as unknown as Updates;
  assert.deepEqual(again.updates, [], 'not shown twice');

  const sent = (await chat.product.outbox.list('sent')).filter((item) => item.provider === 'webchat');
  assert.ok(sent.some((item) => item.conversationId === changed.report.conversationId || item.userId === id), 'delivered through the outbox');
  const row = await chat.product.db.selectFrom('webchat_mailbox').select(['fetched_at']).where('user_id', '=', id).executeTakeFirstOrThrow();
  assert.ok(row.fetched_at, 'marked delivered once the page fetched it');

  const reloaded = await history(id);
  assert.match(reloaded.messages.at(-1)!.text, new RegExp(`Cập nhật phản ánh ${code}`));
  assert.equal(reloaded.cursor, first.cursor, 'a reloaded page polls after what its history showed');
  assert.equal(reloaded.messages.at(-1)!.options, undefined);
});

test('another resident polling gets nothing of this conversation', async () => {
  const stranger = pageId();
  const updates = (await chat.get(`/api/chat/updates?userId=${stranger}&after=0`)).body as unknown as Updates;
  assert.deepEqual(updates.updates, []);
  assert.deepEqual((await history(stranger)).messages, []);
});

test('bad history and update requests get a 4xx with a reason', async () => {
  const cases: Array<[string, number, RegExp]> = [
    ['/api/chat/history', 400, /userId/],
    ['/api/chat/history?userId=short', 400, /userId/],
    ['/api/chat/history?userId=web-abc123', 400, /random id/],
    [`/api/chat/updates?userId=${pageId()}&after=-1`, 400, /after/],
    [`/api/chat/updates?userId=${pageId()}&after=1e3`, 400, /after/],
  ];
  for (const [path, status, reason] of cases) {
    const res = await chat.get(path);
    assert.equal(res.status, status, path);
    assert.match(String(res.body.error), reason, path);
  }
  const badEvent = await chat.post({ userId: pageId(), event: 'close' });
  assert.equal(badEvent.status, 400);
  assert.match(badEvent.body.error ?? '', /event/);
});

test('conversation reads are never cached', async () => {
  const res = await chat.get(`/api/chat/history?userId=${pageId()}`);
  assert.equal(res.headers.get('cache-control'), 'no-store');
});

test('the page links a favicon the app serves', async () => {
  const page = await (await fetch(`${chat.base}/chat`)).text();
  assert.match(page, /<link rel="icon" href="\/favicon.svg"/);
  for (const path of ['/favicon.svg', '/favicon.ico']) {
    const res = await fetch(`${chat.base}${path}`);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('content-type'), 'image/svg+xml');
    assert.match(await res.text(), /^<svg/);
  }
});

// Last: the refused upload leaves its connection unusable for the client's pool.
test('a chunked body with no Content-Length (64 MiB) is cut off at the limit while it is read', async () => {
  const chunk = new TextEncoder().encode('x'.repeat(8192));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < 8192) controller.enqueue(chunk);
      else controller.close();
    },
  });
  const res = await fetch(`${chat.base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
  assert.equal(res.status, 413);
  assert.match(((await res.json()) as { error: string }).error, /larger than/);
  assert.ok(sent < 8192, `the upload was stopped, not read to its end (${sent} of 8192 chunks pulled)`);
});
