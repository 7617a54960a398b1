import type { KnowledgeStore } from './store.ts';
import type { KnowledgeEntry } from './types.ts';
import { parseEntry, type Problems } from './validate.ts';
import { contentProblems } from './versions-checks.ts';

/**
 * Drafts and publishing of knowledge-base entries, on any runtime (and from any staff page): the logic is here, the
 * rows are kept behind the PublishingStore port (adapters/storage/publishing-store.ts on Kysely).
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

/**
 * Where versions, the published rows' retired flag and the revision counter are kept. Each method is one or two
 * single statements (D1 has no interactive transactions); the order a publish calls them in is the core's.
 */
export interface PublishingStore {
  /** The entry's newest version. */
  newest(entryId: string): Promise<EntryVersion | undefined>;
  version(entryId: string, version: number): Promise<EntryVersion | undefined>;
  /** Every version of the entry, newest first. */
  versions(entryId: string): Promise<EntryVersion[]>;
  /** The newest version of every entry that has one. */
  newestOfEach(): Promise<EntryVersion[]>;
  /** The newest version of each entry whose newest version is a draft, by entry id; only those of `only` if given. */
  pendingDrafts(only?: readonly string[]): Promise<EntryVersion[]>;
  /** How many versions there are, of all entries. */
  count(): Promise<number>;
  /** Adds a version; false when its number is already taken (two editors saving the same entry at once). */
  add(version: EntryVersion): Promise<boolean>;
  /** Marks the version `published`, then the entry's older drafts `superseded`. */
  markPublished(entryId: string, version: number): Promise<void>;
  /** The published row (knowledge_entries), retired or not. */
  live(entryId: string): Promise<DraftEntry | undefined>;
  /** Every published row, retired ones included. */
  liveAll(): Promise<DraftEntry[]>;
  liveIds(): Promise<string[]>;
  setLiveRetired(entryId: string, retired: boolean): Promise<void>;
  /** The published revision counter (0 before any publish). */
  revision(): Promise<number>;
  /** Adds one to the revision counter and records when and by whom. */
  bumpRevision(at: string, actor: string): Promise<void>;
}

/** An entry with its fields in a fixed order and the retired flag set (stored versions are parsed through it too). */
export function toDraft(entry: KnowledgeEntry | DraftEntry, retired?: boolean): DraftEntry {
  const { id, title, group, answer, shortAnswer, examples, keywords, source, reviewedAt } = entry;
  return {
    id, title, group, answer, shortAnswer, examples: [...examples], keywords: [...keywords],
    source: { procedureCodes: [...source.procedureCodes], legalBasis: [...source.legalBasis] },
    reviewedAt,
    retired: retired ?? ('retired' in entry ? entry.retired : false),
  };
}

/** Field order is fixed by toDraft, so equal content gives equal JSON. */
const sameContent = (a: DraftEntry, b: DraftEntry): boolean => JSON.stringify(toDraft(a)) === JSON.stringify(toDraft(b));

export function createPublishing(store: PublishingStore, deps: PublishingDeps): Publishing {
  const now = deps.now ?? (() => new Date());
  const audit: AuditPort = deps.audit ?? (async () => {});

  const newestVersion = (id: string): Promise<EntryVersion | undefined> => store.newest(id);
  const liveOf = (id: string): Promise<DraftEntry | undefined> => store.live(id);

  async function draftOf(id: string): Promise<DraftEntry | undefined> {
    return (await newestVersion(id))?.entry ?? (await liveOf(id));
  }

  async function pending(only?: readonly string[]): Promise<EntryVersion[]> {
    if (only !== undefined && only.length === 0) return [];
    return store.pendingDrafts(only);
  }

  async function insertVersion(entry: DraftEntry, actor: string, note: string | null, status: VersionStatus = 'draft'): Promise<EntryVersion> {
    // Two editors saving the same entry at once race for the next number; the loser takes the one after.
    for (let attempt = 0; ; attempt++) {
      const newest = await newestVersion(entry.id);
      const version: EntryVersion = {
        entryId: entry.id,
        version: (newest?.version ?? 0) + 1,
        entry: toDraft(entry),
        actor,
        createdAt: now().toISOString(),
        status,
        note,
      };
      if (await store.add(version)) return version;
      if (attempt >= 4) throw new Error(`version ${version.version} of ${entry.id} was taken by another save five times running`);
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

  const revision = (): Promise<number> => store.revision();

  async function publish(actor: string, options: { readonly only?: readonly string[] } = {}): Promise<PublishResult> {
    const drafts = await pending(options.only);
    if (drafts.length === 0) return { revision: await revision(), published: [] };
    const at = now().toISOString();
    for (const draft of drafts) {
      const before = await liveOf(draft.entryId);
      const { retired, ...content } = draft.entry;
      await deps.store.saveEntry(content, actor);
      await store.setLiveRetired(draft.entryId, retired);
      await store.markPublished(draft.entryId, draft.version);
      await audit(actor, 'kb.publish', draft.entryId, before ?? null, { version: draft.version, ...draft.entry });
    }
    // Last, so a publish cut short is not announced before its rows are written; running it again finishes it.
    await store.bumpRevision(at, actor);
    const bumped = await revision();
    deps.onPublished?.(bumped);
    return { revision: bumped, published: drafts.map((d) => ({ ...d, status: 'published' as const })) };
  }

  return {
    saveDraft,
    publish,
    revision,
    async draftKey() {
      const versions = await store.count();
      return `${await revision()}:${versions}`;
    },
    draftOf,
    liveOf,
    liveIds: () => store.liveIds(),
    async workingSet() {
      const byId = new Map<string, DraftEntry>((await store.liveAll()).map((entry) => [entry.id, entry]));
      for (const version of await store.newestOfEach()) byId.set(version.entryId, version.entry);
      return [...byId.values()].sort((a, b) => a.group.localeCompare(b.group) || a.id.localeCompare(b.id));
    },
    pending: () => pending(),
    versions: (id) => store.versions(id),
    version: (id, n) => store.version(id, n),
    async restore(id, n, actor) {
      const old = await store.version(id, n);
      if (old === undefined) return undefined;
      return saveDraft(old.entry, actor, { note: `khôi phục từ phiên bản ${n}`, action: 'kb.restore' });
    },
    async setRetired(id, retired, actor) {
      const current = await draftOf(id);
      if (current === undefined) return undefined;
      return saveDraft({ ...current, retired }, actor, { action: retired ? 'kb.retire' : 'kb.unretire' });
    },
  };
}
