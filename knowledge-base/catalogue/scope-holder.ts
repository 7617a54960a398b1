import type { KnowledgeStore } from '../store.ts';
import { trainingSet } from '../training-set.ts';
import { kbLabel, type KnowledgeEntry, type LabelDefinition } from '../types.ts';
import { buildScopeIndex, type ScopeIndex } from './scope-index.ts';
import type { CatalogueStore } from './store.ts';
import type { CatalogueProcedure } from './types.ts';

/** Catalogue code → the entry label that covers it: an entry names its codes in `source.procedureCodes`. */
export function coveredCodes(entries: readonly KnowledgeEntry[]): Map<string, string> {
  const covered = new Map<string, string>();
  for (const entry of entries) for (const code of entry.source.procedureCodes) covered.set(code, kbLabel(entry.id));
  return covered;
}

export function buildScope(procedures: readonly CatalogueProcedure[], entries: readonly KnowledgeEntry[], definitions: readonly LabelDefinition[]): ScopeIndex {
  return buildScopeIndex(procedures, trainingSet(entries, definitions), coveredCodes(entries));
}

/** Holds the scope index; `rebuild` after staff publish an entry or import a catalogue (covered codes change). */
export interface ScopeHolder {
  readonly current: () => ScopeIndex;
  readonly rebuild: () => Promise<ScopeIndex>;
}

export async function loadScope(catalogue: CatalogueStore, knowledge: KnowledgeStore): Promise<ScopeHolder> {
  const build = async (): Promise<ScopeIndex> => buildScope(await catalogue.list(), await knowledge.listEntries(), await knowledge.listDefinitions());
  let current = await build();
  return {
    current: () => current,
    rebuild: async () => {
      current = await build();
      return current;
    },
  };
}
