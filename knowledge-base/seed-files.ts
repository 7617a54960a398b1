import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeEntry, LabelDefinition } from './types.ts';
import { parseEntry, parseLabelDefinition } from './validate.ts';

export const SEED_DIRECTORY = fileURLToPath(new URL('./seed/', import.meta.url));

export interface SeedContent {
  readonly entries: KnowledgeEntry[];
  readonly definitions: LabelDefinition[];
}

function jsonFiles(directory: string): string[] {
  return readdirSync(directory).filter((name) => name.endsWith('.json')).sort().map((name) => join(directory, name));
}

/** Reads the seed content shipped with the product; a broken file stops start-up with its name and problems. */
export function readSeed(directory = SEED_DIRECTORY): SeedContent {
  const entries = jsonFiles(join(directory, 'entries')).map((file) => {
    const parsed = parseEntry(JSON.parse(readFileSync(file, 'utf8')));
    if ('problems' in parsed) throw new Error(`${file}: ${parsed.problems.join('; ')}`);
    return parsed.entry;
  });
  const definitions = jsonFiles(join(directory, 'labels')).map((file) => {
    const parsed = parseLabelDefinition(JSON.parse(readFileSync(file, 'utf8')));
    if ('problems' in parsed) throw new Error(`${file}: ${parsed.problems.join('; ')}`);
    return parsed.definition;
  });
  return { entries, definitions };
}
