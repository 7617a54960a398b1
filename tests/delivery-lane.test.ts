import assert from 'node:assert/strict';
import { test } from 'node:test';
import { silentLogger } from '../adapters/http/logger.ts';
import { DEFAULT_DELIVERY } from '../bot/delivery-policy.ts';
import { createLane } from '../bot/outbox-lane.ts';
import type { DueHead, Outbox, OutboxItem } from '../bot/outbox.ts';
import type { SendPace, SendPaceFactory } from '../bot/send-pace.ts';

/**
 * The lane (bot/outbox-lane.ts) with its pace injected: no database, no platform. What is checked is the lane's
 * side of the port: it asks its factory once for its provider and rate, every send waits for a take, and a
 * platform's pause goes to the pace before the send counts as finished.
 */

function item(n: number): DueHead {
  return {
    id: `o-${n}`, key: `k-${n}`, conversationId: `c-${n}`, provider: 'telegram', userId: `u-${n}`, replyTo: null,
    payload: { body: { text: `tin ${n}` } }, status: 'pending', attempts: 0, nextAttemptAt: new Date(0).toISOString(),
    lastError: null, createdAt: new Date(0).toISOString(), hasLater: false,
  };
}

/** An outbox holding `count` due replies of as many conversations, each claimed once; only what the lane calls. */
function memoryOutbox(count: number): Outbox {
  const waiting = new Map<string, DueHead>(Array.from({ length: count }, (_, i) => [`o-${i}`, item(i)]));
  const unused = async (): Promise<never> => {
    throw new Error('not used by the lane');
  };
  return {
    dueHeads: async (_provider, limit) => [...waiting.values()].slice(0, limit),
    claim: async (id) => waiting.delete(id),
    nextDue: async () => undefined,
    enqueue: unused, pending: unused, markSent: unused, retryLater: unused, markDead: unused, resume: unused, forInbound: unused, list: unused, withKeyPrefix: unused,
  };
}

/** A pace whose takes wait until the test lets them go, one `release()` per send. */
function gatedPace(): SendPace & { takes: number; pauses: number[]; release(): void } {
  const gates: Array<() => void> = [];
  let credit = 0;
  const pace = {
    takes: 0,
    pauses: [] as number[],
    take() {
      pace.takes++;
      if (credit > 0) {
        credit--;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => gates.push(resolve));
    },
    async pauseFor(ms: number) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      pace.pauses.push(ms);
    },
    release() {
      const next = gates.shift();
      if (next) next();
      else credit++;
    },
  };
  return pace;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

function lane(paceFor: SendPaceFactory, outbox: Outbox, deliver: (item: OutboxItem) => Promise<{ pauseMs?: number }>) {
  return createLane({
    provider: 'telegram',
    policy: { concurrency: 3, perSecond: 25, deadlineMs: 3_600_000 },
    slowSendMs: 10_000,
    leaseMs: DEFAULT_DELIVERY.leaseMs,
    outbox,
    paceFor,
    deliver,
    logger: silentLogger,
    now: () => new Date(),
  });
}

test('the lane gets its pace from the factory, once, for its provider and rate; no send starts before its take', async () => {
  const pace = gatedPace();
  const asked: Array<[string, number]> = [];
  const sent: string[] = [];
  const telegram = lane((provider, perSecond) => {
    asked.push([provider, perSecond]);
    return pace;
  }, memoryOutbox(5), async (i) => {
    sent.push(i.id);
    return {};
  });
  void telegram.pump();
  await tick();
  assert.deepEqual(asked, [['telegram', 25]]);
  assert.equal(pace.takes, 3, 'one take per slot (concurrency 3)');
  assert.deepEqual(sent, [], 'nothing sent while the pace holds every take');
  pace.release();
  await tick();
  assert.deepEqual(sent, ['o-0']);
  for (let i = 0; i < 4; i++) pace.release();
  await telegram.settled();
  assert.deepEqual(sent, ['o-0', 'o-1', 'o-2', 'o-3', 'o-4']);
  assert.equal(pace.takes, 5);
  assert.deepEqual(asked, [['telegram', 25]], 'the pace is made once, not per send');
  telegram.stop();
});

test('a platform\'s retry-after goes to the pace, and the send is finished only once the pause is recorded', async () => {
  const pace = gatedPace();
  for (let i = 0; i < 2; i++) pace.release();
  const telegram = lane(() => pace, memoryOutbox(2), async (i) => (i.id === 'o-0' ? { pauseMs: 1_500 } : {}));
  await telegram.pump();
  await telegram.settled();
  // pauseFor resolves after 20 ms: settled() waited for it (a Worker's invocation ends only after it).
  assert.deepEqual(pace.pauses, [1_500]);
  telegram.stop();
});
