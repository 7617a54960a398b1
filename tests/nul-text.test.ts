/**
 * A NUL character in a resident's message is answered, never a 500, on SQLite and PostgreSQL (which refuses NUL
 * in text): through a Telegram webhook handled in the background, and through POST /api/chat.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createApp } from '../adapters/http/app.ts';
import { silentLogger } from '../adapters/http/logger.ts';
import { assemble, type Assembly } from '../adapters/runtime/assemble.ts';
import type { FreshStore, StoreHarness } from './contract/harness.ts';
import { TEST_SITE } from './helpers.ts';
import { requirePostgres } from './pg/cluster.ts';
import { describeOnStores } from './pg/describe-stores.ts';

const postgres = await requirePostgres();
const SECRET = 'nul-test-secret';

function nulSuite(harness: () => StoreHarness): void {
  let store: FreshStore;
  let assembly: Assembly;
  let app: ReturnType<typeof createApp>;
  const sent: string[] = [];
  before(async () => {
    store = await harness().fresh();
    const fetchStub = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
      sent.push(String(init?.body ?? ''));
      return Response.json({ ok: true, result: { message_id: sent.length, chat: { id: 5001 } } });
    };
    assembly = await assemble(store.db, TEST_SITE, {
      env: { TELEGRAM_BOT_TOKEN: '123456:TEST-token', TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_BASE: 'http://telegram.invalid' },
      fetch: fetchStub as typeof fetch,
    });
    app = createApp({
      bot: assembly.bot,
      logger: silentLogger,
      now: () => new Date(),
      title: 'Trợ lý',
      health: () => ({}),
      channels: assembly.channels,
      pipeline: assembly.pipeline,
      webchat: assembly.webchat,
      clientAddress: () => '127.0.0.1',
    });
  });

  test('a Telegram message with NUL characters is accepted, handled and answered', async () => {
    const update = { update_id: 90001, message: { message_id: 11, date: Math.floor(Date.now() / 1000), chat: { id: 5001, type: 'private' }, from: { id: 5001, is_bot: false, first_name: 'A' }, text: 'lam can\u0000 cuoc o dau\u0000' } };
    const response = await app.request('/webhooks/telegram', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update),
    });
    assert.equal(response.status, 200);
    await assembly.settled();
    const inbox = await store.db.selectFrom('inbox').select(['message_id', 'handled_at']).execute();
    assert.equal(inbox.length, 1, JSON.stringify(inbox));
    assert.notEqual(inbox[0]!.handled_at, null, 'handled');
    const logged = await store.db.selectFrom('message_log').select('text').where('direction', '=', 'in').execute();
    assert.ok(logged.some((r) => r.text === 'lam can cuoc o dau'), JSON.stringify(logged));
    const replies = await store.db.selectFrom('outbox').select('status').execute();
    assert.ok(replies.length > 0 && replies.every((r) => r.status === 'sent'), JSON.stringify(replies));
    assert.ok(sent.some((body) => /c[aă]n c[ưu][ớo]c/i.test(body)), 'the answer went out');
  });

  test('POST /api/chat with a NUL character answers 200', async () => {
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'web-nul-1234567890', text: 'đăng ký khai sinh\u0000 ở đâu' }),
    });
    assert.equal(response.status, 200, await response.clone().text());
    const body = (await response.json()) as { replies: Array<{ text: string }> };
    assert.ok(body.replies.length > 0);
  });
}

describeOnStores('NUL characters', postgres, nulSuite);
