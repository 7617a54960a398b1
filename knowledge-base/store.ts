import type { KnowledgeEntry, LabelDefinition } from './types.ts';

/** The knowledge base as staff edit it. Writes are single idempotent statements (D1 has no transactions). */
export interface KnowledgeStore {
  listEntries(): Promise<KnowledgeEntry[]>;
  getEntry(id: string): Promise<KnowledgeEntry | undefined>;
  saveEntry(entry: KnowledgeEntry, editor: string): Promise<void>;
  listDefinitions(): Promise<LabelDefinition[]>;
  saveDefinition(definition: LabelDefinition): Promise<void>;
  /** Loads the shipped content into an empty knowledge base; returns how many entries were written. */
  seedIfEmpty(seed: { entries: readonly KnowledgeEntry[]; definitions: readonly LabelDefinition[] }): Promise<number>;
}
