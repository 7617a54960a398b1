import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../adapters/http/app.ts';
import type { Logger } from '../bot/ports/logger.ts';
import { assemble } from '../adapters/runtime/assemble.ts';
import type { Bot } from '../bot/handle.ts';
import { TEST_SITE, temporaryDatabase } from './helpers.ts';
import { startStubPlatform } from './stub-platform.ts';

/**
 * A message whose handler fails every time (poison) is retried each time its lease runs out, INBOX_MAX_ATTEMPTS
 * times in all, then given up: the resident gets an apology with the hotline through the outbox, staff see it
 * in the log (no content) and in GET /api/staff/inbox?status=failed, and nothing retries it again.
 */
test('a message that crashes its handler every time is given up after INBOX_MAX_ATTEMPTS with an apology, logged and listed for staff', async () => {
  const stub = await startStubPlatform({ '/sendMessage': () => ({ body: { ok: true, result: { message_id: 1 } } }) });
  const database = temporaryDatabase();
  const lines: Array<{ event: string; fields: Record<string, unknown> }> = [];
  const logger: Logger = { info: (event, fields = {}) => lines.push({ event, fields }), error: (event, fields = {}) => lines.push({ event, fields }) };
  const site = { ...TEST_SITE, hotline: '1900 1234' };
  const product = await assemble(database.db, site, {
    logger,
    env: { TELEGRAM_BOT_TOKEN: '1:poison', TELEGRAM_WEBHOOK_SECRET: 'poison-secret', TELEGRAM_API_BASE: stub.base, INBOX_LEASE_MS: '150', INBOX_MAX_ATTEMPTS: '3' },
  });
  try {
    const bot = product.bot as { handle: Bot['handle'] };
    const real = bot.handle;
    let crashes = 0;
    bot.handle = async (message) => {
      if (message.kind === 'text' && message.text.includes('độc')) {
        crashes++;
        throw new TypeError('handler bug');
      }
      return real(message);
    };
    const adapter = product.channels.get('telegram');
    assert.ok(adapter);
    const post = (updateId: number, chat: number, text: string) =>
      product.pipeline.receive('telegram', adapter, {
        method: 'POST',
        url: '/webhooks/telegram',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'poison-secret' },
        body: JSON.stringify({ update_id: updateId, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'A' }, text } }),
      });

    assert.equal((await post(1, 77, 'tin nhắn độc hại')).status, 200);
    assert.equal((await post(2, 88, 'xin chào')).status, 200, 'another resident writes meanwhile');
    await product.settled();
    assert.equal(crashes, 1, 'the accepting process tried once');

    // Each pass finds the lease (150 ms) run out and tries again; the third pass gives up instead of a fourth try.
    for (let pass = 0; pass < 4; pass++) {
      await new Promise((resolve) => setTimeout(resolve, 160));
      await product.pipeline.recover(product.channels);
    }
    assert.equal(crashes, 3, 'tried INBOX_MAX_ATTEMPTS times, then never again');
    assert.equal(await product.inbox.backlog(), 0, 'nothing left to retry');
    await product.worker.runOnce();

    const sent = stub.callsTo('/sendMessage').map((call) => JSON.parse(call.body) as { chat_id: number | string; text: string });
    const toPoisoner = sent.filter((m) => String(m.chat_id) === '77');
    assert.equal(toPoisoner.length, 1, 'one apology, once');
    assert.match(toPoisoner[0]!.text, /Xin lỗi/);
    assert.match(toPoisoner[0]!.text, /1900 1234/, 'with the hotline');
    assert.ok(sent.some((m) => String(m.chat_id) === '88'), 'the other resident was answered');

    const gaveUp = lines.filter((l) => l.event === 'webhook.gave-up');
    assert.equal(gaveUp.length, 1);
    assert.equal(gaveUp[0]!.fields.attempts, 3);
    assert.ok(!JSON.stringify(lines).includes('độc'), 'no message text in any log line');

    const failed = await product.inbox.failed();
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.attempts, 3);
    assert.equal(failed[0]!.conversationId, await product.conversations.idFor('telegram', '77'));

    const app = createApp({
      bot: product.bot, logger, now: () => new Date(), title: 't', health: () => ({}), channels: product.channels, pipeline: product.pipeline,
      staff: { token: 'staff-token', outbox: product.outbox, inbox: product.inbox },
    });
    const response = await app.request('/api/staff/inbox?status=failed', { headers: { authorization: 'Bearer staff-token' } });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { items: Array<{ provider: string; conversationId: string; attempts: number; failedAt: string }> };
    assert.equal(body.items.length, 1);
    assert.equal(body.items[0]!.provider, 'telegram');
    assert.equal(body.items[0]!.attempts, 3);
    assert.ok(!JSON.stringify(body).includes('độc'), 'staff list carries no content');
    const apology = (await product.outbox.list('sent')).filter((item) => item.key.includes(':failed:'));
    assert.equal(apology.length, 1, 'the apology is in the outbox like any reply');
  } finally {
    product.worker.stop();
    await product.settled();
    await database.cleanup();
    await stub.close();
  }
});
