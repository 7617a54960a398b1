import type { Kysely } from 'kysely';
import { toDraft, type DraftEntry, type EntryVersion, type PublishingStore, type VersionStatus } from '../../knowledge-base/publishing.ts';
import { fromRow } from './knowledge-store.ts';
import type { Database, KbVersionTable } from './schema.ts';

/** The publishing rows on Kysely: kb_versions, the retired flag of knowledge_entries and the one kb_revision row. */

const REVISION_ROW = 'kb';

function fromVersionRow(row: KbVersionTable): EntryVersion {
  const stored = JSON.parse(row.entry_json) as DraftEntry;
  return {
    entryId: row.entry_id,
    version: Number(row.version),
    entry: toDraft(stored, stored.retired === true),
    actor: row.actor,
    createdAt: row.created_at,
    status: row.status as VersionStatus,
    note: row.note,
  };
}

function isUniqueViolation(error: unknown): boolean {
  const text = String((error as { code?: unknown; message?: unknown })?.code ?? '') + String((error as { message?: unknown })?.message ?? '');
  return /UNIQUE|PRIMARY|23505|constraint/i.test(text);
}

export function createPublishingStore(db: Kysely<Database>): PublishingStore {
  /** The newest version of each entry, as a query to narrow further. */
  const newestOfEach = () =>
    db
      .selectFrom('kb_versions as v')
      .selectAll('v')
      .where((eb) => eb('v.version', '=', eb.selectFrom('kb_versions as w').select((w) => w.fn.max('w.version').as('m')).whereRef('w.entry_id', '=', 'v.entry_id')));

  return {
    async newest(id) {
      const row = await db.selectFrom('kb_versions').selectAll().where('entry_id', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirst();
      return row === undefined ? undefined : fromVersionRow(row);
    },
    async version(id, n) {
      const row = await db.selectFrom('kb_versions').selectAll().where('entry_id', '=', id).where('version', '=', n).executeTakeFirst();
      return row === undefined ? undefined : fromVersionRow(row);
    },
    async versions(id) {
      const rows = await db.selectFrom('kb_versions').selectAll().where('entry_id', '=', id).orderBy('version', 'desc').execute();
      return rows.map(fromVersionRow);
    },
    async newestOfEach() {
      return (await newestOfEach().execute()).map(fromVersionRow);
    },
    async pendingDrafts(only) {
      let query = newestOfEach().where('v.status', '=', 'draft');
      if (only !== undefined) query = query.where('v.entry_id', 'in', [...only]);
      const rows = await query.orderBy('v.entry_id').execute();
      return rows.map(fromVersionRow);
    },
    async count() {
      const row = await db.selectFrom('kb_versions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async add(version) {
      const row: KbVersionTable = {
        entry_id: version.entryId,
        version: version.version,
        entry_json: JSON.stringify(version.entry),
        actor: version.actor,
        created_at: version.createdAt,
        status: version.status,
        note: version.note,
      };
      try {
        await db.insertInto('kb_versions').values(row).execute();
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async markPublished(id, version) {
      await db.updateTable('kb_versions').set({ status: 'published' }).where('entry_id', '=', id).where('version', '=', version).execute();
      await db.updateTable('kb_versions').set({ status: 'superseded' })
        .where('entry_id', '=', id).where('status', '=', 'draft').where('version', '<', version).execute();
    },
    async live(id) {
      const row = await db.selectFrom('knowledge_entries').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toDraft(fromRow(row), Number(row.retired) === 1);
    },
    async liveAll() {
      const rows = await db.selectFrom('knowledge_entries').selectAll().execute();
      return rows.map((row) => toDraft(fromRow(row), Number(row.retired) === 1));
    },
    async liveIds() {
      return (await db.selectFrom('knowledge_entries').select('id').execute()).map((r) => r.id);
    },
    async setLiveRetired(id, retired) {
      await db.updateTable('knowledge_entries').set({ retired: retired ? 1 : 0 }).where('id', '=', id).execute();
    },
    async revision() {
      const row = await db.selectFrom('kb_revision').select('revision').where('id', '=', REVISION_ROW).executeTakeFirst();
      return Number(row?.revision ?? 0);
    },
    async bumpRevision(at, actor) {
      await db.updateTable('kb_revision')
        .set((eb) => ({ revision: eb('revision', '+', 1), published_at: at, published_by: actor }))
        .where('id', '=', REVISION_ROW)
        .execute();
    },
  };
}
