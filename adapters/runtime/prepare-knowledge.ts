import type { Kysely } from 'kysely';
import { shippedCatalogue } from '../../knowledge-base/catalogue/shipped.ts';
import { loadScope, type ScopeHolder } from '../../knowledge-base/catalogue/scope-holder.ts';
import type { CatalogueStore } from '../../knowledge-base/catalogue/store.ts';
import { createPublishing } from '../../knowledge-base/publishing.ts';
import { createPublishingStore } from '../storage/publishing-store.ts';
import type { SeedContent } from '../../knowledge-base/seed-data.ts';
import type { KnowledgeStore } from '../../knowledge-base/store.ts';
import type { Trainer } from '../../knowledge-base/trainer.ts';
import { loadUnderstanding, type UnderstandingHolder } from '../../knowledge-base/understanding.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import type { Database } from '../storage/schema.ts';

/**
 * What a start-up does once before anything is answered: schema, seed content, and the indexes built from
 * the knowledge base (the matcher, the catalogue scope). Node does it once per process; a Worker once per
 * isolate, then hands the result to every invocation's assembly (pure data: no promise, timer or I/O inside).
 */
export interface PreparedKnowledge {
  readonly migrated: readonly string[];
  readonly seeded: number;
  /** The published revision read before the matcher was built (a later publish makes a rebuild due). */
  readonly builtRevision: number;
  readonly understanding: UnderstandingHolder;
  readonly scope: ScopeHolder;
}

/** `trainer` trains the matcher's rebuilds after a publish (knowledge-base/trainer.ts; in process unless given). */
export async function prepareKnowledge(db: Kysely<Database>, knowledge: KnowledgeStore, catalogue: CatalogueStore, seed: SeedContent, trainer?: Trainer): Promise<PreparedKnowledge> {
  const migrated = await migrateToLatest(db);
  const seeded = await knowledge.seedIfEmpty(seed);
  // Read before the matcher is built, so a publish landing meanwhile still triggers a rebuild.
  const builtRevision = await createPublishing(createPublishingStore(db), { store: knowledge }).revision();
  const understanding = await loadUnderstanding(knowledge, trainer);
  await catalogue.seedIfEmpty(shippedCatalogue());
  const scope = await loadScope(catalogue, knowledge);
  return { migrated, seeded, builtRevision, understanding, scope };
}
