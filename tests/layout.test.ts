import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

/**
 * Imports the core still makes that it should not, file by file, exactly as written. Only for files other
 * developers are changing right now (the delivery work: inbox, outbox, durable step, write batch, pipeline);
 * each entry goes once its file imports from bot/ports (and its Kysely code moves to adapters/storage/).
 * The test fails when an entry is no longer needed, so this list only shrinks. Empty it, then delete it.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
};

/**
 * Thin re-exports kept at the old places for the same files; each must go once nothing imports the name from it.
 * `name` undefined: any import of the module counts.
 */
const TRANSITIONAL: ReadonlyArray<{ readonly module: string; readonly name?: string }> = [
];

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

test('the core imports nothing from adapters/ or admin/, nor Kysely, outside the allow-list', () => {
  const offending: string[] = [];
  for (const file of CORE.flatMap(sourceFiles)) {
    const allowed = ALLOWED[file] ?? [];
    for (const { specifier } of importsOf(file)) {
      if (forbidden(target(file, specifier)) && !allowed.includes(specifier)) offending.push(`${file} imports '${specifier}'`);
    }
  }
  assert.deepEqual(
    offending,
    [],
    'the core owns its ports: import bot/ports/ (channel, logger, stores) and let adapters/ implement them; a Kysely store goes to adapters/storage/',
  );
});

test('every allow-list entry is still needed (the list only shrinks)', () => {
  const stale: string[] = [];
  for (const [file, specifiers] of Object.entries(ALLOWED)) {
    if (!existsSync(join(ROOT, file))) {
      stale.push(`${file}: the file is gone, remove its entry`);
      continue;
    }
    const used = new Set(importsOf(file).map((i) => i.specifier));
    for (const specifier of specifiers) if (!used.has(specifier)) stale.push(`${file}: no longer imports '${specifier}', remove it from ALLOWED`);
  }
  assert.deepEqual(stale, []);
});

test('the thin re-exports left at the old places are still imported by someone (else delete them)', () => {
  const everyFile = ['adapters', 'admin', 'bench', ...CORE, 'tests'].flatMap(sourceFiles);
  const unused: string[] = [];
  for (const { module, name } of TRANSITIONAL) {
    const importers = everyFile.filter(
      (file) => file !== module && importsOf(file).some((i) => target(file, i.specifier) === module && (name === undefined || (i.names ?? []).includes(name))),
    );
    if (importers.length === 0) unused.push(`${module}${name === undefined ? '' : ` (${name})`}: nothing imports it any more, remove the re-export`);
  }
  assert.deepEqual(unused, []);
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
