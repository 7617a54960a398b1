import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

/**
 * V8 keeps the source of every script it runs, for the functions it compiles lazily: one byte a character while every
 * character fits in Latin-1, two bytes a character for the whole script as soon as one does not. The server bundle is
 * about 2 million characters, so one "đ" in a regular expression literal (the bundler writes strings with ASCII
 * escapes, but leaves regular expression literals as they are) or a "──" in a comment cost about 2 MB of heap for as
 * long as the server runs (measured: a 4.6 MB source string in a heap snapshot of the idle server, against 2.1 MB).
 * Characters outside Latin-1 go in strings (`new RegExp('…')`) or as \u escapes; build:server drops comments.
 */
test('the server bundle, built as npm start builds it, is Latin-1 throughout (V8 keeps its source one byte a character)', () => {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts['build:server'] ?? '';
  assert.match(script, /^esbuild .* --outdir=build\/node /, 'build:server is an esbuild command writing to build/node');
  const out = mkdtempSync(join(tmpdir(), 'one-byte-'));
  try {
    const args = script.replace(/^esbuild /, '').replace('--outdir=build/node', `--outdir=${out}`).split(' ');
    execFileSync(join('node_modules', '.bin', 'esbuild'), args, { stdio: 'pipe' });
    for (const file of ['node.js', 'train-worker.js']) {
      const source = readFileSync(join(out, file), 'utf8');
      assert.ok(source.length > 1000, `${file} was built`);
      const wide: string[] = [];
      for (let i = 0; i < source.length && wide.length < 5; i++) if (source.charCodeAt(i) > 0xff) wide.push(source.slice(Math.max(0, i - 40), i + 10));
      assert.deepEqual(wide, [], `${file}: characters outside Latin-1 (each with what precedes it)`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
