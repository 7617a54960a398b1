import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createGatewayAdapter } from '../adapters/channels/sms/gateway/adapter.ts';
import { createTelegramAdapter } from '../adapters/channels/telegram/adapter.ts';
import type { ChannelAdapter } from '../bot/ports/channel.ts';
import { silentLogger } from '../adapters/http/logger.ts';
import { D1_MAX_BOUND_PARAMETERS } from '../adapters/storage/d1-types.ts';
import { migrateToLatest } from '../adapters/storage/migrate.ts';
import type { Database } from '../adapters/storage/schema.ts';
import type { DeliveryPolicy } from '../bot/delivery-policy.ts';
import { createOutbox } from '../adapters/storage/outbox-store.ts';
import type { NewOutboxItem } from '../bot/outbox.ts';
import { createOutboxWorker, type OutboxWorker } from '../bot/outbox-worker.ts';
import { reopenDatabase, temporaryDatabase } from './helpers.ts';
import { startStubPlatform, type RecordedCall, type StubAnswer, type StubPlatform } from './stub-platform.ts';

/**
 * The outbox against loopback stand-ins for Telegram and the SMS gateway whose behaviour each test sets:
 * outages longer than the old retry budget, a hanging channel beside a healthy one, slow answers, two
 * instances over one database, a deadline on an injected clock.
 */

type Behaviour = (call: RecordedCall) => StubAnswer;
const ok: Behaviour = (call) => ({ body: { ok: true, result: { message_id: 1, chat: { id: JSON.parse(call.body).chat_id } } } });
let telegramBehaviour: Behaviour = ok;
let gatewayBehaviour: Behaviour = () => ({ status: 202, body: { id: 'gw' } });

let stub: StubPlatform;
let database: ReturnType<typeof temporaryDatabase>;
let testNo = 0;

before(async () => {
  stub = await startStubPlatform({
    '/sendMessage': (call) => telegramBehaviour(call),
    '/message': (call) => gatewayBehaviour(call),
  });
  database = temporaryDatabase();
  await migrateToLatest(database.db);
});

after(async () => {
  await stub.close();
  await database.cleanup();
});

function adapters(timeoutMs: number): Map<string, ChannelAdapter> {
  return new Map<string, ChannelAdapter>([
    ['telegram', createTelegramAdapter({ botToken: '1:T', webhookSecret: 's', apiBase: stub.base, fetch, timeoutMs })],
    ['gateway', createGatewayAdapter({ url: stub.base, user: 'u', password: 'p', signingKey: 'k', fetch, moreInfo: 'x', timeoutMs })],
  ]);
}

function worker(db: Kysely<Database>, policy: Partial<DeliveryPolicy>, options: { timeoutMs?: number; now?: () => Date } = {}): OutboxWorker {
  return createOutboxWorker({
    outbox: createOutbox(db, options.now),
    adapters: adapters(options.timeoutMs ?? 5_000),
    lastInbound: async () => undefined,
    replyWindowsMs: new Map(),
    refreshAuth: new Map(),
    logger: silentLogger,
    random: () => 0.5,
    ...(options.now ? { now: options.now } : {}),
    policy: { baseDelayMs: 10, maxDelayMs: 100, slowSendMs: 5_000, leaseMs: 10_000, ...policy },
  });
}

/** `conversations` × `perConversation` replies, each conversation its own chat; texts say conversation and order. */
function replies(provider: 'telegram' | 'gateway', conversations: number, perConversation: number): NewOutboxItem[] {
  const run = ++testNo;
  const items: NewOutboxItem[] = [];
  for (let turn = 0; turn < perConversation; turn++) {
    for (let c = 0; c < conversations; c++) {
      const chat = `${run}${String(c).padStart(3, '0')}`;
      items.push({ key: `t${run}:${c}:${turn}`, conversationId: `conv-${run}-${c}`, provider, userId: provider === 'gateway' ? `+84912${chat.padStart(6, '0')}` : chat, payload: { body: { text: `${chat}#${turn}` } } });
    }
  }
  return items;
}

const textOf = (call: RecordedCall) => (JSON.parse(call.body) as { text?: string; textMessage?: { text: string } }).text ?? (JSON.parse(call.body) as { textMessage: { text: string } }).textMessage.text;

async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function statuses(keys: readonly string[]): Promise<Map<string, { status: string; attempts: number }>> {
  const rows = await database.db.selectFrom('outbox').select(['idempotency_key', 'status', 'attempts']).where('idempotency_key', 'in', [...keys]).execute();
  return new Map(rows.map((r) => [r.idempotency_key, { status: r.status, attempts: r.attempts }]));
}

test('an outage of 500s longer than the old retry budget: nothing dead-lettered, every reply once, each conversation in order', async () => {
  // The outage lasts 120 attempts: ten for each of the twelve conversations' first replies on average, where the
  // old worker gave up after six (its 93 s at production delays).
  let failuresLeft = 120;
  const delivered: string[] = [];
  telegramBehaviour = (call) => {
    if (failuresLeft-- > 0) return { status: 500, body: { ok: false, description: 'Internal Server Error' } };
    delivered.push(textOf(call));
    return ok(call);
  };
  const items = replies('telegram', 12, 4);
  const sending = worker(database.db, {});
  const firstCall = stub.calls.length;
  await createOutbox(database.db).enqueue(items);
  sending.kick();
  await until(async () => [...(await statuses(items.map((i) => i.key))).values()].every((s) => s.status === 'sent' || s.status === 'dead'), 20_000, 'all replies to be finished');
  await sending.idle();
  sending.stop();

  const finished = await statuses(items.map((i) => i.key));
  assert.deepEqual([...finished.values()].filter((s) => s.status !== 'sent'), [], 'none dead-lettered');
  assert.ok(Math.max(...[...finished.values()].map((s) => s.attempts)) > 6, 'the oldest replies outlived the old six-attempt budget');

  const calls = stub.calls.slice(firstCall).filter((c) => c.path.endsWith('/sendMessage'));
  assert.equal(delivered.length, items.length, 'each reply delivered exactly once after the outage');
  assert.equal(new Set(delivered).size, items.length);
  // Every attempt, failed ones included, respects the order: no later reply tried before an earlier one went out.
  const lastTurn = new Map<string, number>();
  for (const text of calls.map(textOf)) {
    const [chat, turn] = text.split('#') as [string, string];
    assert.ok(Number(turn) >= (lastTurn.get(chat) ?? 0), `chat ${chat}: turn ${turn} tried after turn ${lastTurn.get(chat)}`);
    lastTurn.set(chat, Number(turn));
  }
  telegramBehaviour = ok;
});

test('a hanging SMS gateway beside a healthy Telegram: Telegram replies stay fast', async () => {
  gatewayBehaviour = () => ({ hang: true });
  const sending = worker(database.db, { slowSendMs: 200 }, { timeoutMs: 20_000 });
  const outbox = createOutbox(database.db);
  const sms = replies('gateway', 6, 2);
  await outbox.enqueue(sms);
  sending.kick();
  await new Promise((r) => setTimeout(r, 300)); // the gateway lane is now stuck on requests that never end

  const chats = replies('telegram', 20, 2);
  const queuedAt = Date.now();
  const firstCall = stub.calls.length;
  await outbox.enqueue(chats);
  sending.kick();
  await until(async () => [...(await statuses(chats.map((i) => i.key))).values()].every((s) => s.status === 'sent'), 5_000, 'Telegram replies');
  const telegramCalls = stub.calls.slice(firstCall).filter((c) => c.path.endsWith('/sendMessage'));
  const slowest = Math.max(...telegramCalls.map((c) => c.receivedAt - queuedAt));
  assert.equal(telegramCalls.length, chats.length);
  // Behind a single queue they would wait for the gateway's 20 s timeouts; the margin is for a loaded CI machine.
  assert.ok(slowest < 3_000, `slowest Telegram reply reached the platform after ${slowest} ms`);
  assert.ok([...(await statuses(sms.map((i) => i.key))).values()].every((s) => s.status === 'sending' || s.status === 'pending'), 'the gateway messages are still waiting');

  gatewayBehaviour = () => ({ status: 202, body: { id: 'gw' } });
  stub.releaseHanging(); // the hung requests fail (outcome unknown) and are sent again, to a gateway that answers now
  await until(async () => [...(await statuses(sms.map((i) => i.key))).values()].every((s) => s.status === 'sent'), 5_000, 'gateway replies after the hang');
  await sending.idle();
  sending.stop();
});

test('a channel slower than the slow-send limit is awaited, not sent twice, and does not hold up other conversations', async () => {
  telegramBehaviour = (call) => ({ ...ok(call), delayMs: 600 });
  const items = replies('telegram', 6, 2);
  const sending = worker(database.db, { slowSendMs: 100, lanes: { telegram: { concurrency: 2, perSecond: 0, deadlineMs: 3_600_000 } } });
  const firstCall = stub.calls.length;
  const started = Date.now();
  await createOutbox(database.db).enqueue(items);
  await sending.runOnce();
  const took = Date.now() - started;
  sending.stop();
  const texts = stub.calls.slice(firstCall).filter((c) => c.path.endsWith('/sendMessage')).map(textOf);
  assert.equal(texts.length, items.length, 'one request per reply');
  assert.equal(new Set(texts).size, items.length, 'no duplicates');
  assert.ok([...(await statuses(items.map((i) => i.key))).values()].every((s) => s.status === 'sent' && s.attempts === 1));
  // Two slots held for the whole 600 ms would need 6 rounds (3.6 s); freed slots let all six conversations go at once.
  assert.ok(took < 2_500, `took ${took} ms`);
  telegramBehaviour = ok;
});

test('past the request timeout the outcome is unknown: the gateway gets the same message id again and refuses it as a repeat (delivered once); Telegram is sent again (at least once)', async () => {
  const seen = new Set<string>();
  const delivered: string[] = [];
  gatewayBehaviour = (call) => {
    const { id } = JSON.parse(call.body) as { id?: string };
    if (id === undefined) return { status: 400, body: { message: 'this test expects an id' } };
    if (seen.has(id)) return { status: 409, body: { message: 'Message with the same ID already exists' } };
    seen.add(id);
    delivered.push(id);
    return { status: 202, body: { id }, delayMs: 500 }; // accepted, but the answer comes after our 200 ms timeout
  };
  let telegramFirst = true;
  telegramBehaviour = (call) => {
    const answer = { ...ok(call), ...(telegramFirst ? { delayMs: 500 } : {}) };
    telegramFirst = false;
    return answer;
  };
  const sms = replies('gateway', 3, 1);
  const chat = replies('telegram', 1, 1);
  const firstCall = stub.calls.length;
  await createOutbox(database.db).enqueue([...sms, ...chat]);
  const sending = worker(database.db, { slowSendMs: 5_000 }, { timeoutMs: 200 });
  for (let i = 0; i < 20 && (await createOutbox(database.db).pending(100)).length > 0; i++) {
    await sending.runOnce();
    await new Promise((r) => setTimeout(r, 30));
  }
  sending.stop();
  const smsCalls = stub.calls.slice(firstCall).filter((c) => c.path.endsWith('/message'));
  assert.equal(smsCalls.length, 6, 'each SMS was tried twice');
  assert.equal(delivered.length, 3, 'and handed to the phone once');
  const finished = await statuses([...sms, ...chat].map((i) => i.key));
  assert.ok([...finished.values()].every((s) => s.status === 'sent'), 'all marked sent, none dead-lettered');
  assert.equal(stub.calls.slice(firstCall).filter((c) => c.path.endsWith('/sendMessage')).length, 2, 'Telegram has no idempotency key: the resident gets it, here twice');
  telegramBehaviour = ok;
  gatewayBehaviour = () => ({ status: 202, body: { id: 'gw' } });
});

test('two instances over one database send each reply once and keep each conversation in order', async () => {
  telegramBehaviour = (call) => ({ ...ok(call), delayMs: 5 });
  const second = reopenDatabase(database.path);
  try {
    const items = replies('telegram', 10, 5);
    const firstCall = stub.calls.length;
    await createOutbox(database.db).enqueue(items);
    const a = worker(database.db, {});
    const b = worker(second, {});
    await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    await until(async () => (await createOutbox(database.db).pending(1)).length === 0, 15_000, 'the outbox to drain');
    await Promise.all([a.idle(), b.idle()]);
    a.stop();
    b.stop();
    const texts = stub.calls.slice(firstCall).filter((c) => c.path.endsWith('/sendMessage')).map(textOf);
    assert.equal(texts.length, items.length);
    assert.equal(new Set(texts).size, items.length, 'no reply sent by both');
    const lastTurn = new Map<string, number>();
    for (const text of texts) {
      const [chat, turn] = text.split('#') as [string, string];
      assert.equal(Number(turn), (lastTurn.get(chat) ?? -1) + 1, `chat ${chat} out of order`);
      lastTurn.set(chat, Number(turn));
    }
  } finally {
    await second.destroy();
    telegramBehaviour = ok;
  }
});

test('retries go on until the provider deadline (injected clock), then the reply is dead-lettered with the reason', async () => {
  telegramBehaviour = () => ({ status: 502, body: { ok: false, description: 'Bad Gateway' } });
  let clock = Date.now();
  const now = () => new Date(clock);
  const items = replies('telegram', 1, 2);
  await createOutbox(database.db, now).enqueue(items);
  const sending = worker(database.db, { maxDelayMs: 30 * 60_000, lanes: { telegram: { concurrency: 2, perSecond: 0, deadlineMs: 6 * 3_600_000 } } }, { now });
  // Five simulated hours of a platform that keeps failing: still waiting, the later reply never tried.
  for (let hour = 0; hour < 10; hour++) {
    await sending.runOnce();
    clock += 30 * 60_000;
  }
  let state = await statuses(items.map((i) => i.key));
  assert.equal(state.get(items[0]!.key)?.status, 'pending');
  assert.ok((state.get(items[0]!.key)?.attempts ?? 0) >= 10);
  assert.equal(state.get(items[1]!.key)?.attempts, 0, 'the later reply waits behind the earlier one');
  for (let i = 0; i < 6; i++) {
    clock += 30 * 60_000;
    await sending.runOnce();
  }
  sending.stop();
  state = await statuses(items.map((i) => i.key));
  assert.equal(state.get(items[0]!.key)?.status, 'dead');
  const dead = await database.db.selectFrom('outbox').select('last_error').where('idempotency_key', '=', items[0]!.key).executeTakeFirstOrThrow();
  assert.match(dead.last_error ?? '', /deadline|gave up/);
  telegramBehaviour = ok;
});

test('a long answer goes in multi-row INSERTs that each bind at most D1\'s 100 parameters', async () => {
  // The parameters of every statement the outbox sends, seen through Kysely's query log.
  const bound: number[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SQLite(':memory:') }),
    log: (event) => {
      if (/^\s*insert into "outbox"/i.test(event.query.sql)) bound.push(event.query.parameters.length);
    },
  });
  try {
    await migrateToLatest(db);
    const items = replies('telegram', 1, 30);
    assert.equal(await createOutbox(db).enqueue(items), 30);
    assert.ok(bound.length > 1, 'split over several statements');
    assert.deepEqual(bound.filter((n) => n > D1_MAX_BOUND_PARAMETERS), [], `parameters per INSERT: ${bound.join(', ')}`);
  } finally {
    await db.destroy();
  }
});
