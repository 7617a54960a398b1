import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getHeapStatistics } from 'node:v8';
import { silentLogger } from '../adapters/http/logger.ts';
import { idleCollection, startIdleCollector, type IdleCollectorProbe } from '../adapters/runtime/idle-collector.ts';

const MB = 1024 * 1024;

/** A process whose clock, CPU time and heap the test moves by hand; each check is 1 s after the previous one. */
function scriptedProcess(heap = { reserved: 100 * MB, used: 40 * MB }) {
  const state = { cpuMicros: 0, at: 0, heap, collected: 0 };
  const probe: IdleCollectorProbe = {
    cpuMicros: () => state.cpuMicros,
    heap: () => state.heap,
    collect: () => {
      state.collected++;
      // A full collection costs CPU time of its own: 80 ms here, more than the busy share of a 1 s check.
      state.cpuMicros += 80_000;
      state.heap = { reserved: 45 * MB, used: 40 * MB };
    },
    now: () => state.at,
  };
  /** One check interval of 1 s in which the process used `cpuMs` of CPU. */
  const second = (cpuMs: number) => {
    state.at += 1000;
    state.cpuMicros += cpuMs * 1000;
  };
  return { state, probe, second };
}

test('nothing is collected before the process has worked, however much heap is unused (start-up collected already)', () => {
  const { state, probe, second } = scriptedProcess();
  const decision = idleCollection({ quietChecks: 2 }, probe);
  for (let i = 0; i < 10; i++) {
    second(1);
    assert.equal(decision.check(), false);
  }
  assert.equal(state.collected, 0);
});

test('after a busy spell, the heap is collected once the process has been quiet for the set number of checks, and only once', () => {
  const { state, probe, second } = scriptedProcess();
  const decision = idleCollection({ quietChecks: 2, busyShare: 0.05 }, probe);
  second(900); // a flood: 90% of a core
  assert.equal(decision.check(), false);
  second(10); // first quiet second (1% of a core)
  assert.equal(decision.check(), false, 'one quiet check is not enough');
  second(10);
  assert.equal(decision.check(), true, 'two quiet checks after busy time: collected');
  assert.equal(state.collected, 1);
  // The collection's own 80 ms is not a busy spell; quiet goes on, nothing more to do.
  for (let i = 0; i < 5; i++) {
    second(10);
    assert.equal(decision.check(), false);
  }
  assert.equal(decision.collections(), 1);
  // The next busy spell arms it again.
  state.heap = { reserved: 120 * MB, used: 50 * MB };
  second(500);
  decision.check();
  second(0);
  decision.check();
  second(0);
  assert.equal(decision.check(), true);
  assert.equal(decision.collections(), 2);
});

test('busy time in the middle of a quiet run starts the count again', () => {
  const { probe, second } = scriptedProcess();
  const decision = idleCollection({ quietChecks: 3, busyShare: 0.05 }, probe);
  second(700);
  decision.check();
  second(0);
  decision.check();
  second(0);
  decision.check();
  second(200); // messages again before the third quiet check
  assert.equal(decision.check(), false);
  second(0);
  decision.check();
  second(0);
  assert.equal(decision.check(), false, 'two quiet checks since the last busy one, three needed');
  second(0);
  assert.equal(decision.check(), true);
});

test('a heap that holds little unused memory is left to V8', () => {
  const { state, probe, second } = scriptedProcess({ reserved: 50 * MB, used: 40 * MB });
  const decision = idleCollection({ quietChecks: 1, minSlackBytes: 16 * MB }, probe);
  second(900);
  decision.check();
  second(0);
  assert.equal(decision.check(), false);
  assert.equal(state.collected, 0);
});

test('on the real heap: a quiet process gives back the heap a busy spell grew', async () => {
  const collector = startIdleCollector(silentLogger, { checkMs: 100, quietChecks: 2, minSlackBytes: 8 * MB });
  try {
    // A busy spell that leaves the heap grown: many objects alive at its end, as a flood's queued messages are.
    let held: Array<{ text: string; parts: number[] }> | undefined = [];
    const end = performance.now() + 400;
    while (performance.now() < end || held.length < 300_000) held.push({ text: `message ${held.length}`, parts: [held.length, 1, 2] });
    const grown = getHeapStatistics().total_heap_size;
    held = undefined;
    const deadline = performance.now() + 10_000;
    while (collector.collections() === 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(collector.collections(), 1, 'collected once the process went quiet');
    const after = getHeapStatistics().total_heap_size;
    assert.ok(grown - after >= 8 * MB, `reserved heap went from ${Math.round(grown / MB)} MB to ${Math.round(after / MB)} MB`);
    // Staying quiet does not collect again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(collector.collections(), 1);
  } finally {
    await collector.stop();
  }
});
