import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { silentLogger } from '../adapters/http/logger.ts';
import { migrateToLatest } from '../adapters/storage/migrate.ts';
import { createTokenKeeper, type RefreshOutcome } from '../bot/channel-tokens.ts';
import { createTokenStore } from '../adapters/storage/token-store.ts';
import { temporaryDatabase } from './helpers.ts';

let database: ReturnType<typeof temporaryDatabase>;
before(async () => {
  database = temporaryDatabase();
  await migrateToLatest(database.db);
});
after(async () => database.cleanup());

/** A fake OAuth endpoint that spends each refresh token once, as Zalo does, and is slow to answer. */
function singleUseOAuth() {
  const spent = new Set<string>();
  let generation = 0;
  const calls: string[] = [];
  return {
    calls,
    refresh: async (refreshToken: string): Promise<RefreshOutcome> => {
      calls.push(refreshToken);
      await new Promise((r) => setTimeout(r, 40));
      if (spent.has(refreshToken)) return { ok: false, retryable: false, reason: 'refresh token already used' };
      spent.add(refreshToken);
      generation++;
      return { ok: true, accessToken: `access-${generation}`, refreshToken: `refresh-${generation}`, expiresInSeconds: 90_000 };
    },
  };
}

test('concurrent refreshes in one process spend the refresh token once', async () => {
  const store = createTokenStore(database.db);
  await store.seed('zalo-a', { accessToken: 'access-0', refreshToken: 'refresh-0', expiresAt: new Date(Date.now() + 86_400_000) });
  const oauth = singleUseOAuth();
  const keeper = createTokenKeeper({ store, channel: 'zalo-a', refresh: oauth.refresh, logger: silentLogger });
  const results = await Promise.all([keeper.forceRefresh(), keeper.forceRefresh(), keeper.forceRefresh()]);
  assert.deepEqual(results, [true, true, true]);
  assert.deepEqual(oauth.calls, ['refresh-0']);
  assert.equal(await keeper.accessToken(), 'access-1');
  assert.equal((await store.get('zalo-a'))?.refreshToken, 'refresh-1', 'the new pair was saved');
});

test('two instances sharing the database refresh once: the other waits for the saved pair', async () => {
  const store = createTokenStore(database.db);
  await store.seed('zalo-b', { accessToken: 'access-0', refreshToken: 'refresh-0', expiresAt: new Date(Date.now() + 86_400_000) });
  const oauth = singleUseOAuth();
  const first = createTokenKeeper({ store, channel: 'zalo-b', refresh: oauth.refresh, logger: silentLogger, waitStepMs: 10 });
  const second = createTokenKeeper({ store: createTokenStore(database.db), channel: 'zalo-b', refresh: oauth.refresh, logger: silentLogger, waitStepMs: 10 });
  const results = await Promise.all([first.forceRefresh(), second.forceRefresh()]);
  assert.deepEqual(results, [true, true]);
  assert.equal(oauth.calls.length, 1);
  assert.equal(await second.accessToken(), 'access-1');
});

test('a token close to expiry is refreshed before use; a failed refresh keeps the old pair and releases the lease', async () => {
  const store = createTokenStore(database.db);
  await store.seed('zalo-c', { accessToken: 'access-0', refreshToken: 'refresh-0', expiresAt: new Date(Date.now() + 60_000) });
  const oauth = singleUseOAuth();
  const keeper = createTokenKeeper({ store, channel: 'zalo-c', refresh: oauth.refresh, logger: silentLogger });
  assert.equal(await keeper.accessToken(), 'access-1');

  const failing = createTokenKeeper({ store, channel: 'zalo-c', refresh: async () => ({ ok: false, retryable: true, reason: 'HTTP 503' }), logger: silentLogger });
  assert.equal(await failing.forceRefresh(), false);
  assert.equal((await store.get('zalo-c'))?.refreshToken, 'refresh-1');
  assert.equal(await store.claimRefresh('zalo-c', 1000), true, 'the lease was released');
});
