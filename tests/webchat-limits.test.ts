import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getConnInfo } from '@hono/node-server/conninfo';
import { clientAddressFrom } from '../adapters/http/client-address.ts';
import { createRateLimiter } from '../adapters/storage/rate-limit-store.ts';
import type { Reply } from '../bot/types.ts';
import { assembledProduct, startServer } from './helpers.ts';
import { pageId } from './webchat-rig.ts';

let product: Awaited<ReturnType<typeof assembledProduct>>;
const servers: Array<{ close: () => Promise<void> }> = [];
let clock = new Date('2026-03-02T08:00:00Z');

before(async () => {
  product = await assembledProduct();
});
after(async () => {
  for (const server of servers) await server.close();
  await product.cleanup();
});

/** The web chat on loopback with small limits and a clock the test moves; windows start clean per test. */
async function serve(options: { perClient: number; perAddress: number; trustedHeader?: string }) {
  clock = new Date(clock.getTime() + 10 * 60_000);
  const now = () => clock;
  const server = await startServer(product.bot, {
    webchat: {
      ...product.webchat,
      limits: {
        perClient: createRateLimiter(product.db, { limit: options.perClient, windowMs: 60_000 }, now),
        perAddress: createRateLimiter(product.db, { limit: options.perAddress, windowMs: 60_000 }, now),
        windowSeconds: 60,
      },
    },
    clientAddress: clientAddressFrom((c) => getConnInfo(c).remote.address, options.trustedHeader),
  });
  servers.push(server);
  return async (userId: string, text: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ userId, text }) });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { replies?: Reply[]; error?: string } };
  };
}

test('one client over its limit gets the polite notice once, then 429s with a reason, until the window passes', async () => {
  const say = await serve({ perClient: 3, perAddress: 100 });
  const id = pageId();
  for (let i = 0; i < 3; i++) assert.equal((await say(id, `câu hỏi số ${i}`)).status, 200);

  const notice = await say(id, 'câu hỏi số 4');
  assert.equal(notice.status, 429);
  assert.equal(notice.retryAfter, '60');
  assert.match(notice.body.error ?? '', /too many messages/);
  assert.match(notice.body.replies?.[0]?.text ?? '', /nhiều tin nhắn liên tiếp/, 'the same polite notice as the webhooks');

  const silent = await say(id, 'câu hỏi số 5');
  assert.equal(silent.status, 429);
  assert.match(silent.body.error ?? '', /wait 60 seconds/);
  assert.equal(silent.body.replies, undefined, 'one notice per window, then silence');

  const other = await say(pageId(), 'xin chào');
  assert.equal(other.status, 200, 'another resident is not affected');

  clock = new Date(clock.getTime() + 61_000);
  assert.equal((await say(id, 'làm căn cước ở đâu')).status, 200, 'answered again once the window has passed');

  const conversation = await product.conversations.load('webchat', id);
  const asked = (await product.conversations.transcript(conversation.id)).filter((m) => m.direction === 'in').map((m) => m.text);
  assert.deepEqual(asked, ['câu hỏi số 0', 'câu hỏi số 1', 'câu hỏi số 2', 'làm căn cước ở đâu'], 'refused messages never reach the bot');
});

test('a new id for every message still meets the limit of its address', async () => {
  const say = await serve({ perClient: 3, perAddress: 5 });
  for (let i = 0; i < 5; i++) assert.equal((await say(pageId(), 'xin chào')).status, 200, `message ${i + 1}`);
  const notice = await say(pageId(), 'xin chào');
  assert.equal(notice.status, 429);
  assert.ok((notice.body.replies ?? []).length > 0);
  const silent = await say(pageId(), 'xin chào');
  assert.equal(silent.status, 429);
  assert.equal(silent.body.replies, undefined);
});

test('a forwarded address counts only when its header is configured as trusted', async () => {
  const untrusted = await serve({ perClient: 10, perAddress: 2 });
  // Anyone can send X-Forwarded-For: without the setting, a made-up value picks no fresh bucket.
  for (const [i, forwarded] of ['203.0.113.1', '203.0.113.2'].entries()) assert.equal((await untrusted(pageId(), 'a', { 'x-forwarded-for': forwarded })).status, 200, `${i}`);
  assert.equal((await untrusted(pageId(), 'a', { 'x-forwarded-for': '203.0.113.3' })).status, 429);

  const trusted = await serve({ perClient: 10, perAddress: 2, trustedHeader: 'X-Forwarded-For' });
  const behindProxy = (address: string) => trusted(pageId(), 'a', { 'x-forwarded-for': `10.9.9.9, ${address}` });
  assert.equal((await behindProxy('198.51.100.7')).status, 200);
  assert.equal((await behindProxy('198.51.100.7')).status, 200);
  assert.equal((await behindProxy('198.51.100.7')).status, 429, 'the address the proxy saw is limited');
  assert.equal((await behindProxy('198.51.100.8')).status, 200, 'a different resident behind the same proxy is not');
});

test('reading the history back has its own budget per address', async () => {
  clock = new Date(clock.getTime() + 10 * 60_000);
  const now = () => clock;
  const server = await startServer(product.bot, {
    webchat: { ...product.webchat, limits: { perClient: createRateLimiter(product.db, { limit: 3, windowMs: 60_000 }, now), perAddress: createRateLimiter(product.db, { limit: 2, windowMs: 60_000 }, now), windowSeconds: 60 } },
    clientAddress: (c) => getConnInfo(c).remote.address,
  });
  servers.push(server);
  const read = async () => (await fetch(`${server.base}/api/chat/history?userId=${pageId()}`)).status;
  assert.deepEqual([await read(), await read(), await read()], [200, 200, 429]);
  const poll = await fetch(`${server.base}/api/chat/updates?userId=${pageId()}&after=0`);
  assert.equal(poll.status, 200, 'polling for updates is a cheap read and is not counted');
});
