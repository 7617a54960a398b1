import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../adapters/http/app.ts';
import { databaseHealth } from '../adapters/http/health-database.ts';
import { silentLogger } from '../adapters/http/logger.ts';
import { createProcessMetrics } from '../adapters/http/metrics.ts';
import { outboxGauges } from '../adapters/http/metrics-database.ts';
import { formatFamilies } from '../adapters/http/metrics-format.ts';
import { assembledProduct, textMessage } from './helpers.ts';

/** /healthz checks and fails with the failing check; /metrics speaks the Prometheus text format and is protected. */

let product: Awaited<ReturnType<typeof assembledProduct>>;
before(async () => {
  product = await assembledProduct();
});
after(async () => product.cleanup());

function appWith(options: { token?: string; address?: string; checks?: ReturnType<typeof databaseHealth> }) {
  const metrics = createProcessMetrics();
  return {
    metrics,
    app: createApp({
      bot: product.bot, logger: silentLogger, now: () => new Date(), title: 'Trợ lý', health: () => ({ entries: 3 }),
      clientAddress: () => options.address ?? '127.0.0.1',
      checks: options.checks ?? databaseHealth(product.db, () => true),
      metrics: { process: metrics, families: async () => [...metrics.families(), ...(await outboxGauges(product.db)())], ...(options.token ? { token: options.token } : {}) },
    }),
  };
}

test('/healthz: 200 with each check when healthy; 503 naming a pending migration, a dead database or no matcher', async () => {
  const healthy = await appWith({}).app.request('/healthz');
  assert.equal(healthy.status, 200);
  assert.deepEqual(await healthy.json(), { ok: true, checks: { database: 'ok', migrations: 'current', matcher: 'loaded' }, entries: 3 });

  await sql`delete from kysely_migration where name = '0013-handoffs'`.execute(product.db);
  const behind = await appWith({}).app.request('/healthz');
  assert.equal(behind.status, 503);
  assert.equal(((await behind.json()) as { checks: { migrations: string } }).checks.migrations, 'pending: 0013-handoffs');
  await sql`insert into kysely_migration (name, timestamp) values ('0013-handoffs', ${new Date().toISOString()})`.execute(product.db);

  const down = appWith({ checks: { database: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED db.internal:5432 user=secret'), { name: 'ConnectionError' })), pendingMigrations: async () => [], matcherLoaded: () => true } });
  const failed = await down.app.request('/healthz');
  assert.equal(failed.status, 503);
  const body = JSON.stringify(await failed.json());
  assert.match(body, /"database":"failed \(ConnectionError\)"/);
  assert.doesNotMatch(body, /secret|db\.internal/);

  const unloaded = await appWith({ checks: { ...databaseHealth(product.db, () => false) } }).app.request('/healthz');
  assert.equal(unloaded.status, 503);
});

test('/metrics: loopback only without a token; bearer METRICS_TOKEN when set', async () => {
  assert.equal((await appWith({ address: '10.1.2.3' }).app.request('/metrics')).status, 403);
  assert.equal((await appWith({ address: '::ffff:127.0.0.1' }).app.request('/metrics')).status, 200);
  const guarded = appWith({ token: 'scrape-me', address: '10.1.2.3' }).app;
  assert.equal((await guarded.request('/metrics')).status, 401);
  assert.equal((await guarded.request('/metrics', { headers: { authorization: 'Bearer wrong' } })).status, 401);
  assert.equal((await guarded.request('/metrics', { headers: { authorization: 'Bearer scrape-me' } })).status, 200);
});

test('/metrics: messages, decisions, outbox depth and age, dead letters, refusals and latency buckets', async () => {
  const { app, metrics } = appWith({});
  // The bot's hook: a message and its decision (the assembled bot has no metrics; count through the port).
  metrics.bot.message('webchat');
  metrics.bot.decision('answer');
  metrics.bot.decision('clarify');
  metrics.webhook('telegram', 200, 0.003);
  metrics.webhook('telegram', 403, 0.2);
  const old = new Date(Date.now() - 120_000).toISOString();
  const row = (id: string, status: string, provider: string, lastError: string | null) => ({
    id, idempotency_key: id, conversation_id: 'c1', provider, user_id: 'u', reply_to: null, payload_json: '{}', status, attempts: 1,
    next_attempt_at: old, last_error: lastError, provider_message_id: null, created_at: old, updated_at: old, claimed_until: null,
  });
  await product.db.insertInto('outbox').values([
    row('m1', 'pending', 'telegram', null),
    row('m2', 'sending', 'zalo', null),
    row('m3', 'dead', 'zalo', 'outside the 48-hour reply window: the resident has not written since ever'),
    row('m4', 'dead', 'gateway', 'HTTP 400: bad number'),
  ]).execute();
  const response = await app.request('/metrics');
  assert.equal(response.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
  const text = await response.text();
  for (const line of [
    'assistant_messages_total{channel="webchat"} 1',
    'assistant_decisions_total{outcome="answer"} 1',
    'assistant_decisions_total{outcome="catalogue"} 0',
    'assistant_webhook_refusals_total{provider="telegram",status="403"} 1',
    'assistant_webhook_duration_seconds_bucket{provider="telegram",le="0.005"} 1',
    'assistant_webhook_duration_seconds_bucket{provider="telegram",le="0.25"} 2',
    'assistant_webhook_duration_seconds_bucket{provider="telegram",le="+Inf"} 2',
    'assistant_webhook_duration_seconds_count{provider="telegram"} 2',
    'assistant_outbox_depth{status="pending",provider="telegram"} 1',
    'assistant_outbox_depth{status="sending",provider="zalo"} 1',
    'assistant_outbox_dead_letters{provider="zalo",reason="reply-window"} 1',
    'assistant_outbox_dead_letters{provider="gateway",reason="refused"} 1',
  ]) assert.ok(text.split('\n').includes(line), `missing: ${line}\n${text}`);
  const age = Number(/^assistant_outbox_oldest_pending_age_seconds (\S+)$/m.exec(text)?.[1]);
  assert.ok(age >= 119 && age < 200, String(age));
  // Every sample line is name{labels} value; every family has HELP and TYPE.
  for (const line of text.trimEnd().split('\n')) assert.match(line, /^(# (HELP|TYPE) [a-z_]+ .+|[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? [-+0-9.eInfNa]+)$/, line);
  await product.db.deleteFrom('outbox').execute();
});

test('the bot counts messages and decisions through its port', async () => {
  const metrics = createProcessMetrics();
  const { createBot } = await import('../bot/handle.ts');
  const bot = createBot({
    understanding: product.understanding.current, conversations: product.conversations, unanswered: product.unanswered, site: product.site,
    reports: { start: async () => ({ replies: [] }), continue: async () => ({ replies: [] }), remind: async () => ({ replies: [] }), lookUp: async () => ({ replies: [] }), attachmentOnly: async () => ({ replies: [] }), hasCode: () => false, asksForOwnReports: () => false, isActive: () => false, isStale: () => false } as never,
    catalogue: product.scope.current, metrics: metrics.bot,
  });
  await bot.handle(textMessage('làm căn cước ở đâu', 'metrics-1'));
  await bot.handle(textMessage('qwertyuiop asdfgh', 'metrics-2'));
  const text = formatFamilies(metrics.families());
  assert.match(text, /assistant_messages_total\{channel="webchat"\} 2/);
  assert.match(text, /assistant_decisions_total\{outcome="answer"\} 1/);
  assert.match(text, /assistant_decisions_total\{outcome="(not-understood|out-of-scope)"\} 1/);
});

test('label values are escaped', () => {
  const text = formatFamilies([{ name: 'x_total', help: 'a\\b\nc', type: 'counter', samples: [{ labels: { v: 'q"\\\n' }, value: 1 }] }]);
  assert.equal(text, '# HELP x_total a\\\\b\\nc\n# TYPE x_total counter\nx_total{v="q\\"\\\\\\n"} 1\n');
});
