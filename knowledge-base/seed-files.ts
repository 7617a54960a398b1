import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSeed, type SeedContent } from './seed-data.ts';

export type { SeedContent } from './seed-data.ts';

export const SEED_DIRECTORY = fileURLToPath(new URL('./seed/', import.meta.url));

function jsonFiles(directory: string): string[] {
  return readdirSync(directory).filter((name) => name.endsWith('.json')).sort().map((name) => join(directory, name));
}

/**
 * Reads seed content from a directory (Node: tests, benches, another province's content). The server seeds from
 * the same files bundled as modules (seed-data.ts), so a Worker needs no file system.
 */
export function readSeed(directory = SEED_DIRECTORY): SeedContent {
  const read = (file: string): readonly [string, unknown] => [file, JSON.parse(readFileSync(file, 'utf8'))];
  return parseSeed(jsonFiles(join(directory, 'entries')).map(read), jsonFiles(join(directory, 'labels')).map(read));
}
