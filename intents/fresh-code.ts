/**
 * A fresh copy of a factory function, compiled again from its source, for each index it builds.
 *
 * Why: V8 (Node 20) compiles a closure's loops against the values it closes over (typed arrays become constants: no
 * type check, no reload of their length and data pointer at every step) only while the closure's function literal
 * has made a single closure. An index built a second time in a process (staff publish an entry, import a catalogue:
 * the scope index is rebuilt) makes a second closure of every literal in its factory, and from then on each runs on
 * generic code that re-checks every typed array at every step of every loop: the whole understanding path measured
 * 91-96 us a message after a rebuild against 67-72 us before. A copy compiled from the same source has literals of
 * its own, so each index's closures are again the only ones of theirs.
 *
 * The factory must be self-contained: it may use its parameters and globals, no binding of its module (a test
 * builds every factory given here through a copy). Where code cannot be compiled at run time (Cloudflare Workers,
 * `--disallow-code-generation-from-strings`), the factory itself is returned: the first index is as fast, later
 * ones run on the generic code. The source compiled is the factory's own text, never anything a message carries.
 */
let copies = 0;

export function freshCopy<F extends (...args: never[]) => unknown>(factory: F): F {
  try {
    // `__name` is the helper a bundler that keeps function names (tsx, which runs the tests) calls inside the source;
    // in the copy it leaves the function as it is. The copy's number makes its source text unique: V8 caches what it
    // compiled by source text, and the same text would give back the same literals.
    copies++;
    const compile = new Function('__name', `"use strict"; return (${factory.toString()}); // copy ${copies}`) as (keepName: (target: unknown) => unknown) => F;
    return compile((target) => target);
  } catch {
    return factory;
  }
}
