import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Update } from 'telegraf/types';
import { createTelegramAdapter } from '../adapters/channels/telegram/adapter.ts';
import { CHOICE_PAYLOAD_PREFIX, type OutboundPayload, type RawRequest } from '../bot/ports/channel.ts';
import type { IncomingMessage, Reply } from '../bot/types.ts';

const TOKEN = '123456:TEST-bot-token_abc';
const SECRET = 'webhook_Secret-0123456789';
const NOW = new Date('2026-01-15T08:00:00Z');
const FIXTURES = new URL('../adapters/channels/telegram/fixtures/', import.meta.url);

const adapter = createTelegramAdapter({ botToken: TOKEN, webhookSecret: SECRET, fetch });
const webhook = (body: string, headers: Record<string, string> = {}): RawRequest => ({ method: 'POST', url: '/webhooks/telegram', headers, body });
const fixtureBody = (name: FixtureName): string => readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8');

// The recorded fixtures, written out as typed constants so telegraf's official typings check their shapes; the
// first test proves the JSON files on disk are exactly these.
const lan = { id: 511223344, is_bot: false, first_name: 'Lan', language_code: 'vi' };
const lanChat = { id: 511223344, type: 'private' as const, first_name: 'Lan' };
const bot = { id: 7000000001, is_bot: true, first_name: 'Trợ lý hành chính công', username: 'tro_ly_hcc_bot' };
const question = { message_id: 106, date: 1764730300, from: bot, chat: lanChat, text: 'Anh/chị muốn hỏi thủ tục nào?' };
const SHAPES = {
  text: { update_id: 730110001, message: { message_id: 101, date: 1764730000, from: lan, chat: lanChat, text: 'Cho hỏi làm căn cước cho con 14 tuổi ở đâu ạ' } },
  location: {
    update_id: 730110002,
    message: { message_id: 102, date: 1764730060, from: lan, chat: lanChat, location: { latitude: 9.7842, longitude: 105.4701, horizontal_accuracy: 12.5 } },
  },
  photo: {
    update_id: 730110003,
    message: {
      message_id: 103,
      date: 1764730120,
      from: lan,
      chat: lanChat,
      photo: [
        { file_id: 'AgACAgUAAxkBAAIBZ2fake-small', file_unique_id: 'AQADs1', file_size: 1320, width: 90, height: 67 },
        { file_id: 'AgACAgUAAxkBAAIBZ2fake-medium', file_unique_id: 'AQADs2', file_size: 17880, width: 320, height: 240 },
        { file_id: 'AgACAgUAAxkBAAIBZ2fake-large', file_unique_id: 'AQADs3', file_size: 98210, width: 1280, height: 960 },
      ],
      caption: 'Đường ấp 3 bị sạt lở',
    },
  },
  'document-caption': {
    update_id: 730110004,
    message: {
      message_id: 104,
      date: 1764730180,
      from: lan,
      chat: lanChat,
      document: { file_id: 'BQACAgUAAxkBAAIBaGfake-doc', file_unique_id: 'AgADd1', file_name: 'don-de-nghi.pdf', mime_type: 'application/pdf', file_size: 48213 },
      caption: 'em gửi đơn đề nghị cấp lại giấy khai sinh',
    },
  },
  voice: {
    update_id: 730110005,
    message: {
      message_id: 105,
      date: 1764730240,
      from: lan,
      chat: lanChat,
      voice: { file_id: 'AwACAgUAAxkBAAIBaWfake-voice', file_unique_id: 'AgADv1', duration: 7, mime_type: 'audio/ogg', file_size: 21504 },
    },
  },
  'callback-choice': {
    update_id: 730110006,
    callback_query: { id: '2196512034881290117', chat_instance: '-4813307422219038190', from: lan, message: question, data: '#c:kb:can-cuoc' },
  },
  'callback-digit': {
    update_id: 730110007,
    callback_query: { id: '2196512034881290118', chat_instance: '-4813307422219038190', from: lan, message: { ...question, message_id: 107, date: 1764730360 }, data: '2' },
  },
  'my-chat-member-kicked': {
    update_id: 730110008,
    my_chat_member: {
      chat: lanChat,
      from: lan,
      date: 1764730420,
      old_chat_member: { user: bot, status: 'member' as const },
      new_chat_member: { user: bot, status: 'kicked' as const, until_date: 0 },
    },
  },
  'my-chat-member-member': {
    update_id: 730110009,
    my_chat_member: {
      chat: lanChat,
      from: lan,
      date: 1764730480,
      old_chat_member: { user: bot, status: 'kicked' as const, until_date: 0 },
      new_chat_member: { user: bot, status: 'member' as const },
    },
  },
  'edited-message': {
    update_id: 730110010,
    edited_message: { message_id: 101, date: 1764730000, edit_date: 1764730540, from: lan, chat: lanChat, text: 'Cho hỏi làm căn cước cho con 15 tuổi ở đâu ạ' },
  },
  'group-message': {
    update_id: 730110011,
    message: {
      message_id: 2201,
      date: 1764730600,
      from: lan,
      chat: { id: -1002233445566, type: 'supergroup' as const, title: 'Tổ dân phố 4' },
      text: 'ai biết đăng ký tạm trú ở đâu không',
    },
  },
  'channel-post': {
    update_id: 730110012,
    channel_post: { message_id: 88, date: 1764730660, chat: { id: -1009988776655, type: 'channel' as const, title: 'Thông báo phường' }, text: 'Lịch tiếp công dân tuần này' },
  },
} satisfies Record<string, Update>;
type FixtureName = keyof typeof SHAPES;

test('every fixture file holds exactly its typed Update shape', () => {
  const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -'.json'.length));
  assert.deepEqual(files.sort(), Object.keys(SHAPES).sort());
  for (const [name, shape] of Object.entries(SHAPES)) assert.deepEqual(JSON.parse(fixtureBody(name as FixtureName)), shape, name);
});

test('verify accepts the right secret and refuses a missing one with 401 and a wrong one with 403', async () => {
  const cases: Array<[string, Record<string, string>, true | 401 | 403]> = [
    ['right secret', { 'x-telegram-bot-api-secret-token': SECRET }, true],
    ['no header', {}, 401],
    ['empty header', { 'x-telegram-bot-api-secret-token': '' }, 401],
    ['secret in another header', { authorization: SECRET }, 401],
    ['wrong secret', { 'x-telegram-bot-api-secret-token': 'not-the-secret' }, 403],
    ['one character off', { 'x-telegram-bot-api-secret-token': `${SECRET.slice(0, -1)}8` }, 403],
    ['other case', { 'x-telegram-bot-api-secret-token': SECRET.toUpperCase() }, 403],
    ['secret plus a suffix', { 'x-telegram-bot-api-secret-token': `${SECRET}x` }, 403],
  ];
  for (const [name, headers, expected] of cases) {
    const result = await adapter.verify(webhook(fixtureBody('text'), headers), NOW);
    if (expected === true) assert.deepEqual(result, { ok: true }, name);
    else assert.equal(result.ok === false && result.status, expected, name);
  }
});

const base = (messageId: string, receivedAt: Date) => ({ channel: 'telegram' as const, messageId, userId: '511223344', receivedAt });
const at = (seconds: number) => new Date(seconds * 1000);
const ackFor = (id: string) => ({ contentType: 'application/json', body: JSON.stringify({ method: 'answerCallbackQuery', callback_query_id: id }) });

test('parse turns every fixture kind into its message, or counts it as ignored', () => {
  const cases: Array<{ fixture: FixtureName; messages: IncomingMessage[]; ack?: { contentType: string; body: string } }> = [
    { fixture: 'text', messages: [{ ...base('730110001', at(1764730000)), kind: 'text', text: 'Cho hỏi làm căn cước cho con 14 tuổi ở đâu ạ' }] },
    { fixture: 'location', messages: [{ ...base('730110002', at(1764730060)), kind: 'location', latitude: 9.7842, longitude: 105.4701 }] },
    {
      fixture: 'photo',
      messages: [{ ...base('730110003', at(1764730120)), kind: 'image', url: 'tg-file:AgACAgUAAxkBAAIBZ2fake-large', caption: 'Đường ấp 3 bị sạt lở' }],
    },
    { fixture: 'document-caption', messages: [{ ...base('730110004', at(1764730180)), kind: 'text', text: 'em gửi đơn đề nghị cấp lại giấy khai sinh' }] },
    { fixture: 'voice', messages: [] },
    { fixture: 'callback-choice', messages: [{ ...base('730110006', NOW), kind: 'choice', value: 'kb:can-cuoc' }], ack: ackFor('2196512034881290117') },
    { fixture: 'callback-digit', messages: [{ ...base('730110007', NOW), kind: 'text', text: '2' }], ack: ackFor('2196512034881290118') },
    { fixture: 'my-chat-member-kicked', messages: [{ ...base('730110008', at(1764730420)), kind: 'unfollow' }] },
    { fixture: 'my-chat-member-member', messages: [{ ...base('730110009', at(1764730480)), kind: 'follow' }] },
    { fixture: 'edited-message', messages: [] },
    { fixture: 'group-message', messages: [] },
    { fixture: 'channel-post', messages: [] },
  ];
  assert.deepEqual(cases.map((c) => c.fixture).sort(), Object.keys(SHAPES).sort(), 'every fixture has a case');
  for (const { fixture, messages, ack } of cases) {
    const result = adapter.parse(webhook(fixtureBody(fixture)), NOW);
    assert.ok(result.ok, fixture);
    assert.deepEqual(result.messages, messages, fixture);
    assert.equal(result.ignored, messages.length === 0 ? 1 : 0, fixture);
    assert.deepEqual(result.ack, ack, fixture);
    for (const message of result.messages) {
      assert.equal(typeof message.messageId, 'string', fixture);
      assert.equal(typeof message.userId, 'string', fixture);
    }
  }
});

test('parse answers every callback query, even one it ignores, and uses from.id when there is no message', () => {
  const game = JSON.stringify({ update_id: 5, callback_query: { id: 'q1', chat_instance: '1', from: lan, message: question, game_short_name: 'g' } });
  const unknownData = JSON.stringify({ update_id: 6, callback_query: { id: 'q2', chat_instance: '1', from: lan, message: question, data: 'proc:cccd' } });
  const inGroup = JSON.stringify({
    update_id: 7,
    callback_query: { id: 'q3', chat_instance: '1', from: lan, message: { ...question, chat: { id: -100, type: 'group', title: 'g' } }, data: '#c:kb:x' },
  });
  for (const [body, id] of [[game, 'q1'], [unknownData, 'q2'], [inGroup, 'q3']] as const) {
    const result = adapter.parse(webhook(body), NOW);
    assert.deepEqual(result, { ok: true, messages: [], ignored: 1, ack: ackFor(id) });
  }
  const inline = JSON.stringify({ update_id: 8, callback_query: { id: 'q4', chat_instance: '1', from: { ...lan, id: 42 }, inline_message_id: 'i', data: '#c:kb:x' } });
  const result = adapter.parse(webhook(inline), NOW);
  assert.ok(result.ok);
  assert.equal(result.messages[0]?.userId, '42');
});

test('parse refuses malformed bodies with 400 and a reason', () => {
  const cases: Array<[string, RegExp]> = [
    ['{"update_id": ', /not valid JSON/],
    ['', /not valid JSON/],
    ['[1,2]', /JSON object/],
    ['null', /JSON object/],
    ['"text"', /JSON object/],
    ['{}', /update_id/],
    ['{"update_id":"730110001","message":{}}', /update_id/],
    ['{"update_id":1.5}', /update_id/],
    ['{"update_id":1,"message":{"message_id":1,"date":1,"text":"hi"}}', /message\.chat\.id/],
    ['{"update_id":1,"message":"hi"}', /message must be an object/],
    [JSON.stringify({ update_id: 1, message: { message_id: 1, date: 1, chat: lanChat, location: { latitude: 'x' } } }), /location/],
    [JSON.stringify({ update_id: 1, message: { message_id: 1, date: 1, chat: lanChat, photo: [] } }), /photo/],
    [JSON.stringify({ update_id: 1, callback_query: { from: lan, data: '1' } }), /callback_query\.id/],
    [JSON.stringify({ update_id: 1, callback_query: { id: 'q', data: '1' } }), /callback_query\.from\.id/],
  ];
  for (const [body, reason] of cases) {
    const result = adapter.parse(webhook(body), NOW);
    assert.equal(result.ok, false, body);
    if (!result.ok) {
      assert.equal(result.status, 400, body);
      assert.match(result.reason, reason, body);
    }
  }
});

const textOf = (payload: OutboundPayload | undefined): string => String(payload?.body.text);
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

function paragraphs(totalLength: number): string {
  const sentences = [
    'Người dân mang căn cước công dân đến bộ phận một cửa của phường để nộp hồ sơ.',
    'Thời gian giải quyết là ba ngày làm việc kể từ khi nhận đủ giấy tờ hợp lệ!',
    'Có thể nộp trực tuyến trên Cổng dịch vụ công quốc gia nếu đã có tài khoản định danh mức hai?',
    'Lệ phí được miễn cho trẻ em dưới mười bốn tuổi và người có công với cách mạng.',
  ];
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < totalLength; i++) {
    // A heading line in every paragraph, so a line break is always nearer the limit than the paragraph break.
    const paragraph = `Mục ${i + 1}:\n${Array.from({ length: 5 }, (_, j) => sentences[(i + j) % sentences.length]).join(' ')}`;
    out.push(paragraph);
    length += paragraph.length + 2;
  }
  return out.join('\n\n').slice(0, totalLength).trimEnd();
}

test('a 9,000-character answer becomes 3 messages of at most 4096 characters, broken between paragraphs', () => {
  const text = paragraphs(9000);
  assert.ok(text.length > 8950 && text.length <= 9000);
  const payloads = adapter.render({ kind: 'text', text });
  assert.equal(payloads.length, 3);
  for (const payload of payloads) {
    assert.ok(textOf(payload).length <= 4096);
    assert.equal('chat_id' in payload.body, false, 'send adds chat_id');
    assert.equal('parse_mode' in payload.body, false, 'plain text');
  }
  assert.equal(squash(payloads.map(textOf).join(' ')), squash(text));
  for (const payload of payloads.slice(0, -1)) assert.ok(text.includes(`${textOf(payload)}\n\n`), 'each piece ends at a paragraph');
});

test('long text without paragraphs breaks at lines, then sentences, then words, and only cuts a word that has no end', () => {
  const sentence = 'Hồ sơ gồm tờ khai, bản sao giấy tờ tùy thân và ảnh chân dung mới chụp. ';
  // `follows` is what the original text has right after each piece that is not the last: the kind of break taken.
  const cases: Array<{ name: string; text: string; endsWith: RegExp; follows: RegExp }> = [
    { name: 'lines', text: Array.from({ length: 70 }, (_, i) => `Dòng ${i}: ${sentence}${sentence.trim().slice(0, -1)}`).join('\n'), endsWith: /chụp$/, follows: /^\nD/ },
    { name: 'sentences', text: sentence.repeat(120).trim(), endsWith: /\.$/, follows: /^ H/ },
    { name: 'words', text: 'thủ tục hành chính '.repeat(400).trim(), endsWith: /(thủ|tục|chính|hành)$/, follows: /^ [a-zđủụàí]/ },
    // A paragraph that ends early is not worth a tiny first message.
    { name: 'early paragraph', text: `Kính gửi anh/chị.\n\n${'thủ tục hành chính '.repeat(400).trim()}`, endsWith: /(thủ|tục|chính|hành)$/, follows: /^ [a-zđủụàí]/ },
  ];
  for (const { name, text, endsWith, follows } of cases) {
    const pieces = adapter.render({ kind: 'text', text }).map(textOf);
    assert.ok(pieces.length >= 2, name);
    let cursor = 0;
    for (const [i, piece] of pieces.entries()) {
      assert.ok(piece.length <= 4096, `${name}: ${piece.length}`);
      cursor = text.indexOf(piece, cursor) + piece.length;
      if (i === pieces.length - 1) break;
      assert.ok(piece.length > 2048, `${name}: no tiny pieces`);
      assert.match(piece, endsWith, name);
      assert.match(text.slice(cursor, cursor + 2), follows, name);
    }
    assert.equal(squash(pieces.join(' ')), squash(text), name);
  }
  const unbroken = '😀'.repeat(2100);
  const pieces = adapter.render({ kind: 'text', text: unbroken }).map(textOf);
  assert.equal(pieces.join(''), unbroken);
  for (const piece of pieces) assert.ok(piece.length <= 4096 && !/[\ud800-\udbff]$/.test(piece), 'no half of a surrogate pair');
});

const longVietnameseValue = 'kb:đăng-ký-thường-trú-cho-người-chưa-thành-niên-ở-nhà-thuê-trọ-phường-vị-thanh';

test('choices become one message with a numbered list and one inline button per row, each callback_data ≤ 64 bytes', () => {
  const reply: Reply = {
    kind: 'choices',
    text: 'Anh/chị muốn hỏi thủ tục nào?',
    options: [
      { value: 'kb:can-cuoc', title: 'Cấp căn cước' },
      { value: longVietnameseValue, title: 'Đăng ký thường trú cho người chưa thành niên ở nhà thuê trọ tại phường Vị Thanh, thành phố Cần Thơ' },
      { value: 'kb:ho-chieu', title: 'Hộ chiếu' },
    ],
  };
  const payloads = adapter.render(reply);
  assert.equal(payloads.length, 1);
  const body = payloads[0]?.body as { text: string; reply_markup: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } };
  assert.match(body.text, /^Anh\/chị muốn hỏi thủ tục nào\?\n\n1\. Cấp căn cước\n2\. Đăng ký thường trú .*Cần Thơ\n3\. Hộ chiếu$/);
  const rows = body.reply_markup.inline_keyboard;
  assert.deepEqual(rows.map((row) => row.length), [1, 1, 1]);
  assert.ok(new TextEncoder().encode(CHOICE_PAYLOAD_PREFIX + longVietnameseValue).length > 64, 'the long value really is too long');
  const buttons = rows.map((row) => row[0]!);
  assert.deepEqual(buttons.map((b) => b.callback_data), [`${CHOICE_PAYLOAD_PREFIX}kb:can-cuoc`, '2', `${CHOICE_PAYLOAD_PREFIX}kb:ho-chieu`]);
  for (const button of buttons) assert.ok(new TextEncoder().encode(button.callback_data).length <= 64);
  assert.equal(buttons[0]?.text, '1. Cấp căn cước');
  assert.ok(buttons[1]!.text.startsWith('2. Đăng ký thường trú') && buttons[1]!.text.endsWith('…') && Array.from(buttons[1]!.text).length <= 64);

  // What a tap sends back reaches the bot as the option's value, or as its number.
  const tapped = buttons.map((button, i) => {
    const update = { update_id: 900 + i, callback_query: { id: `q${i}`, chat_instance: '1', from: lan, message: question, data: button.callback_data } };
    const result = adapter.parse(webhook(JSON.stringify(update)), NOW);
    const message = result.ok ? result.messages[0] : undefined;
    return message?.kind === 'choice' ? message.value : message?.kind === 'text' ? message.text : undefined;
  });
  assert.deepEqual(tapped, ['kb:can-cuoc', '2', 'kb:ho-chieu']);
});

test('a long choices text keeps the keyboard on its last message', () => {
  const payloads = adapter.render({ kind: 'choices', text: paragraphs(5000), options: [{ value: 'kb:a', title: 'A' }] });
  assert.equal(payloads.length, 2);
  assert.equal('reply_markup' in (payloads[0]?.body ?? {}), false);
  assert.ok('reply_markup' in (payloads[1]?.body ?? {}));
  assert.match(textOf(payloads[1]), /1\. A$/);
});

test('a link shows its URL in the text and as a URL button; ask-location asks with a location button', () => {
  const link = adapter.render({ kind: 'link', text: 'Nộp hồ sơ trực tuyến tại đây:', url: 'https://dichvucong.gov.vn/p/home' });
  assert.deepEqual(link, [
    {
      body: {
        text: 'Nộp hồ sơ trực tuyến tại đây:\nhttps://dichvucong.gov.vn/p/home',
        reply_markup: { inline_keyboard: [[{ text: 'Mở liên kết', url: 'https://dichvucong.gov.vn/p/home' }]] },
      },
    },
  ]);
  const location = adapter.render({ kind: 'ask-location', text: 'Anh/chị gửi vị trí nơi xảy ra sự việc giúp em nhé.' });
  assert.deepEqual(location, [
    {
      body: {
        text: 'Anh/chị gửi vị trí nơi xảy ra sự việc giúp em nhé.',
        reply_markup: { keyboard: [[{ text: 'Gửi vị trí hiện tại', request_location: true }]], one_time_keyboard: true, resize_keyboard: true },
      },
    },
  ]);
  assert.deepEqual(adapter.render({ kind: 'text', text: 'Dạ, em chào anh/chị.', short: 'Chao' }), [{ body: { text: 'Dạ, em chào anh/chị.' } }]);
});

test('capabilities describe what Telegram can show', () => {
  assert.deepEqual(adapter.capabilities, { maxTextLength: 4096, buttons: true, location: true, images: true });
  assert.equal(adapter.id, 'telegram');
});

// A stub Bot API on a loopback port: it records every request and answers as the current test tells it to.
type StubAnswer = { status: number; body: unknown } | 'hang';
let answer: StubAnswer = { status: 200, body: {} };
const seen: Array<{ url: string; body: Record<string, unknown> }> = [];
const stub = createServer((req, res) => {
  let data = '';
  req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
  req.on('end', () => {
    seen.push({ url: req.url ?? '', body: JSON.parse(data) as Record<string, unknown> });
    if (answer === 'hang') return;
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
});
let apiBase = '';
before(async () => {
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  apiBase = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/`;
});
after(async () => {
  stub.closeAllConnections();
  await new Promise<void>((resolve) => stub.close(() => resolve()));
});

const sender = () => createTelegramAdapter({ botToken: TOKEN, webhookSecret: SECRET, apiBase, fetch, timeoutMs: 300 });
const target = { userId: '511223344' };

test('send posts to sendMessage with chat_id and returns the message id', async () => {
  answer = { status: 200, body: { ok: true, result: { message_id: 4711, date: 1764730700, chat: lanChat, text: 'Dạ' } } };
  seen.length = 0;
  const [payload] = adapter.render({ kind: 'text', text: 'Dạ, em chào anh/chị.' });
  const result = await sender().send(target, payload!);
  assert.deepEqual(result, { ok: true, providerMessageId: '4711' });
  assert.equal(seen.length, 1);
  assert.equal(seen[0]?.url, `/bot${TOKEN}/sendMessage`);
  assert.deepEqual(seen[0]?.body, { text: 'Dạ, em chào anh/chị.', chat_id: '511223344' });
});

test('send classifies Bot API failures so the outbox knows whether to retry', async () => {
  const cases: Array<{ name: string; answer: StubAnswer; expected: Record<string, unknown>; reason: RegExp }> = [
    {
      name: '429',
      answer: { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } } },
      expected: { ok: false, retryable: true, retryAfterMs: 3000 },
      reason: /retry after 3/,
    },
    { name: '500', answer: { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } }, expected: { ok: false, retryable: true }, reason: /Internal/ },
    { name: '502 without JSON', answer: { status: 502, body: '<html>' }, expected: { ok: false, retryable: true }, reason: /502/ },
    {
      name: '403 blocked',
      answer: { status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } },
      expected: { ok: false, retryable: false },
      reason: /^Forbidden: bot was blocked by the user$/,
    },
    {
      name: '400 chat not found',
      answer: { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } },
      expected: { ok: false, retryable: false },
      reason: /chat not found/,
    },
    { name: '401', answer: { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } }, expected: { ok: false, retryable: false }, reason: /bot token/ },
    { name: 'hanging server', answer: 'hang', expected: { ok: false, retryable: true }, reason: /300 ms/ },
  ];
  for (const { name, answer: stubAnswer, expected, reason } of cases) {
    answer = stubAnswer;
    const started = Date.now();
    const result = await sender().send(target, { body: { text: 'Dạ' } });
    const { reason: given, ...rest } = result as { reason?: string };
    assert.deepEqual(rest, expected, name);
    assert.match(given ?? '', reason, name);
    assert.ok(!given?.includes(TOKEN), `${name}: the reason must not leak the token`);
    assert.ok(Date.now() - started < 3000, `${name}: gave up in time`);
  }
});

test('send reports an unreachable Bot API as retryable instead of throwing', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const unreachable = createTelegramAdapter({ botToken: TOKEN, webhookSecret: SECRET, apiBase: `http://127.0.0.1:${port}`, fetch, timeoutMs: 1000 });
  const result = await unreachable.send(target, { body: { text: 'Dạ' } });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.retryable && !result.reason.includes(TOKEN));
});
