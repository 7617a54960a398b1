import assert from 'node:assert/strict';
import test from 'node:test';
import { freshCopy } from '../intents/fresh-code.ts';

/** A self-contained factory: a counter over a typed array it closes over. */
function counterOver(cells: Int32Array): { bump(i: number): number } {
  return {
    bump(i) {
      cells[i] = (cells[i] as number) + 1;
      return cells[i] as number;
    },
  };
}

test('a fresh copy is another function that builds the same thing', () => {
  const copy = freshCopy(counterOver);
  assert.notEqual(copy, counterOver);
  const cells = new Int32Array(2);
  const counter = copy(cells);
  assert.equal(counter.bump(1), 1);
  assert.equal(counter.bump(1), 2);
  assert.deepEqual([...cells], [0, 2], 'the copy closes over what it is given');
  assert.notEqual(freshCopy(counterOver), copy, 'each copy is compiled again, not taken from a cache');
});

test('where code cannot be compiled at run time, the factory itself is used', () => {
  const original = globalThis.Function;
  // As on Cloudflare Workers: constructing a function from a string throws.
  globalThis.Function = function refused() {
    throw new EvalError('Code generation from strings disallowed for this context');
  } as unknown as FunctionConstructor;
  try {
    assert.equal(freshCopy(counterOver), counterOver);
  } finally {
    globalThis.Function = original;
  }
});

const STEP = 2;
/** Not self-contained: it reads STEP, a binding of this module. */
function stepper(): () => number {
  let at = 0;
  return () => (at += STEP);
}

test('a factory that reads a binding of its module fails in the copy, at once', () => {
  // Why every factory given to freshCopy is run by the tests through its copy (the retrieval index's search, the
  // matcher's neighbour walk): a binding used by mistake cannot pass unnoticed.
  assert.equal(stepper()(), 2);
  assert.throws(() => freshCopy(stepper)()(), ReferenceError);
});
