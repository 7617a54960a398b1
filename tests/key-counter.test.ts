import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeyCounter } from '../intents/key-counter.ts';

test('key counter: counts in order of first sight, negative and large keys too, and forgets on reset', () => {
  const counter = new KeyCounter();
  counter.reset(3);
  for (const key of [7, -1, 7, 2_000_000_000, -1, 7]) counter.add(key);
  assert.deepEqual(Array.from({ length: counter.size }, (_, i) => [counter.key(i), counter.count(i)]), [[7, 3], [-1, 2], [2_000_000_000, 1]]);
  counter.reset(0);
  assert.equal(counter.size, 0);
  // More keys than it was told to expect still count right (the table only gets crowded).
  for (let i = 0; i < 500; i++) counter.add(i % 250);
  assert.equal(counter.size, 250);
  assert.ok(Array.from({ length: 250 }, (_, i) => counter.count(i)).every((n) => n === 2));
});
