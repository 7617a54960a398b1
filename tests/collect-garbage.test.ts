import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectGarbage } from '../adapters/runtime/collect-garbage.ts';

test('collectGarbage frees what an index build left behind, without the --expose-gc flag', () => {
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined', 'the test process must not expose gc itself');
  // Garbage shaped like an index build's: many small objects and arrays, then dropped.
  let garbage: Array<{ terms: string[]; weights: number[] }> | undefined = [];
  for (let i = 0; i < 200_000; i++) garbage.push({ terms: [`t${i}`, `u${i}`], weights: [i, i + 1, i + 2] });
  const before = process.memoryUsage().heapUsed;
  garbage = undefined;
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  assert.ok(before - after > 20 * 1024 * 1024, `heap went from ${before >> 20} MB to ${after >> 20} MB`);
  // gc stays out of reach of other code.
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined');
});
