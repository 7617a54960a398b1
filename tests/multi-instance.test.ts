/**
 * Two real server processes on one PostgreSQL database, requests spread over both, platform APIs on a loopback
 * stub, counted there: the same Telegram delivery posted to both is answered once; a load spread over both is
 * answered exactly once per message; a menu offered by one instance is answered by a digit sent to the other; a
 * knowledge-base publish reaches both within seconds; Zalo's single-use refresh token is spent once however many
 * instances need a new access token; a SIGKILL of one instance mid-load loses no acknowledged message, and only
 * sends in flight at the kill may go out twice (Telegram takes no idempotency key).
 *
 * PostgreSQL from TEST_DATABASE_URL (.ci/run) or a throwaway cluster of this file's own (tests/pg/cluster.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openPostgres } from '../adapters/storage/postgres.ts';
import { createKnowledgeStore } from '../adapters/storage/knowledge-store.ts';
import { createPublishing } from '../knowledge-base/publishing.ts';
import { createPublishingStore } from '../adapters/storage/publishing-store.ts';
import { requirePostgres } from './pg/cluster.ts';
import { createDatabase } from './pg/fresh-database.ts';
import { startStubPlatform, type StubPlatform } from './stub-platform.ts';
import { freePort, postTelegram, postZalo, sharedEnv, startInstance, stopInstance, telegramUpdate, waitForHealth, waitUntil, type Instance } from './multi-instance-rig.ts';

const postgres = await requirePostgres();

interface TelegramSend {
  /** Which instance sent it ('a' or 'b', from the API base each was given). */
  readonly by: string;
  readonly chat: string;
  readonly text: string;
  readonly buttons: boolean;
}

describe('two Node instances on one PostgreSQL', postgres.ok ? { timeout: 120_000 } : { skip: postgres.reason }, () => {
  let stub: StubPlatform;
  let databaseUrl = '';
  let dropDatabase = async (): Promise<void> => {};
  let a: Instance;
  let b: Instance;
  const refreshTokensSpent: string[] = [];
  const refreshedBy: string[] = [];
  const refusedTokenTo = new Set<string>();
  let issued = 0;
  const revokedAccess = new Set<string>();

  const telegramSends = (): TelegramSend[] =>
    stub.callsTo('/sendMessage').map((c) => {
      const body = JSON.parse(c.body) as { chat_id: string | number; text: string; reply_markup?: unknown };
      return { by: c.path.split('/')[1] ?? '', chat: String(body.chat_id), text: body.text, buttons: body.reply_markup !== undefined };
    });
  const sendsTo = (chat: number): TelegramSend[] => telegramSends().filter((s) => s.chat === String(chat));

  before(async () => {
    if (!postgres.ok) return;
    const started = Date.now();
    stub = await startStubPlatform({
      // A little latency, so sends are in flight while instances work and when one is killed.
      '/sendMessage': () => ({ body: { ok: true, result: { message_id: 1 } }, delayMs: 10 }),
      '/v3.0/oa/message/cs': (call) => {
        const token = String(call.headers.access_token ?? '');
        // Zalo's "access token invalid" (-216): both instances are told at once, both want a new token.
        if (revokedAccess.has(token)) {
          refusedTokenTo.add(call.path.split('/')[1] ?? '');
          return { body: { error: -216, message: 'Access token is invalid' } };
        }
        return { body: { error: 0, message: 'Success', data: { message_id: `z-${stub.callsTo('/v3.0/oa/message/cs').length}` } } };
      },
      '/v4/oa/access_token': (call) => {
        const spent = new URLSearchParams(call.body).get('refresh_token') ?? '';
        refreshTokensSpent.push(spent);
        refreshedBy.push(call.path.split('/')[1] ?? '');
        // Refresh tokens are single use: Zalo refuses one it has seen (error -14014 in its documentation).
        if (spent !== `refresh-${issued}`) return { status: 400, body: { error: -14014, error_description: 'Invalid refresh token' }, delayMs: 100 };
        issued++;
        return { body: { access_token: `access-${issued}`, refresh_token: `refresh-${issued}`, expires_in: '90000' }, delayMs: 100 };
      },
    });
    const created = await createDatabase(postgres.server.adminUrl, 'multi');
    databaseUrl = created.url;
    dropDatabase = created.drop;
    const env = sharedEnv(databaseUrl, stub.base);
    // Both at once on an empty database, as a rolling deployment might: migrations take PostgreSQL's advisory
    // lock (one instance migrates, the other waits), seeding and the first admin are idempotent writes.
    // Each instance reaches the stub under a path of its own, so the stub can tell who sent what.
    const via = (prefix: string) => ({ ...env, TELEGRAM_API_BASE: `${stub.base}/${prefix}`, ZALO_API_BASE: `${stub.base}/${prefix}`, ZALO_OAUTH_BASE: `${stub.base}/${prefix}` });
    a = startInstance('A', await freePort(), via('a'));
    b = startInstance('B', await freePort(), via('b'));
    await Promise.all([waitForHealth(a), waitForHealth(b)]);
    console.log(`# two instances up on an empty database in ${Date.now() - started} ms`);
  });

  after(async () => {
    if (!postgres.ok) return;
    await Promise.all([a, b].filter(Boolean).map((i) => stopInstance(i)));
    await stub?.close();
    await dropDatabase();
    await postgres.server.release();
  });

  test('the same Telegram delivery posted to both instances is answered once', async () => {
    const chat = 710_001;
    const update = telegramUpdate(chat, 'làm căn cước công dân ở đâu');
    const statuses = await Promise.all([postTelegram(a, update), postTelegram(b, update), postTelegram(b, update)].map(async (r) => (await r).status));
    assert.deepEqual(statuses, [200, 200, 200], 'every copy is acknowledged (a platform retry must not be refused)');
    await waitUntil('the reply', () => sendsTo(chat).length > 0, 10_000);
    await new Promise((r) => setTimeout(r, 1000)); // room for a second reply to show up
    const texts = sendsTo(chat).map((s) => s.text);
    assert.equal(new Set(texts).size, texts.length, `one reply per reply text, got ${texts.length}`);
  });

  test('conversation state moves between instances: a menu offered by A, its digit answered by B', async () => {
    const chat = 710_002;
    const control = 710_003;
    assert.equal((await postTelegram(a, telegramUpdate(chat, 'menu'))).status, 200);
    await waitUntil('the menu', () => sendsTo(chat).some((s) => s.buttons), 10_000);
    assert.equal((await postTelegram(b, telegramUpdate(chat, '2'))).status, 200);
    assert.equal((await postTelegram(a, telegramUpdate(control, '2'))).status, 200);
    await waitUntil('the answers to "2"', () => sendsTo(chat).length >= 2 && sendsTo(control).length >= 1, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    const picked = sendsTo(chat).slice(1).map((s) => s.text).join('\n');
    const withoutMenu = sendsTo(control).map((s) => s.text).join('\n');
    assert.match(picked, /cư trú|căn cước/i, `B answered the menu A offered: ${picked.slice(0, 200)}`);
    assert.notEqual(picked, withoutMenu, 'a bare "2" with no menu gets another answer');
  });

  test('a load spread over both instances: every message answered, no reply sent twice', async () => {
    const before = telegramSends().length;
    const questions = ['làm căn cước công dân ở đâu', 'đăng ký khai sinh cần giấy tờ gì', 'giờ làm việc bộ phận một cửa', 'xin chào'];
    const chats = Array.from({ length: 60 }, (_, i) => 720_000 + i);
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < chats.length) {
        const i = next++;
        const response = await postTelegram(i % 2 === 0 ? a : b, telegramUpdate(chats[i] as number, questions[i % questions.length] as string));
        assert.equal(response.status, 200);
      }
    }));
    const ms = await waitUntil('every chat answered', () => chats.every((c) => sendsTo(c).length > 0), 20_000);
    await new Promise((r) => setTimeout(r, 1000));
    for (const chat of chats) {
      const texts = sendsTo(chat).map((s) => s.text);
      assert.equal(new Set(texts).size, texts.length, `chat ${chat} got a reply twice`);
    }
    const senders = new Set(telegramSends().slice(before).map((s) => s.by));
    assert.deepEqual([...senders].sort(), ['a', 'b'], 'both instances sent replies');
    console.log(`# ${chats.length} messages over two instances: all answered ${ms} ms after the last 200, ${telegramSends().length - before} sends, none twice`);
  });

  test('Zalo: a refresh token is spent once although both instances need a new access token, twice', async () => {
    // The configured pair is stored as expiring within the refresh margin: the first send on each instance wants a new token.
    const users = Array.from({ length: 6 }, (_, i) => `zalo-user-${i}`);
    await Promise.all(users.map((u, i) => postZalo(i % 2 === 0 ? a : b, u, 'giờ làm việc bộ phận một cửa')));
    const recipients = () => new Set(stub.callsTo('/v3.0/oa/message/cs').filter((c) => c.headers.access_token !== undefined && !revokedAccess.has(String(c.headers.access_token))).map((c) => (JSON.parse(c.body) as { recipient: { user_id: string } }).recipient.user_id));
    await waitUntil('Zalo replies on both instances', () => users.every((u) => recipients().has(u)), 15_000);
    const sentBy = () => new Set(stub.callsTo('/v3.0/oa/message/cs').map((c) => c.path.split('/')[1]));
    assert.deepEqual([...sentBy()].sort(), ['a', 'b'], 'both instances sent to Zalo, so both needed the token');
    assert.deepEqual(refreshTokensSpent, ['refresh-0'], 'one refresh for both instances');

    // Zalo now refuses the access token both instances hold (revoked): each forces a refresh, one is made.
    revokedAccess.add('access-1');
    const more = Array.from({ length: 6 }, (_, i) => `zalo-user-b${i}`);
    await Promise.all(more.map((u, i) => postZalo(i % 2 === 0 ? a : b, u, 'giờ làm việc bộ phận một cửa')));
    await waitUntil('Zalo replies after the forced refresh', () => more.every((u) => recipients().has(u)), 20_000);
    assert.deepEqual([...refusedTokenTo].sort(), ['a', 'b'], 'Zalo refused the revoked token to both instances');
    assert.deepEqual(refreshTokensSpent, ['refresh-0', 'refresh-1'], 'each refresh token spent once, in chain order');
    console.log(`# Zalo refreshes: 2 (by ${refreshedBy.join(', ')}) for two instances that each needed a token twice`);
    const reader = openPostgres(databaseUrl, { maxConnections: 1 });
    try {
      const row = await reader.selectFrom('channel_tokens').select(['access_token', 'refresh_token']).where('channel', '=', 'zalo').executeTakeFirstOrThrow();
      assert.deepEqual(row, { access_token: 'access-2', refresh_token: 'refresh-2' }, 'the newest pair is the one stored');
    } finally {
      await reader.destroy();
    }
  });

  test('a knowledge-base publish is used by both instances within seconds (revision poll)', async () => {
    const db = openPostgres(databaseUrl, { maxConnections: 2 });
    const question = 'làm căn cước công dân ở đâu';
    const marker = `Nội dung xuất bản thử ${Date.now()}`;
    try {
      const publishing = createPublishing(createPublishingStore(db), { store: createKnowledgeStore(db) });
      const current = await publishing.draftOf('can-cuoc');
      assert.ok(current, 'the seeded entry can-cuoc exists');
      // A new phrasing too: the matcher is retrained, in each instance's training thread (train-worker.js of the build).
      const saved = await publishing.saveDraft({ ...current, answer: `${marker}: làm tại Công an xã/phường.`, examples: [...current.examples, `mẫu câu mới ${Date.now()} về thẻ căn cước`] }, 'editor');
      assert.equal(saved.kind, 'saved', JSON.stringify(saved));
      // The staff page publishes with this same call (admin/routes/knowledge-routes.tsx); here a third process
      // (an admin's instance) does, so neither A nor B is told directly: both must find the new revision.
      const started = Date.now();
      await publishing.publish('editor');
      let probe = 730_000;
      const answeredWithMarker = async (instance: Instance): Promise<boolean> => {
        const chat = ++probe;
        await postTelegram(instance, telegramUpdate(chat, question));
        await waitUntil('a probe reply', () => sendsTo(chat).length > 0, 10_000, 20);
        return sendsTo(chat).some((s) => s.text.includes(marker));
      };
      const seen = await Promise.all([a, b].map(async (instance) => {
        await waitUntil(`${instance.name} answering from the new revision`, () => answeredWithMarker(instance), 15_000, 200);
        return Date.now() - started;
      }));
      console.log(`# publish reached A after ${seen[0]} ms and B after ${seen[1]} ms (KB_REVISION_POLL_MS=1000, matcher rebuild included)`);
      for (const instance of [a, b]) {
        const log = instance.output.join('');
        assert.match(log, /"event":"knowledge\.trained-in-thread"/, `${instance.name} trained in its thread`);
        assert.doesNotMatch(log, /train-thread-failed/, `${instance.name} did not fall back to training in process`);
      }
    } finally {
      await db.destroy();
    }
  });

  test('SIGKILL of one instance mid-load: every acknowledged message answered; duplicates only for sends in flight', async () => {
    const chats = Array.from({ length: 120 }, (_, i) => 740_000 + i);
    const acknowledged: number[] = [];
    const killAt = chats.length / 2;
    let killed = false;
    let inFlight: Array<{ user_id: string; payload_json: string }> = [];
    const reader = openPostgres(databaseUrl, { maxConnections: 1 });
    try {
      let next = 0;
      await Promise.all(Array.from({ length: 8 }, async () => {
        while (next < chats.length) {
          const i = next++;
          const chat = chats[i] as number;
          const update = telegramUpdate(chat, i % 2 === 0 ? 'làm căn cước công dân ở đâu' : 'giờ làm việc bộ phận một cửa');
          // Spread over both; when B is gone the load balancer sends the same delivery to A (the platform would
          // retry it anyway: it was not acknowledged).
          for (const target of i % 2 === 1 && !killed ? [b, a] : [a]) {
            try {
              const response = await postTelegram(target, update);
              await response.text();
              if (response.status === 200) {
                acknowledged.push(chat);
                break;
              }
            } catch {
              // B died with the connection open: try A
            }
          }
          if (acknowledged.length >= killAt && !killed) {
            killed = true;
            b.child.kill('SIGKILL');
            await b.exited;
            // What the dead process (and A, at that instant) had handed to Telegram without a recorded outcome.
            inFlight = await reader.selectFrom('outbox').select(['user_id', 'payload_json']).where('status', '=', 'sending').where('provider', '=', 'telegram').execute();
          }
        }
      }));
      assert.ok(killed, 'the load reached the kill point');
      const unfinished = async () => {
        const row = await reader.selectNoFrom((eb) => [
          eb.selectFrom('outbox').select((o) => o.fn.countAll<number>().as('n')).where('status', 'in', ['pending', 'sending']).as('outbox'),
          eb.selectFrom('inbox').select((i) => i.fn.countAll<number>().as('n')).where('handled_at', 'is', null).as('inbox'),
        ]).executeTakeFirstOrThrow();
        return Number(row.outbox) + Number(row.inbox);
      };
      const recoveredMs = await waitUntil('A to finish what B left', async () => (await unfinished()) === 0 && acknowledged.every((c) => sendsTo(c).length > 0), 25_000, 100);
      await new Promise((r) => setTimeout(r, 500));
      const dead = await reader.selectFrom('outbox').select((o) => o.fn.countAll<number>().as('n')).where('status', '=', 'dead').executeTakeFirstOrThrow();
      assert.equal(Number(dead.n), 0, 'nothing dead-lettered');
      for (const chat of acknowledged) assert.ok(sendsTo(chat).length > 0, `acknowledged message of chat ${chat} was never answered`);

      const mayRepeat = new Set(inFlight.map((r) => `${r.user_id}|${(JSON.parse(r.payload_json) as { body: { text: string } }).body.text}`));
      const count = new Map<string, number>();
      for (const s of telegramSends().filter((s) => Number(s.chat) >= 740_000)) count.set(`${s.chat}|${s.text}`, (count.get(`${s.chat}|${s.text}`) ?? 0) + 1);
      const twice = [...count].filter(([, n]) => n > 1);
      const finishedByA = telegramSends().filter((s) => Number(s.chat) >= 740_000 && s.by === 'a').length;
      for (const [key, n] of twice) assert.ok(mayRepeat.has(key) && n === 2, `a reply went out ${n} times though it was not in flight at the kill: ${key}`);
      assert.ok(twice.length <= inFlight.length, 'duplicates bounded by the sends in flight at the kill');
      console.log(`# SIGKILL of B after ${acknowledged.length >= killAt ? killAt : acknowledged.length} acknowledged: ${acknowledged.length} of ${chats.length} acknowledged in all, ${inFlight.length} Telegram sends in flight at the kill, ${twice.length} sent twice, all done ${recoveredMs} ms after the load (${finishedByA} of the sends by A)`);
    } finally {
      await reader.destroy();
    }
  });
});
