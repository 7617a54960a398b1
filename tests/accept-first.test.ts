import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acceptFirst } from '../bot/accept-first.ts';
import { handlingQueue } from '../bot/handling-queue.ts';
import { startRig, type Rig } from './channel-rig.ts';

/** Acknowledging webhooks comes before handling them, and a flood that never pauses still gets answers. */

/** Every chat got the same number of messages (one reply, split as the channel splits it), none twice. */
function assertAnsweredOnce(rig: Rig, chats: readonly number[]): void {
  const perReply = rig.telegram.sentTo(chats[0]!).length;
  assert.ok(perReply >= 1, 'the first chat was answered');
  for (const chat of chats) assert.equal(rig.telegram.sentTo(chat).length, perReply, `chat ${chat} answered once`);
}

/** A clock that only moves when the code under test sleeps: each wait is exact and recorded. */
function fakeTime() {
  let clock = 0;
  const sleeps: number[] = [];
  const onSleep: Array<(at: number) => void> = [];
  return {
    now: () => clock,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      clock += ms;
      for (const f of onSleep) f(clock);
    },
    advance: (ms: number) => {
      clock += ms;
    },
    sleeps,
    onSleep,
  };
}

test('handling starts at once when no webhook is being received, and after the quiet period once the last one is done', async () => {
  const time = fakeTime();
  const gate = acceptFirst({ quietMs: 5, longestWaitMs: 100, now: time.now, sleep: time.sleep });
  await gate.quiet();
  assert.deepEqual(time.sleeps, [], 'nothing received: no wait');

  gate.receiving();
  time.advance(1);
  // The webhook is acknowledged during the first wait: handling may start 5 ms after that, not before.
  let doneAt = -1;
  time.onSleep.push((at) => {
    if (doneAt < 0) {
      doneAt = at;
      gate.done(true);
    }
  });
  await gate.quiet();
  time.onSleep.length = 0;
  assert.ok(doneAt > 0);
  assert.equal(time.now(), doneAt + 5, 'handled exactly the quiet period after the last acknowledgement');

  time.sleeps.length = 0;
  time.advance(10);
  await gate.quiet();
  assert.deepEqual(time.sleeps, [], 'quiet for long enough already: no wait');
});

test('a refused request (a forged signature) does not restart the quiet period', async () => {
  const time = fakeTime();
  const gate = acceptFirst({ quietMs: 5, longestWaitMs: 100, now: time.now, sleep: time.sleep });
  gate.receiving();
  gate.done(true);
  time.advance(5);
  gate.receiving();
  gate.done(false);
  await gate.quiet();
  assert.deepEqual(time.sleeps, [], 'quiet since the last accepted one: handled at once');
  gate.receiving();
  gate.done(true);
  await gate.quiet();
  assert.equal(time.sleeps.reduce((a, b) => a + b, 0), 5, 'an accepted one does restart it');
});

test('a flood that never pauses holds handling back for the longest wait, not longer', async () => {
  const time = fakeTime();
  const gate = acceptFirst({ quietMs: 5, longestWaitMs: 40, now: time.now, sleep: time.sleep });
  gate.receiving();
  // Every millisecond another webhook starts as one ends: never quiet.
  time.onSleep.push(() => {
    gate.done(true);
    gate.receiving();
  });
  const started = time.now();
  await gate.quiet();
  assert.equal(time.now() - started, 40);
});

test('under a burst of webhooks every one is acknowledged before any is handled, and each is answered once after', async () => {
  // A long quiet period, so the burst (sent all at once) never looks quiet while it is read; no forced handling.
  const rig = await startRig({ env: { HANDLE_QUIET_MS: '300', HANDLE_LONGEST_WAIT_MS: '60000' } });
  try {
    const chats = Array.from({ length: 40 }, (_, i) => 8_100 + i);
    const responses = await Promise.all(chats.map((chat) => rig.telegram.send(rig.telegram.text(chat, 'làm căn cước ở đâu'))));
    const lastAck = Date.now();
    assert.deepEqual(responses.map((r) => r.status), chats.map(() => 200));
    assert.equal(rig.stub.callsTo('/sendMessage').length, 0, 'no reply was sent while the burst was being acknowledged');
    await rig.drain();
    const sends = rig.stub.callsTo('/sendMessage');
    assert.ok(sends.every((call) => call.receivedAt >= lastAck), 'replies went out only after the burst');
    assertAnsweredOnce(rig, chats);
  } finally {
    await rig.close();
  }
});

test('webhooks that keep coming do not starve handling: answers go out while the flood goes on', async () => {
  // Never quiet for this test (a minute of quiet needed), so only the longest wait lets handling through.
  const rig = await startRig({ env: { HANDLE_QUIET_MS: '60000', HANDLE_LONGEST_WAIT_MS: '30' } });
  try {
    const chats: number[] = [];
    // Webhooks one after another, until a reply has gone out (bounded: at most 400 of them).
    while (rig.stub.callsTo('/sendMessage').length === 0 && chats.length < 400) {
      const chat = 8_300 + chats.length;
      chats.push(chat);
      const response = await rig.telegram.send(rig.telegram.text(chat, 'giờ làm việc của bộ phận một cửa'));
      assert.equal(response.status, 200);
    }
    assert.ok(rig.stub.callsTo('/sendMessage').length > 0, `a reply went out during the flood (after ${chats.length} webhooks)`);
    await rig.drain();
    assertAnsweredOnce(rig, chats);
  } finally {
    await rig.close();
  }
});

test('the handling queue runs jobs oldest first, a bounded number at once, and refuses past its capacity', async () => {
  let running = 0;
  let most = 0;
  const order: number[] = [];
  const release: Array<() => void> = [];
  const queue = handlingQueue<number>({
    concurrency: 2,
    capacity: 5,
    ready: async () => undefined,
    run: async (job) => {
      running++;
      most = Math.max(most, running);
      order.push(job);
      await new Promise<void>((resolve) => release.push(resolve));
      running--;
    },
  });
  const offered = Array.from({ length: 8 }, (_, i) => queue.offer(i));
  assert.deepEqual(offered, [true, true, true, true, true, false, false, false], 'room for five, the rest left to the recovery pass');
  while (order.length < 5) {
    await new Promise((r) => setTimeout(r, 1));
    release.shift()?.();
  }
  while (release.length > 0) release.shift()?.();
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(order, [0, 1, 2, 3, 4]);
  assert.equal(most, 2);
  assert.equal(queue.size(), 0);
  assert.equal(queue.offer(9), true, 'room again once drained');
});

test('the overflow of a burst past the queue is not lost: the recovery pass answers it once its lease ran out', async () => {
  const rig = await startRig({ env: { HANDLE_QUIET_MS: '100', HANDLE_LONGEST_WAIT_MS: '60000', HANDLE_QUEUE_LIMIT: '5', INBOX_LEASE_MS: '1500' } });
  try {
    const chats = Array.from({ length: 20 }, (_, i) => 8_600 + i);
    const responses = await Promise.all(chats.map((chat) => rig.telegram.send(rig.telegram.text(chat, 'làm căn cước ở đâu'))));
    assert.deepEqual(responses.map((r) => r.status), chats.map(() => 200));
    await rig.drain();
    const answered = chats.filter((chat) => rig.telegram.sentTo(chat).length > 0);
    assert.equal(answered.length, 5, 'the queue held five; the rest wait in the inbox');
    assert.equal(await rig.product.inbox.backlog(), 15);
    await new Promise((r) => setTimeout(r, 1600));
    assert.equal(await rig.product.pipeline.recover(rig.product.channels), 15);
    await rig.drain();
    assertAnsweredOnce(rig, chats);
    assert.equal(await rig.product.inbox.backlog(), 0);
  } finally {
    await rig.close();
  }
});

test('messages that waited in the queue past most of their lease are left to the recovery pass and answered once', async () => {
  // Lease 1 s: a queued message still waiting 0.8 s after its acceptance is not handled by this process any more.
  // Quiet 400 ms: webhooks 40 ms apart keep receiving busy even when a busy machine answers each slowly.
  const rig = await startRig({ env: { HANDLE_QUIET_MS: '400', HANDLE_LONGEST_WAIT_MS: '60000', INBOX_LEASE_MS: '1000' } });
  try {
    const early = Array.from({ length: 8 }, (_, i) => 8_700 + i);
    const responses = await Promise.all(early.map((chat) => rig.telegram.send(rig.telegram.text(chat, 'làm căn cước ở đâu'))));
    assert.deepEqual(responses.map((r) => r.status), early.map(() => 200));
    // Webhooks keep coming every 40 ms for 1.2 s: receiving is never quiet, so the early messages wait in the queue.
    const keepAlive: number[] = [];
    const started = Date.now();
    for (let chat = 8_800; Date.now() - started < 1_200; chat++) {
      keepAlive.push(chat);
      assert.equal((await rig.telegram.send(rig.telegram.text(chat, 'cảm ơn'))).status, 200);
      await new Promise((r) => setTimeout(r, 40));
    }
    await rig.drain();
    assert.ok(early.every((chat) => rig.telegram.sentTo(chat).length === 0), 'past most of their lease: not handled here');
    const left = await rig.product.inbox.backlog();
    assert.ok(left >= early.length, `the early messages wait in the inbox (${left})`);
    await new Promise((r) => setTimeout(r, 1_100));
    assert.equal(await rig.product.pipeline.recover(rig.product.channels), left);
    await rig.drain();
    assertAnsweredOnce(rig, early);
    assertAnsweredOnce(rig, keepAlive);
    assert.equal(await rig.product.inbox.backlog(), 0);
  } finally {
    await rig.close();
  }
});

test('a recovery pass over a flood\'s overflow lets new webhooks be acknowledged while it runs, not after it', async () => {
  // A queue of one: a burst's overflow stays in the inbox for the recovery pass, whose lease runs out after 1 s.
  const rig = await startRig({ env: { HANDLE_QUIET_MS: '100', HANDLE_LONGEST_WAIT_MS: '60000', HANDLE_QUEUE_LIMIT: '1', INBOX_LEASE_MS: '1000' } });
  try {
    const chats = Array.from({ length: 120 }, (_, i) => 9_000 + i);
    // Each kick makes the outbox lane read the database: only a handled message can have queued a reply.
    const worker = rig.product.worker;
    const kick = worker.kick;
    let kicks = 0;
    worker.kick = (provider) => {
      kicks++;
      kick(provider);
    };
    for (let i = 0; i < chats.length; i += 20) {
      const burst = chats.slice(i, i + 20);
      const responses = await Promise.all(burst.map((chat) => rig.telegram.send(rig.telegram.text(chat, 'làm căn cước ở đâu'))));
      assert.deepEqual(responses.map((r) => r.status), burst.map(() => 200));
    }
    await rig.drain();
    worker.kick = kick;
    const overflow = await rig.product.inbox.backlog();
    assert.ok(overflow >= 100, `most of the burst waits in the inbox (${overflow})`);
    const handled = chats.length - overflow;
    assert.ok(kicks <= handled, `the outbox was kicked ${kicks} times for ${handled} handled messages: not for the overflow`);
    await new Promise((r) => setTimeout(r, 1100));
    // The pass starts; a new webhook arrives right after. Its 200 must not wait for the whole pass.
    let passEnded = false;
    const pass = rig.product.pipeline.recover(rig.product.channels).then((count) => {
      passEnded = true;
      return count;
    });
    const late = await rig.telegram.send(rig.telegram.text(9_500, 'cảm ơn'));
    const endedBeforeAnswer = passEnded;
    assert.equal(late.status, 200);
    assert.equal(endedBeforeAnswer, false, 'the webhook was acknowledged while the pass was still handling the overflow');
    assert.ok((await pass) >= overflow - 1, 'the pass still handled the overflow');
    await rig.drain();
    assertAnsweredOnce(rig, chats);
  } finally {
    await rig.close();
  }
});
