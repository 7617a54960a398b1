import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getHeapStatistics } from 'node:v8';
import { silentLogger } from '../adapters/http/logger.ts';
import { idleCollection, startIdleCollector, type Heap, type IdleCollectorProbe } from '../adapters/runtime/idle-collector.ts';

const MB = 1024 * 1024;

/**
 * A process whose clock, CPU time and heap the test moves by hand; each check is 1 s after the previous one. The heap
 * starts as start-up's collection left it (40 MB used of 50 reserved) and is `grown` once the collector has read
 * that floor; a collection brings it back to `afterCollection`.
 */
function scriptedProcess(grown: Heap = { used: 90 * MB, reserved: 100 * MB }) {
  const state = { cpuMicros: 0, at: 0, heap: { used: 40 * MB, reserved: 50 * MB } as Heap, collected: 0, afterCollection: { used: 40 * MB, reserved: 50 * MB } as Heap };
  const probe: IdleCollectorProbe = {
    cpuMicros: () => state.cpuMicros,
    heap: () => state.heap,
    collect: () => {
      state.collected++;
      // A full collection costs CPU time of its own: 80 ms here, more than the busy share of a 1 s check.
      state.cpuMicros += 80_000;
      state.heap = state.afterCollection;
    },
    now: () => state.at,
  };
  /** One check interval of 1 s in which the process used `cpuMs` of CPU. */
  const second = (cpuMs: number) => {
    state.at += 1000;
    state.cpuMicros += cpuMs * 1000;
  };
  /** The collector under test, made while the heap is at its floor; then the heap grows as a flood grows it. */
  const collector = (options: Parameters<typeof idleCollection>[0]) => {
    const decision = idleCollection(options, probe);
    state.heap = grown;
    return decision;
  };
  return { state, second, collector };
}

test('nothing is collected before the process has worked, however much heap is unused (start-up collected already)', () => {
  const { state, second, collector } = scriptedProcess();
  const decision = collector({ quietChecks: 2 });
  for (let i = 0; i < 10; i++) {
    second(1);
    assert.equal(decision.check(), false);
  }
  assert.equal(state.collected, 0);
});

test('after a busy spell, the heap is collected once the process has been quiet for the set number of checks, and only once', () => {
  const { state, second, collector } = scriptedProcess();
  const decision = collector({ quietChecks: 2, busyShare: 0.05 });
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
  state.heap = { used: 80 * MB, reserved: 90 * MB };
  second(500);
  decision.check();
  second(0);
  decision.check();
  second(0);
  assert.equal(decision.check(), true);
  assert.equal(decision.collections(), 2);
});

test('busy time in the middle of a quiet run starts the count again', () => {
  const { second, collector } = scriptedProcess();
  const decision = collector({ quietChecks: 3, busyShare: 0.05 });
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

test('a heap that grew little since the last full collection, in use or reserved, is left to V8', () => {
  const { state, second, collector } = scriptedProcess({ used: 50 * MB, reserved: 60 * MB });
  const decision = collector({ quietChecks: 1, minGrowthBytes: 16 * MB });
  second(900);
  decision.check();
  second(0);
  assert.equal(decision.check(), false);
  assert.equal(state.collected, 0);
});

test('what a full collection leaves is the floor: busy time that does not grow the heap past it collects nothing more', () => {
  const { state, second, collector } = scriptedProcess();
  const decision = collector({ quietChecks: 1, minGrowthBytes: 16 * MB });
  // The collection leaves 60 MB in use of 72 reserved (more live data than at start-up, and reserved space V8 keeps).
  state.afterCollection = { used: 60 * MB, reserved: 72 * MB };
  second(900);
  decision.check();
  second(0);
  assert.equal(decision.check(), true);
  for (let i = 0; i < 5; i++) {
    // A lone webhook now and then: busy, then quiet, heap unchanged.
    second(100);
    assert.equal(decision.check(), false);
    second(0);
    assert.equal(decision.check(), false, 'nothing grew since the collection: no second pause for nothing');
  }
  // A flood that leaves garbage well past that floor arms it again.
  state.heap = { used: 95 * MB, reserved: 100 * MB };
  second(800);
  decision.check();
  second(0);
  assert.equal(decision.check(), true);
  assert.equal(state.collected, 2);
});

test('a collection that leaves much reserved space unused is tried once more at the next quiet check, then left', () => {
  const { state, second, collector } = scriptedProcess();
  const decision = collector({ quietChecks: 1, minGrowthBytes: 16 * MB });
  // V8 kept 30 MB reserved and unused after the first collection; the second gives it back.
  state.afterCollection = { used: 48 * MB, reserved: 78 * MB };
  second(900);
  decision.check();
  second(0);
  assert.equal(decision.check(), true);
  state.afterCollection = { used: 48 * MB, reserved: 52 * MB };
  second(0);
  assert.equal(decision.check(), true, 'tried again');
  assert.equal(state.collected, 2);
  for (let i = 0; i < 5; i++) {
    second(0);
    assert.equal(decision.check(), false, 'nothing unused left: no third pause');
  }
  // When the second try leaves as much unused, that is the floor until the next busy spell grows the heap.
  const stubborn = scriptedProcess();
  const again = stubborn.collector({ quietChecks: 1, minGrowthBytes: 16 * MB });
  stubborn.state.afterCollection = { used: 48 * MB, reserved: 78 * MB };
  stubborn.second(900);
  again.check();
  for (let i = 0; i < 6; i++) {
    stubborn.second(0);
    again.check();
  }
  assert.equal(stubborn.state.collected, 2, 'one try more, not one every second');
  // Nor one for every lone message between quiet checks while that much stays unused.
  const blips = scriptedProcess();
  const blipped = blips.collector({ quietChecks: 1, minGrowthBytes: 16 * MB });
  blips.state.afterCollection = { used: 48 * MB, reserved: 78 * MB };
  blips.second(900);
  blipped.check();
  blips.second(0);
  assert.equal(blipped.check(), true);
  for (let i = 0; i < 5; i++) {
    blips.second(100);
    blipped.check();
    blips.second(0);
    blipped.check();
  }
  assert.equal(blips.state.collected, 2);
});

test('either growth arms it: garbage counted as in use with little reserved space to spare, or reserved space grown with little in use', () => {
  for (const grown of [{ used: 70 * MB, reserved: 75 * MB }, { used: 50 * MB, reserved: 95 * MB }]) {
    const { state, second, collector } = scriptedProcess(grown);
    const decision = collector({ quietChecks: 1, minGrowthBytes: 16 * MB });
    second(900);
    decision.check();
    second(0);
    assert.equal(decision.check(), true, `${grown.used / MB} MB used of ${grown.reserved / MB} reserved`);
    assert.equal(state.collected, 1);
  }
});

test('on the real heap: a quiet process gives back the heap a busy spell grew', async () => {
  const collector = startIdleCollector(silentLogger, { checkMs: 100, quietChecks: 2, minGrowthBytes: 8 * MB });
  try {
    // A busy spell that leaves the heap grown: many objects alive at its end, as a flood's queued messages are.
    let held: Array<{ text: string; parts: number[] }> | undefined = [];
    const end = performance.now() + 400;
    while (performance.now() < end || held.length < 300_000) held.push({ text: `message ${held.length}`, parts: [held.length, 1, 2] });
    const grown = getHeapStatistics().total_heap_size;
    held = undefined;
    const deadline = performance.now() + 10_000;
    while (collector.collections() === 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(collector.collections() >= 1, 'collected once the process went quiet');
    const after = getHeapStatistics().total_heap_size;
    assert.ok(grown - after >= 8 * MB, `reserved heap went from ${Math.round(grown / MB)} MB to ${Math.round(after / MB)} MB`);
    // Staying quiet collects once more at most (when the first left 8 MB or more unused), then not again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const settled = collector.collections();
    assert.ok(settled <= 2, `${settled} collections`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(collector.collections(), settled);
  } finally {
    await collector.stop();
  }
});
