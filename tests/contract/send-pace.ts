import assert from 'node:assert/strict';
import { test } from 'node:test';
import { silentLogger } from '../../adapters/http/logger.ts';
import { deliveryFromEnv } from '../../adapters/runtime/delivery-from-env.ts';
import { sendPacesFor } from '../../adapters/runtime/send-paces.ts';
import { sharedSendPaces } from '../../adapters/storage/send-pace-store.ts';
import type { SendPace } from '../../bot/send-pace.ts';
import type { StoreHarness } from './harness.ts';

const PER_SECOND = 20;
const INTERVAL_MS = 1000 / PER_SECOND;
// A timer may fire a millisecond early (Node rounds), and the statement's clock is read a moment before the sleep.
const EARLY_MS = 5;

/** When each of `count` takes fired at once on `pace` resolves, in milliseconds after `start`. */
async function takeTimes(pace: SendPace, count: number, start: number): Promise<number[]> {
  return Promise.all(Array.from({ length: count }, async () => {
    await pace.take();
    return Date.now() - start;
  }));
}

/**
 * The send pace shared through the database (adapters/storage/send-pace-store.ts): two instances sending for one bot
 * spend one budget. Timing assertions are lower bounds (a send never goes before its slot), which a slow machine
 * cannot break; the few upper bounds are far from what is measured.
 */
export function sendPaceContract(harness: () => StoreHarness): void {
  test('two instances at 20/s share one budget: one send every 50 ms across both, never more than 20 in a second', async () => {
    const store = await harness().fresh();
    const one = sharedSendPaces(store.db, silentLogger)('telegram', PER_SECOND);
    const two = sharedSendPaces(store.another(), silentLogger)('telegram', PER_SECOND);
    const start = Date.now();
    const times = (await Promise.all([takeTimes(one, 20, start), takeTimes(two, 20, start)])).flat().sort((a, b) => a - b);
    // A pace each would have sent 40 in one second; sharing one, send i goes no earlier than i intervals in (so no
    // second from the start holds more than 20), and the 40th about two seconds in.
    for (let i = 0; i < times.length; i++) {
      const earliest = i * INTERVAL_MS;
      assert.ok(times[i]! >= earliest - EARLY_MS, `send ${i + 1} went at ${times[i]} ms, before its slot at ${earliest} ms`);
    }
    assert.ok(times.at(-1)! < 6000, `the 40th send waited ${times.at(-1)} ms`);
  });

  test('after an idle spell the first send goes at once and the next waits its interval (no burst)', async () => {
    const store = await harness().fresh();
    const pace = sharedSendPaces(store.db, silentLogger)('zalo', PER_SECOND);
    await pace.take();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const start = Date.now();
    await pace.take();
    const first = Date.now() - start;
    await pace.take();
    const second = Date.now() - start;
    assert.ok(first < INTERVAL_MS, `the first send after 300 ms idle waited ${first} ms`);
    assert.ok(second >= INTERVAL_MS - EARLY_MS, `the next went ${second} ms after, inside its interval`);
  });

  test('a platform\'s pause heard by one instance holds back the other\'s sends', async () => {
    const store = await harness().fresh();
    const one = sharedSendPaces(store.db, silentLogger)('telegram', PER_SECOND);
    const two = sharedSendPaces(store.another(), silentLogger)('telegram', PER_SECOND);
    await one.take();
    const paused = Date.now();
    await one.pauseFor(400);
    await two.take();
    assert.ok(Date.now() - paused >= 400 - EARLY_MS, `the other instance sent ${Date.now() - paused} ms into a 400 ms pause`);
  });

  test('a send already waiting for its slot when its own instance hears a pause waits the pause out', async () => {
    const store = await harness().fresh();
    const pace = sharedSendPaces(store.db, silentLogger)('gateway', 4);
    for (let i = 0; i < 4; i++) await pace.take();
    // The fifth send's slot is 250 ms away; a 400 ms pause comes in 50 ms later. Without the pause it would go at 250.
    const start = Date.now();
    const waiting = pace.take().then(() => Date.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pace.pauseFor(400);
    const went = await waiting;
    assert.ok(went >= 450 - EARLY_MS, `it went ${went} ms after it asked, inside the pause`);
  });

  test('providers are paced apart: one paused does not hold back another', async () => {
    const store = await harness().fresh();
    const paces = sharedSendPaces(store.db, silentLogger);
    const telegram = paces('telegram', PER_SECOND);
    await telegram.take();
    await telegram.pauseFor(3000);
    const start = Date.now();
    const zalo = await takeTimes(paces('zalo', PER_SECOND), PER_SECOND, start);
    assert.ok(Math.max(...zalo) < 2000, `zalo waited ${Math.max(...zalo)} ms behind telegram's pause`);
    const rows = await store.db.selectFrom('send_pace').select(['provider', 'next_at']).orderBy('provider').execute();
    assert.deepEqual(rows.map((r) => r.provider), ['telegram', 'zalo']);
  });

  test('no limit (0 a second) touches no row', async () => {
    const store = await harness().fresh();
    const pace = sharedSendPaces(store.db, silentLogger)('webchat', 0);
    for (let i = 0; i < 50; i++) await pace.take();
    assert.deepEqual(await store.db.selectFrom('send_pace').selectAll().execute(), []);
  });

  test('the runtime paces in the database on PostgreSQL and D1, in memory on embedded SQLite; OUTBOX_SHARED_PACE overrides', async () => {
    const store = await harness().fresh();
    const rows = async () => (await store.db.selectFrom('send_pace').select('provider').orderBy('provider').execute()).map((r) => r.provider);
    const pacesWith = (env: Record<string, string>) => sendPacesFor(store.db, deliveryFromEnv(env).sharedPace, silentLogger);
    await pacesWith({})('telegram', PER_SECOND).take();
    await pacesWith({ OUTBOX_SHARED_PACE: 'maybe' })('gateway', PER_SECOND).take();
    assert.deepEqual(await rows(), harness().dialect === 'sqlite' ? [] : ['gateway', 'telegram']);
    await pacesWith({ OUTBOX_SHARED_PACE: '1' })('twilio', PER_SECOND).take();
    await pacesWith({ OUTBOX_SHARED_PACE: '0' })('zalo', PER_SECOND).take();
    assert.deepEqual(await rows(), harness().dialect === 'sqlite' ? ['twilio'] : ['gateway', 'telegram', 'twilio']);
  });
}
