import type { Kysely } from 'kysely';
import type { Database, KbVersionTable } from '../adapters/storage/schema.ts';
import { fromRow, type KnowledgeStore } from './store.ts';
import type { KnowledgeEntry } from './types.ts';
import { parseEntry, type Problems } from './validate.ts';
import { contentProblems } from './versions-checks.ts';

/**
 * Drafts and publishing of knowledge-base entries, pure Kysely so any runtime (and any staff page) can use it.
 *
 * Every save keeps a whole copy of the entry as a new version (status `draft`). Publishing copies each entry's
 * newest draft into `knowledge_entries`, marks it `published` (older drafts become `superseded`) and bumps the
 * one revision counter; every instance compares that counter with the one its matcher was built from
 * (knowledge-base/live-knowledge.ts) and rebuilds. Writes are single idempotent statements, in an order that
 * makes a publish cut short safe to run again (D1 has no interactive transactions).
 */

/** An entry as the editor holds it: the content plus whether it is hidden from the bot. */
export interface DraftEntry extends KnowledgeEntry {
  readonly retired: boolean;
}

export type VersionStatus = 'draft' | 'published' | 'superseded';

export interface EntryVersion {
  readonly entryId: string;
  readonly version: number;
  readonly entry: DraftEntry;
  readonly actor: string;
  readonly createdAt: string;
  readonly status: VersionStatus;
  readonly note: string | null;
}

export type SaveResult =
  | { readonly kind: 'saved'; readonly version: EntryVersion }
  /** Nothing differs from the newest version: no version is added. */
  | { readonly kind: 'unchanged'; readonly version: EntryVersion | undefined }
  | { readonly kind: 'invalid'; readonly problems: Problems }
  /** Someone saved a newer version since the editor loaded `baseVersion`. */
  | { readonly kind: 'conflict'; readonly newest: EntryVersion };

export interface SaveOptions {
  /** The version the editor started from (0 for an entry that had none); a newer one means a conflict. */
  readonly baseVersion?: number;
  readonly note?: string;
  /** The audit action; `kb.save` unless restoring, retiring or importing. */
  readonly action?: string;
}

export interface PublishResult {
  readonly revision: number;
  readonly published: readonly EntryVersion[];
}

/** Same shape as admin/store/audit-log.ts `Audit`; declared here so the core does not import the admin pages. */
export type AuditPort = (actor: string, action: string, subject: string, before: unknown, after: unknown) => Promise<void>;

export interface Publishing {
  saveDraft(entry: KnowledgeEntry | DraftEntry, actor: string, options?: SaveOptions): Promise<SaveResult>;
  /** Publishes every pending draft, or only those of `only` (entry ids). */
  publish(actor: string, options?: { readonly only?: readonly string[] }): Promise<PublishResult>;
  /** The published revision: bumped by every publish that changed something. */
  revision(): Promise<number>;
  /** Changes whenever a draft is saved or a publish happens: the key to cache a draft matcher by. */
  draftKey(): Promise<string>;
  /** The entry as the editor should show it: its newest version, else the published row. */
  draftOf(id: string): Promise<DraftEntry | undefined>;
  /** The published row (retired ones included). */
  liveOf(id: string): Promise<DraftEntry | undefined>;
  /** Ids of the entries in knowledge_entries (published at least once, retired ones included). */
  liveIds(): Promise<string[]>;
  /** Every entry at its newest version, retired ones included, by group then id. */
  workingSet(): Promise<DraftEntry[]>;
  /** The newest version of each entry whose newest version is an unpublished draft. */
  pending(): Promise<EntryVersion[]>;
  versions(id: string): Promise<EntryVersion[]>;
  version(id: string, version: number): Promise<EntryVersion | undefined>;
  /** Saves an old version's content as a new draft. */
  restore(id: string, version: number, actor: string): Promise<SaveResult | undefined>;
  /** Retiring (or bringing back) is a draft like any other change: the bot stops using the entry on publish. */
  setRetired(id: string, retired: boolean, actor: string): Promise<SaveResult | undefined>;
}

export interface PublishingDeps {
  readonly store: KnowledgeStore;
  readonly now?: () => Date;
  readonly audit?: AuditPort;
  /** Told after a publish bumped the revision, e.g. to rebuild this instance's matcher off the request path. */
  readonly onPublished?: (revision: number) => void;
}

const REVISION_ROW = 'kb';

function toDraft(entry: KnowledgeEntry | DraftEntry, retired?: boolean): DraftEntry {
  const { id, title, group, answer, shortAnswer, examples, keywords, source, reviewedAt } = entry;
  return {
    id, title, group, answer, shortAnswer, examples: [...examples], keywords: [...keywords],
    source: { procedureCodes: [...source.procedureCodes], legalBasis: [...source.legalBasis] },
    reviewedAt,
    retired: retired ?? ('retired' in entry ? entry.retired : false),
  };
}

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

/** Field order is fixed by toDraft, so equal content gives equal JSON. */
const sameContent = (a: DraftEntry, b: DraftEntry): boolean => JSON.stringify(toDraft(a)) === JSON.stringify(toDraft(b));

function isUniqueViolation(error: unknown): boolean {
  const text = String((error as { code?: unknown; message?: unknown })?.code ?? '') + String((error as { message?: unknown })?.message ?? '');
  return /UNIQUE|PRIMARY|23505|constraint/i.test(text);
}

export function createPublishing(db: Kysely<Database>, deps: PublishingDeps): Publishing {
  const now = deps.now ?? (() => new Date());
  const audit: AuditPort = deps.audit ?? (async () => {});

  async function newestVersion(id: string): Promise<EntryVersion | undefined> {
    const row = await db.selectFrom('kb_versions').selectAll().where('entry_id', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row === undefined ? undefined : fromVersionRow(row);
  }

  async function liveOf(id: string): Promise<DraftEntry | undefined> {
    const row = await db.selectFrom('knowledge_entries').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toDraft(fromRow(row), Number(row.retired) === 1);
  }

  async function draftOf(id: string): Promise<DraftEntry | undefined> {
    return (await newestVersion(id))?.entry ?? (await liveOf(id));
  }

  async function pending(only?: readonly string[]): Promise<EntryVersion[]> {
    // The newest version of each entry, kept only when it is still a draft.
    let query = db
      .selectFrom('kb_versions as v')
      .selectAll('v')
      .where('v.status', '=', 'draft')
      .where((eb) => eb('v.version', '=', eb.selectFrom('kb_versions as w').select((w) => w.fn.max('w.version').as('m')).whereRef('w.entry_id', '=', 'v.entry_id')));
    if (only !== undefined) {
      if (only.length === 0) return [];
      query = query.where('v.entry_id', 'in', [...only]);
    }
    const rows = await query.orderBy('v.entry_id').execute();
    return rows.map(fromVersionRow);
  }

  async function insertVersion(entry: DraftEntry, actor: string, note: string | null, status: VersionStatus = 'draft'): Promise<EntryVersion> {
    // Two editors saving the same entry at once race for the next number; the loser takes the one after.
    for (let attempt = 0; ; attempt++) {
      const newest = await newestVersion(entry.id);
      const row: KbVersionTable = {
        entry_id: entry.id,
        version: (newest?.version ?? 0) + 1,
        entry_json: JSON.stringify(entry),
        actor,
        created_at: now().toISOString(),
        status,
        note,
      };
      try {
        await db.insertInto('kb_versions').values(row).execute();
        return fromVersionRow(row);
      } catch (error) {
        if (attempt >= 4 || !isUniqueViolation(error)) throw error;
      }
    }
  }

  async function saveDraft(input: KnowledgeEntry | DraftEntry, actor: string, options: SaveOptions = {}): Promise<SaveResult> {
    const parsed = parseEntry(input);
    if ('problems' in parsed) return { kind: 'invalid', problems: [...parsed.problems, ...contentProblems(input)] };
    const extra = contentProblems(parsed.entry);
    if (extra.length > 0) return { kind: 'invalid', problems: extra };
    const entry = toDraft(parsed.entry, 'retired' in input ? input.retired : undefined);
    const newest = await newestVersion(entry.id);
    if (options.baseVersion !== undefined && newest !== undefined && newest.version !== options.baseVersion) {
      return { kind: 'conflict', newest };
    }
    const before = newest?.entry ?? (await liveOf(entry.id));
    // A plain KnowledgeEntry (no flag) keeps the entry's retired state rather than bringing it back.
    const draft = 'retired' in input ? entry : { ...entry, retired: before?.retired ?? false };
    if (before !== undefined && sameContent(before, draft)) return { kind: 'unchanged', version: newest };
    // The first edit of an entry published before versions existed (the seed, a direct write) keeps what it
    // replaces as version 1, so the history can show and restore the original.
    if (newest === undefined && before !== undefined) await insertVersion(before, 'system', 'nội dung đang dùng trước lần sửa đầu tiên', 'published');
    const version = await insertVersion(draft, actor, options.note ?? null);
    await audit(actor, options.action ?? (before === undefined ? 'kb.create' : 'kb.save'), entry.id, before ?? null, { version: version.version, ...draft });
    return { kind: 'saved', version };
  }

  async function revision(): Promise<number> {
    const row = await db.selectFrom('kb_revision').select('revision').where('id', '=', REVISION_ROW).executeTakeFirst();
    return Number(row?.revision ?? 0);
  }

  async function publish(actor: string, options: { readonly only?: readonly string[] } = {}): Promise<PublishResult> {
    const drafts = await pending(options.only);
    if (drafts.length === 0) return { revision: await revision(), published: [] };
    const at = now().toISOString();
    for (const draft of drafts) {
      const before = await liveOf(draft.entryId);
      const { retired, ...content } = draft.entry;
      await deps.store.saveEntry(content, actor);
      await db.updateTable('knowledge_entries').set({ retired: retired ? 1 : 0 }).where('id', '=', draft.entryId).execute();
      await db.updateTable('kb_versions').set({ status: 'published' }).where('entry_id', '=', draft.entryId).where('version', '=', draft.version).execute();
      await db.updateTable('kb_versions').set({ status: 'superseded' })
        .where('entry_id', '=', draft.entryId).where('status', '=', 'draft').where('version', '<', draft.version).execute();
      await audit(actor, 'kb.publish', draft.entryId, before ?? null, { version: draft.version, ...draft.entry });
    }
    // Last, so a publish cut short is not announced before its rows are written; running it again finishes it.
    await db.updateTable('kb_revision')
      .set((eb) => ({ revision: eb('revision', '+', 1), published_at: at, published_by: actor }))
      .where('id', '=', REVISION_ROW)
      .execute();
    const bumped = await revision();
    deps.onPublished?.(bumped);
    return { revision: bumped, published: drafts.map((d) => ({ ...d, status: 'published' as const })) };
  }

  return {
    saveDraft,
    publish,
    revision,
    async draftKey() {
      const row = await db.selectFrom('kb_versions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      return `${await revision()}:${Number(row?.n ?? 0)}`;
    },
    draftOf,
    liveOf,
    async liveIds() {
      return (await db.selectFrom('knowledge_entries').select('id').execute()).map((r) => r.id);
    },
    async workingSet() {
      const rows = await db.selectFrom('knowledge_entries').selectAll().execute();
      const byId = new Map<string, DraftEntry>(rows.map((row) => [row.id, toDraft(fromRow(row), Number(row.retired) === 1)]));
      const newest = await db
        .selectFrom('kb_versions as v')
        .selectAll('v')
        .where((eb) => eb('v.version', '=', eb.selectFrom('kb_versions as w').select((w) => w.fn.max('w.version').as('m')).whereRef('w.entry_id', '=', 'v.entry_id')))
        .execute();
      for (const row of newest) byId.set(row.entry_id, fromVersionRow(row).entry);
      return [...byId.values()].sort((a, b) => a.group.localeCompare(b.group) || a.id.localeCompare(b.id));
    },
    pending: () => pending(),
    async versions(id) {
      const rows = await db.selectFrom('kb_versions').selectAll().where('entry_id', '=', id).orderBy('version', 'desc').execute();
      return rows.map(fromVersionRow);
    },
    async version(id, n) {
      const row = await db.selectFrom('kb_versions').selectAll().where('entry_id', '=', id).where('version', '=', n).executeTakeFirst();
      return row === undefined ? undefined : fromVersionRow(row);
    },
    async restore(id, n, actor) {
      const old = await db.selectFrom('kb_versions').selectAll().where('entry_id', '=', id).where('version', '=', n).executeTakeFirst();
      if (old === undefined) return undefined;
      return saveDraft(fromVersionRow(old).entry, actor, { note: `khôi phục từ phiên bản ${n}`, action: 'kb.restore' });
    },
    async setRetired(id, retired, actor) {
      const current = await draftOf(id);
      if (current === undefined) return undefined;
      return saveDraft({ ...current, retired }, actor, { action: retired ? 'kb.retire' : 'kb.unretire' });
    },
  };
}
