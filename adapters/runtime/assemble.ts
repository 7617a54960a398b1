import type { Kysely } from 'kysely';
import { createConversationStore } from '../../bot/conversation-store.ts';
import { createBot, type Bot } from '../../bot/handle.ts';
import type { SiteConfig } from '../../bot/site-config.ts';
import { createUnansweredStore } from '../../bot/unanswered-store.ts';
import { readSeed } from '../../knowledge-base/seed-files.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../knowledge-base/store.ts';
import { loadUnderstanding, type UnderstandingHolder } from '../../knowledge-base/understanding.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import type { Database } from '../storage/schema.ts';

export interface Assembly {
  readonly bot: Bot;
  readonly knowledge: KnowledgeStore;
  readonly understanding: UnderstandingHolder;
  readonly migrated: readonly string[];
  readonly seeded: number;
}

/** Migrates, seeds an empty knowledge base, builds the matcher and the bot: shared by server, CLI and tests. */
export async function assemble(db: Kysely<Database>, site: SiteConfig): Promise<Assembly> {
  const migrated = await migrateToLatest(db);
  const knowledge = createKnowledgeStore(db);
  const seeded = await knowledge.seedIfEmpty(readSeed());
  const understanding = await loadUnderstanding(knowledge);
  const bot = createBot({
    understanding: understanding.current,
    conversations: createConversationStore(db),
    unanswered: createUnansweredStore(db),
    site,
  });
  return { bot, knowledge, understanding, migrated, seeded };
}
