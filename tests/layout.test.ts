import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * The core (bot/, intents/, knowledge-base/) owns its ports (bot/ports/) and reaches no edge: it imports nothing
 * from adapters/ or admin/, and not Kysely (its stores are ports; the Kysely code lives in adapters/storage/).
 * Adapters and admin/ may import the core, never the other way round.
 */

const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '..'));
const CORE = ['bot', 'intents', 'knowledge-base'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path.split('\\').join('/'));
  }
  return out;
}

interface ImportStatement {
  readonly specifier: string;
  /** Named bindings (`type` dropped); undefined for `import * as`, default imports, `export *` and bare imports. */
  readonly names?: readonly string[];
}

function importsOf(file: string): ImportStatement[] {
  // Comments out, so a path mentioned in prose is not an import.
  const text = readFileSync(join(ROOT, file), 'utf8').replace(/^\s*\/\*[\s\S]*?\*\//gm, '').replace(/^\s*\/\/.*$/gm, '');
  const found: ImportStatement[] = [];
  for (const m of text.matchAll(/\b(?:import|export)\s+(?:type\s+)?([^'";]*?)\s*from\s*'([^']+)'/g)) {
    const clause = m[1] ?? '';
    const braces = /^\{([^}]*)\}$/.exec(clause.trim());
    const names = braces?.[1]
      ?.split(',')
      .map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!.trim())
      .filter((n) => n !== '');
    found.push(names === undefined ? { specifier: m[2]! } : { specifier: m[2]!, names });
  }
  for (const m of text.matchAll(/\bimport\s*(?:\(\s*)?'([^']+)'/g)) found.push({ specifier: m[1]! });
  return found;
}

/** The repository path an import points at, or the bare package name. */
function target(file: string, specifier: string): string {
  return specifier.startsWith('.') ? normalize(join(dirname(file), specifier)).split('\\').join('/') : specifier;
}

function forbidden(resolved: string): boolean {
  return resolved.startsWith('adapters/') || resolved.startsWith('admin/') || resolved === 'kysely' || resolved.startsWith('kysely/');
}

test('the core imports nothing from adapters/ or admin/, nor Kysely', () => {
  const offending: string[] = [];
  for (const file of CORE.flatMap(sourceFiles)) {
    for (const { specifier } of importsOf(file)) {
      if (forbidden(target(file, specifier))) offending.push(`${file} imports '${specifier}'`);
    }
  }
  assert.deepEqual(
    offending,
    [],
    'the core owns its ports: import bot/ports/ (channel, logger, stores) and let adapters/ implement them; a Kysely store goes to adapters/storage/',
  );
});

test('the core runs on any runtime: nothing in bot/, intents/ or knowledge-base/ imports adapters/runtime/', () => {
  const offending = CORE.flatMap(sourceFiles).flatMap((file) =>
    importsOf(file)
      .filter((i) => target(file, i.specifier).startsWith('adapters/runtime/'))
      .map((i) => `${file} imports '${i.specifier}'`),
  );
  assert.deepEqual(offending, []);
});

test('the layout scan sees imports (a sanity check of the scanner itself)', () => {
  const imports = importsOf('adapters/storage/conversation-store.ts');
  assert.ok(imports.some((i) => i.specifier === 'kysely'));
  assert.ok(imports.some((i) => target('adapters/storage/conversation-store.ts', i.specifier) === 'bot/conversation-store.ts' && i.names?.includes('ConversationStore')));
  assert.ok(sourceFiles('bot').includes('bot/ports/channel.ts'));
});
