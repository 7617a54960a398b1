import type { Kysely } from 'kysely';
import type { KnowledgeStore } from '../../knowledge-base/store.ts';
import type { KnowledgeEntry, LabelDefinition } from '../../knowledge-base/types.ts';
import type { Database, KnowledgeEntryTable } from './schema.ts';

// `retired` is left out: a save never un-retires an entry (knowledge-base/publishing.ts sets it on publish).
function toRow(entry: KnowledgeEntry, editor: string, now: string): Omit<KnowledgeEntryTable, 'retired'> {
  return {
    id: entry.id,
    title: entry.title,
    group_id: entry.group,
    answer: entry.answer,
    short_answer: entry.shortAnswer,
    examples_json: JSON.stringify(entry.examples),
    keywords_json: JSON.stringify(entry.keywords),
    source_json: JSON.stringify(entry.source),
    reviewed_at: entry.reviewedAt,
    updated_at: now,
    updated_by: editor,
  };
}

/** Row → entry; exported for the editor's own queries (adapters/storage/kb-version-store.ts). */
export function fromRow(row: Omit<KnowledgeEntryTable, 'retired'>): KnowledgeEntry {
  return {
    id: row.id,
    title: row.title,
    group: row.group_id,
    answer: row.answer,
    shortAnswer: row.short_answer,
    examples: JSON.parse(row.examples_json) as string[],
    keywords: JSON.parse(row.keywords_json) as string[],
    source: JSON.parse(row.source_json) as KnowledgeEntry['source'],
    reviewedAt: row.reviewed_at,
  };
}

export function createKnowledgeStore(db: Kysely<Database>, now: () => Date = () => new Date()): KnowledgeStore {
  async function saveEntry(entry: KnowledgeEntry, editor: string): Promise<void> {
    const row = toRow(entry, editor, now().toISOString());
    const { id: _id, ...changes } = row;
    await db.insertInto('knowledge_entries').values(row).onConflict((oc) => oc.column('id').doUpdateSet(changes)).execute();
  }
  async function saveDefinition(definition: LabelDefinition): Promise<void> {
    const row = {
      label: definition.label,
      title: definition.title,
      examples_json: JSON.stringify(definition.examples),
      keywords_json: JSON.stringify(definition.keywords),
      updated_at: now().toISOString(),
    };
    const { label: _label, ...changes } = row;
    await db.insertInto('label_definitions').values(row).onConflict((oc) => oc.column('label').doUpdateSet(changes)).execute();
  }
  return {
    async listEntries() {
      // Retired entries stay in the table for history but the bot never answers from them.
      const rows = await db.selectFrom('knowledge_entries').selectAll().where('retired', '=', 0).orderBy('group_id').orderBy('id').execute();
      return rows.map(fromRow);
    },
    async getEntry(id) {
      const row = await db.selectFrom('knowledge_entries').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },
    saveEntry,
    async listDefinitions() {
      const rows = await db.selectFrom('label_definitions').selectAll().orderBy('label').execute();
      return rows.map((row) => ({
        label: row.label,
        title: row.title,
        examples: JSON.parse(row.examples_json) as string[],
        keywords: JSON.parse(row.keywords_json) as string[],
      }));
    },
    saveDefinition,
    async seedIfEmpty(seed) {
      const existing = await db.selectFrom('knowledge_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      if (Number(existing?.n ?? 0) > 0) return 0;
      for (const entry of seed.entries) await saveEntry(entry, 'seed');
      for (const definition of seed.definitions) await saveDefinition(definition);
      return seed.entries.length;
    },
  };
}
