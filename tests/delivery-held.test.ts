import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createZaloAdapter } from '../adapters/channels/zalo/adapter.ts';
import { channelsFromEnv } from '../adapters/runtime/channels-from-env.ts';
import { createTokenStore } from '../adapters/storage/token-store.ts';
import { silentLogger } from '../adapters/http/logger.ts';
import { migrateToLatest } from '../adapters/storage/migrate.ts';
import { createOutbox } from '../adapters/storage/outbox-store.ts';
import { HELD_FOR_RESIDENT } from '../bot/outbox.ts';
import { createOutboxWorker } from '../bot/outbox-worker.ts';
import { reportReplies } from '../bot/reports/report-replies.ts';
import { startRig, type Rig } from './channel-rig.ts';
import { TEST_SITE, temporaryDatabase } from './helpers.ts';
import { startStubPlatform } from './stub-platform.ts';

/**
 * Zalo lets an OA write to a resident only for a while after their last message. A report update that comes later
 * (the usual case: repairs take days) must not be lost while the filing reply promised "báo kết quả cho bạn tại
 * đây": it is held and sent as soon as the resident writes again, before the reply to what they wrote.
 */

const DAY = 86_400_000;
const codeIn = (text: string): string | undefined => /PA\d{4,6}/.exec(text)?.[0];

// Zalo's answer to a send, per recipient: success unless a test says otherwise.
const zaloRefuses = new Map<string, number>();
let rig: Rig;

before(async () => {
  rig = await startRig({
    fetch: async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.endsWith('/v3.0/oa/message/cs') && typeof init?.body === 'string') {
        const code = zaloRefuses.get((JSON.parse(init.body) as { recipient: { user_id: string } }).recipient.user_id);
        if (code !== undefined) return new Response(JSON.stringify({ error: code, message: 'refused' }), { status: 200, headers: { 'content-type': 'application/json' } });
      }
      return fetch(input, init);
    },
  });
});
after(async () => rig.close());

/** Handling done and every due send tried; held messages stay. */
async function settle(): Promise<void> {
  await rig.product.settled();
  for (let i = 0; i < 5; i++) await rig.product.worker.runOnce();
}

async function say(user: string, text: string): Promise<void> {
  assert.equal((await rig.zalo.text(user, text)).status, 200);
  await settle();
}

async function fileReport(user: string): Promise<string> {
  await say(user, 'Cây dầu lớn ngã chắn ngang lộ, xe không qua được');
  await rig.zalo.location(user, 9.79, 105.47);
  await settle();
  await say(user, 'bỏ qua');
  await say(user, '1');
  const filed = rig.zalo.sentTo(user).at(-1)!.message.text;
  const code = codeIn(filed);
  assert.ok(code, filed);
  return code;
}

async function conversationOf(user: string): Promise<string> {
  return rig.product.conversations.idFor('zalo', user);
}

/** The resident last wrote `days` ago. */
async function quietFor(user: string, days: number): Promise<void> {
  const at = new Date(Date.now() - days * DAY).toISOString();
  await rig.database.db.updateTable('conversations').set({ last_inbound_at: at }).where('id', '=', await conversationOf(user)).execute();
}

async function outboxOf(user: string) {
  return rig.database.db.selectFrom('outbox').select(['id', 'status', 'last_error', 'reply_to', 'payload_json']).where('conversation_id', '=', await conversationOf(user)).orderBy('created_at').execute();
}

const updatesTo = (user: string, code: string) => rig.zalo.sentTo(user).filter((m) => m.message.text.startsWith(`Cập nhật phản ánh ${code}`));

test('a report update after Zalo\'s window is held, then sent before the reply when the resident writes again', async () => {
  const user = '7100000000000000001';
  const code = await fileReport(user);
  const filed = rig.zalo.sentTo(user).at(-1)!.message.text;
  assert.match(filed, /báo kết quả cho bạn tại đây/);
  assert.match(filed, /sau 48 giờ kể từ tin nhắn gần nhất của bạn, kênh này chỉ gửi được thông báo khi bạn nhắn lại/, 'the promise says how it is kept on Zalo');
  assert.doesNotMatch(reportReplies.filed(code)[0]!.kind === 'text' ? (reportReplies.filed(code)[0] as { text: string }).text : '', /Lưu ý/, 'channels without a window make no such remark');

  await quietFor(user, 3);
  const res = await rig.staff(`/reports/${code}/status`, { status: 'in-progress', note: 'Đã giao đội cây xanh.' });
  assert.equal(res.status, 200);
  const body = (await res.json()) as { notified: number; waitingForResident: number };
  assert.deepEqual([body.notified, body.waitingForResident], [1, 1], 'staff are told the update waits for the resident');
  await settle();
  await rig.staff(`/reports/${code}/status`, { status: 'resolved', note: 'Đã cưa và dọn xong.' });
  await settle();

  assert.equal(updatesTo(user, code).length, 0, 'nothing is sent outside the window');
  const held = await outboxOf(user);
  const waiting = held.filter((r) => r.status === 'pending');
  assert.equal(waiting.length, 2, 'both updates wait, the second behind the first');
  assert.ok(waiting[0]!.last_error?.startsWith(HELD_FOR_RESIDENT), String(waiting[0]!.last_error));
  assert.equal(held.filter((r) => r.status === 'dead').length, 0, 'nothing is given up');

  const before = rig.zalo.sentTo(user).length;
  await say(user, 'cây đó dọn chưa vậy');
  const sent = rig.zalo.sentTo(user).slice(before).map((m) => m.message.text);
  assert.ok(sent.length >= 3, sent.join(' | '));
  assert.match(sent[0]!, new RegExp(`^Cập nhật phản ánh ${code}.*Đang xử lý`), 'the older update first');
  assert.match(sent[1]!, new RegExp(`^Cập nhật phản ánh ${code}.*Đã xử lý`));
  assert.ok(!sent.slice(2).some((t) => t.startsWith('Cập nhật phản ánh')), 'then the reply to what was written, each update once');
  assert.equal(updatesTo(user, code).length, 2);
  assert.deepEqual((await outboxOf(user)).filter((r) => r.status !== 'sent'), [], 'nothing left waiting');
});

test('Zalo\'s own -230 holds an update (not a reply), and a hold gives up only after OUTBOX_HOLD_DAYS', async () => {
  const user = '7100000000000000002';
  const code = await fileReport(user);

  // Inside our 48-hour clock, but Zalo says the resident has no current interaction.
  zaloRefuses.set(user, -230);
  await rig.staff(`/reports/${code}/status`, { status: 'in-progress', note: 'Đã tiếp nhận.' });
  await settle();
  const held = (await outboxOf(user)).filter((r) => r.status === 'pending');
  assert.equal(held.length, 1);
  assert.match(held[0]!.last_error ?? '', new RegExp(`^${HELD_FOR_RESIDENT}.*-230`));

  // The resident writes; Zalo takes messages again.
  zaloRefuses.delete(user);
  const before = rig.zalo.sentTo(user).length;
  await say(user, 'dạ cảm ơn');
  const sent = rig.zalo.sentTo(user).slice(before).map((m) => m.message.text);
  assert.match(sent[0] ?? '', new RegExp(`^Cập nhật phản ánh ${code}`));
  assert.ok(sent.length >= 2);

  // A reply to a message Zalo refuses is not held: answering an old question days later helps no one.
  zaloRefuses.set(user, -230);
  await say(user, 'xin chào');
  const replies = (await outboxOf(user)).filter((r) => r.reply_to !== null && r.status !== 'sent');
  assert.ok(replies.length >= 1 && replies.every((r) => r.status === 'dead'), JSON.stringify(replies.map((r) => r.status)));
  zaloRefuses.delete(user);

  // A held update still unsent after the hold (30 days) is dead-lettered with the reason.
  await quietFor(user, 40);
  await rig.staff(`/reports/${code}/status`, { status: 'resolved', note: 'Xong.' });
  await settle();
  const [late] = (await outboxOf(user)).filter((r) => r.status === 'pending');
  assert.ok(late, 'held');
  await rig.database.db.updateTable('outbox').set({ created_at: new Date(Date.now() - 31 * DAY).toISOString(), next_attempt_at: new Date().toISOString() }).where('id', '=', late.id).execute();
  await settle();
  const gone = await rig.database.db.selectFrom('outbox').select(['status', 'last_error']).where('id', '=', late.id).executeTakeFirstOrThrow();
  assert.equal(gone.status, 'dead');
  assert.match(gone.last_error ?? '', /past the 720-hour delivery deadline/);
});

test('Zalo\'s night ban waits that message out until 06:00 in Vietnam; the lane goes on with the others', async () => {
  const refusing = new Set(['night-user']);
  let nightOver = false;
  const stub = await startStubPlatform({
    '/v3.0/oa/message/cs': (call) => {
      const to = (JSON.parse(call.body) as { recipient: { user_id: string } }).recipient.user_id;
      return { body: refusing.has(to) && !nightOver ? { error: -234, message: 'night' } : { error: 0, data: { message_id: `z-${to}` } } };
    },
  });
  const database = temporaryDatabase();
  await migrateToLatest(database.db);
  // 22:30 in Vietnam.
  let clock = new Date('2026-12-04T15:30:00Z');
  const now = () => clock;
  const zalo = createZaloAdapter({ appId: 'a', oaSecretKey: 'k', apiBase: stub.base, accessToken: async () => 't', fetch, timeoutMs: 2_000, now });
  const outbox = createOutbox(database.db, now);
  const worker = createOutboxWorker({
    outbox, adapters: new Map([['zalo', zalo]]), lastInbound: async () => ({ at: new Date(clock.getTime() - 60_000) }),
    replyWindowsMs: new Map([['zalo', 48 * 3_600_000]]), refreshAuth: new Map(), logger: silentLogger, now, random: () => 0.5,
    policy: { baseDelayMs: 10, maxDelayMs: 100 },
  });
  try {
    await outbox.enqueue([
      { key: 'n1', conversationId: 'c-night', provider: 'zalo', userId: 'night-user', replyTo: 'm1', payload: { body: { message: { text: 'first' } } } },
      { key: 'n2', conversationId: 'c-other', provider: 'zalo', userId: 'other-user', replyTo: 'm2', payload: { body: { message: { text: 'second' } } } },
    ]);
    const run = await worker.runOnce();
    assert.deepEqual([run.sent, run.retried, run.dead], [1, 1, 0], 'the other resident is answered in the same pass');
    const [row] = await database.db.selectFrom('outbox').select(['status', 'next_attempt_at']).where('idempotency_key', '=', 'n1').execute();
    assert.equal(row?.status, 'pending');
    assert.equal(row?.next_attempt_at, '2026-12-04T23:00:00.000Z', 'tried again at 06:00, not in a few seconds');

    clock = new Date('2026-12-04T23:00:01Z');
    nightOver = true;
    assert.equal((await worker.runOnce()).sent, 1);
    assert.equal(stub.callsTo('/v3.0/oa/message/cs').length, 3);
  } finally {
    worker.stop();
    await stub.close();
    await database.cleanup();
  }
});

test('ZALO_REPLY_WINDOW_HOURS sets the window (up to Zalo\'s 7 days); a value Zalo would refuse is reported and 48 used', async () => {
  const database = temporaryDatabase();
  await migrateToLatest(database.db);
  const zaloEnv = { ZALO_APP_ID: 'a', ZALO_APP_SECRET: 's', ZALO_OA_SECRET_KEY: 'k', ZALO_ACCESS_TOKEN: 't', ZALO_REFRESH_TOKEN: 'r' };
  const windowOf = (hours?: string) => {
    const configured = channelsFromEnv({ ...zaloEnv, ...(hours === undefined ? {} : { ZALO_REPLY_WINDOW_HOURS: hours }) }, { fetch, tokens: createTokenStore(database.db), logger: silentLogger, site: TEST_SITE });
    return { hours: (configured.replyWindowsMs.get('zalo') ?? 0) / 3_600_000, problems: configured.problems };
  };
  try {
    assert.deepEqual(windowOf(), { hours: 48, problems: [] });
    assert.deepEqual(windowOf('168'), { hours: 168, problems: [] });
    const refused = windowOf('240');
    assert.equal(refused.hours, 48);
    assert.match(refused.problems.join(' '), /ZALO_REPLY_WINDOW_HOURS must be a number of hours from 1 to 168/);
  } finally {
    await database.cleanup();
  }
});
