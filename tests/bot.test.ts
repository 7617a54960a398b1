import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assemble } from '../adapters/runtime/assemble.ts';
import { PENDING_LIFETIME_MS } from '../bot/handle.ts';
import { toAscii } from '../intents/fold.ts';
import { assembledProduct, choiceMessage, TEST_SITE, temporaryDatabase, textMessage } from './helpers.ts';

let product: Awaited<ReturnType<typeof assembledProduct>>;
before(async () => {
  product = await assembledProduct();
});
after(async () => product.cleanup());

const ask = (text: string, userId: string) => product.bot.handle(textMessage(text, userId));

test('a clear question gets the entry answer with its source, and a short SMS form', async () => {
  const [reply] = await ask('Cho hỏi làm giấy khai sinh cho con mới sinh cần mang theo giấy tờ gì?', 'u-answer');
  assert.equal(reply?.kind, 'text');
  assert.match(reply!.text, /khai sinh/i);
  assert.match(reply!.text, /Nguồn: mã thủ tục 1\.001193/);
  assert.ok(reply!.kind === 'text' && reply.short && toAscii(reply.short).length <= 300);
  assert.doesNotMatch(reply!.text, /\{\{/);
});

test('greeting and help offer the menu; a digit opens a section and another digit answers', async () => {
  const [greeting] = await product.bot.handle(choiceMessage('intent:greeting', 'u-menu'));
  assert.equal(greeting?.kind, 'choices');
  const [section] = await ask('2', 'u-menu');
  assert.ok(section?.kind === 'choices' && section.options.some((o) => o.value === 'kb:can-cuoc'));
  const position = section.options.findIndex((o) => o.value === 'kb:can-cuoc') + 1;
  const [answer] = await ask(`số ${position}`, 'u-menu');
  assert.match(answer?.text ?? '', /căn cước/i);
});

test('a digit outside the offered list asks again with the same options', async () => {
  await product.bot.handle(choiceMessage('intent:help', 'u-range'));
  const [again] = await ask('42', 'u-range');
  assert.ok(again?.kind === 'choices');
  assert.match(again.text, /từ 1 đến \d+/);
});

test('an emergency gets 114, 113 and 115 at once, even in the middle of a menu', async () => {
  await product.bot.handle(choiceMessage('intent:help', 'u-emergency'));
  const [reply] = await ask('nha ben canh dang chay lon, cuu voi', 'u-emergency');
  assert.match(reply?.text ?? '', /114/);
  assert.match(reply?.text ?? '', /113/);
  assert.match(reply?.text ?? '', /115/);
});

test('asking for a person queues the conversation for staff, says what happens next and when, and gives the hotline', async () => {
  const [reply] = await ask('tôi muốn gặp cán bộ trực để hỏi', 'u-human');
  assert.match(reply?.text ?? '', /cán bộ sẽ trả lời bạn ngay tại đây/i);
  // In the desk's hours "thường trong khoảng N phút"; outside them, when it opens.
  assert.match(reply?.text ?? '', /trong khoảng 15 phút|khi bộ phận làm việc trở lại, từ \d{2}:\d{2}/);
  assert.match(reply?.text ?? '', /0292 000 0000/);
  const id = await product.conversations.idFor('webchat', 'u-human');
  const row = await product.db.selectFrom('conversations').select('needs_staff').where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.needs_staff, 1);
  const queued = await product.db.selectFrom('handoffs').select('status').where('conversation_id', '=', id).execute();
  assert.deepEqual(queued.map((h) => h.status), ['waiting']);
});

test('on the terminal chat, where no operator reply can arrive, asking for a person promises nothing', async () => {
  const [reply] = await product.bot.handle(textMessage('cho tôi gặp cán bộ', 'u-cli', 'cli'));
  assert.doesNotMatch(reply?.text ?? '', /sẽ trả lời/);
  assert.match(reply?.text ?? '', /0292 000 0000/);
  assert.match(reply?.text ?? '', /một cửa/);
  const id = await product.conversations.idFor('cli', 'u-cli');
  assert.equal((await product.db.selectFrom('handoffs').select('id').where('conversation_id', '=', id).execute()).length, 0);
});

test('an uncovered procedure is said to be not covered, points to the national portal and is logged for staff', async () => {
  const [reply] = await ask('thủ tục đăng ký nhãn hiệu hàng hóa cho cơ sở sản xuất', 'u-scope');
  assert.match(reply?.text ?? '', /ngoài phạm vi/);
  assert.match(reply?.text ?? '', /dichvucong\.gov\.vn/);
  const logged = await product.db.selectFrom('unanswered').selectAll().where('conversation_id', '=', await product.conversations.idFor('webchat', 'u-scope')).execute();
  assert.equal(logged.length, 1);
  assert.equal(logged[0]?.reason, 'out-of-scope');
});

test('gibberish is admitted as not understood, logged, and answered with the menu and where to ask', async () => {
  const replies = await ask('qwrtpl zxcvb mnbvc', 'u-gibberish');
  assert.equal(replies[0]?.kind, 'choices');
  assert.match(replies[0]?.text ?? '', /chưa hiểu|ngoài phạm vi/);
  const logged = await product.db.selectFrom('unanswered').selectAll().where('conversation_id', '=', await product.conversations.idFor('webchat', 'u-gibberish')).execute();
  assert.equal(logged.length, 1);
});

test('empty text, control characters and emoji get a polite reply, never an exception', async () => {
  for (const text of ['', '   ', '\u0000\u0001\u0002', '🙏🙏🙏', 'Привет как дела']) {
    const replies = await ask(text, 'u-odd');
    assert.ok(replies.length > 0, JSON.stringify(text));
    assert.ok(replies.every((r) => r.text.length > 0));
  }
});

test('every turn is logged in the conversation transcript', async () => {
  await ask('cảm ơn nhiều nha', 'u-log');
  const rows = await product.db.selectFrom('message_log').selectAll().where('conversation_id', '=', await product.conversations.idFor('webchat', 'u-log')).orderBy('created_at').execute();
  assert.deepEqual(rows.map((r) => r.direction), ['in', 'out']);
  assert.equal(rows[1]?.label, 'intent:thanks');
});

test('options offered long ago are forgotten: a late digit is read as a new message', async () => {
  let clock = new Date('2026-11-27T01:00:00Z');
  const database = temporaryDatabase();
  try {
    const { bot } = await assemble(database.db, TEST_SITE, { now: () => clock });
    await bot.handle(choiceMessage('intent:help', 'u-late'));
    clock = new Date(clock.getTime() + PENDING_LIFETIME_MS + 1000);
    const [late] = await bot.handle(textMessage('1', 'u-late'));
    assert.ok(late?.kind === 'choices');
    assert.doesNotMatch(late.text, /Hộ tịch/, 'the stale menu was not used');
  } finally {
    await database.cleanup();
  }
});
