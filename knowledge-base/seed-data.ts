import { SEED_ENTRY_FILES, SEED_LABEL_FILES } from './seed-modules.ts';
import type { KnowledgeEntry, LabelDefinition } from './types.ts';
import { parseEntry, parseLabelDefinition } from './validate.ts';

export interface SeedContent {
  readonly entries: KnowledgeEntry[];
  readonly definitions: LabelDefinition[];
}

/** Validates seed content given as (file name, JSON) pairs; a broken file stops start-up with its name and problems. */
export function parseSeed(entryFiles: Iterable<readonly [string, unknown]>, labelFiles: Iterable<readonly [string, unknown]>): SeedContent {
  const entries = [...entryFiles].map(([file, json]) => {
    const parsed = parseEntry(json);
    if ('problems' in parsed) throw new Error(`${file}: ${parsed.problems.join('; ')}`);
    return parsed.entry;
  });
  const definitions = [...labelFiles].map(([file, json]) => {
    const parsed = parseLabelDefinition(json);
    if ('problems' in parsed) throw new Error(`${file}: ${parsed.problems.join('; ')}`);
    return parsed.definition;
  });
  return { entries, definitions };
}

/** The seed shipped with the product, from its bundled modules: the same on Node and in a Worker. */
export function shippedSeed(): SeedContent {
  return parseSeed(SEED_ENTRY_FILES, SEED_LABEL_FILES);
}
