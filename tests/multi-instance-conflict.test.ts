import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../adapters/http/app.ts';
import { silentLogger } from '../adapters/http/logger.ts';
import { ConversationConflictError } from '../bot/conversation-store.ts';
import type { Bot } from '../bot/handle.ts';

/**
 * With several instances, a web chat turn can find its conversation saved by another instance twice running
 * (bot/handle.ts gives up rather than overwrite). The page must hear "try again", not "server broken".
 */
test('a conversation conflict on /api/chat is a 503 with Retry-After and a reason, not a 500', async () => {
  const bot = { handle: async () => { throw new ConversationConflictError('c_busy'); } } as unknown as Bot;
  const app = createApp({ bot, logger: silentLogger, now: () => new Date(), title: 'Thử', health: () => ({}) });
  const response = await app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'w'.repeat(24), text: 'xin chào' }) });
  assert.equal(response.status, 503);
  assert.equal(response.headers.get('retry-after'), '1');
  const body = (await response.json()) as { error: string };
  assert.match(body.error, /send it again/);
  assert.doesNotMatch(body.error, /c_busy/, 'no internal id in the answer');
});

test('other unexpected errors are still a 500', async () => {
  const bot = { handle: async () => { throw new Error('boom'); } } as unknown as Bot;
  const app = createApp({ bot, logger: silentLogger, now: () => new Date(), title: 'Thử', health: () => ({}) });
  const response = await app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'w'.repeat(24), text: 'xin chào' }) });
  assert.equal(response.status, 500);
});
