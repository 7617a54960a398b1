import { Hono, type Context } from 'hono';
import { foldKey } from '../../intents/fold.ts';
import type { DraftEntry, SaveResult } from '../../knowledge-base/publishing.ts';
import { placeholderValues } from '../../knowledge-base/render.ts';
import { diffEntries } from '../../knowledge-base/versions-diff.ts';
import { KNOWLEDGE_CSS } from '../assets/knowledge-css.ts';
import { KNOWLEDGE_EDITOR_JS } from '../assets/knowledge-editor-js.ts';
import { countSms } from '../assets/knowledge-sms-count.ts';
import { KNOWLEDGE_SMS_JS } from '../assets/knowledge-sms-js.ts';
import { currentStaff, csrfToken, type AdminEnv } from '../context.ts';
import type { AdminDeps } from '../deps.ts';
import { ADMIN_SECURITY, renderPage } from '../render.tsx';
import { allows } from '../roles.ts';
import { stateOf } from '../views/knowledge/common.tsx';
import { KnowledgeEditPage } from '../views/knowledge/edit-page.tsx';
import { KnowledgeListPage, type ListFilters } from '../views/knowledge/list-page.tsx';
import { fieldProblems, type FieldProblem } from '../views/knowledge/problems.ts';
import { TryResult } from '../views/knowledge/try-panel.tsx';
import { PublishPage } from '../views/knowledge/versions-page.tsx';
import { readForm } from './form.ts';
import { entryFromForm, formFromEntry, formFromFields, type EntryForm } from './knowledge-form.ts';
import { knowledgeServices, notConfigured, type KnowledgeServices } from './knowledge-services.tsx';
import { tryQuestion, type TryOutcome } from './knowledge-try.ts';
import { knowledgeTransferRoutes } from './knowledge-transfer-routes.tsx';
import { knowledgeVersionRoutes } from './knowledge-version-routes.tsx';

const ASSET = { ...ADMIN_SECURITY, 'cache-control': 'public, max-age=300' };

const NOTICES: Readonly<Record<string, string>> = {
  saved: 'Đã lưu bản nháp. Trợ lý vẫn dùng nội dung cũ cho đến khi xuất bản.',
  unchanged: 'Không có gì thay đổi so với phiên bản mới nhất.',
  created: 'Đã tạo mục mới (bản nháp). Xuất bản để trợ lý dùng.',
  retired: 'Đã ghi bản nháp ngừng dùng; xuất bản để trợ lý thôi dùng mục này.',
  unretired: 'Đã ghi bản nháp dùng lại; xuất bản để trợ lý dùng lại mục này.',
  restored: 'Đã khôi phục thành bản nháp mới.',
  published: 'Đã xuất bản. Trợ lý dùng nội dung mới sau vài giây, không cần khởi động lại.',
  nothing: 'Không có bản nháp nào để xuất bản.',
};

/** Whole months between a review date and today, on the calendar (not 30-day blocks). */
export function isDue(reviewedAt: string, now: Date, months: number): boolean {
  const limit = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
  return reviewedAt < limit.toISOString().slice(0, 10);
}

/** Every word of the query (folded: no tone marks, đ → d) somewhere in the entry's text. */
export function matchesQuery(entry: DraftEntry, query: string): boolean {
  const words = foldKey(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldKey([entry.id.replace(/-/g, ' '), entry.title, entry.answer, entry.shortAnswer, ...entry.examples, ...entry.keywords, ...entry.source.procedureCodes].join(' '));
  return words.every((w) => haystack.includes(w));
}

function titleMatches(entry: DraftEntry, query: string): boolean {
  const words = foldKey(query).split(' ').filter(Boolean);
  const title = foldKey(`${entry.title} ${entry.id.replace(/-/g, ' ')}`);
  return words.length > 0 && words.every((w) => title.includes(w));
}

/** /admin/knowledge: list, create, edit (drafts), try, publish; versions and import/export in their own files. */
export function knowledgeRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const services = knowledgeServices(deps);

  app.get('/assets/knowledge.css', (c) => c.body(KNOWLEDGE_CSS, 200, { ...ASSET, 'content-type': 'text/css; charset=utf-8' }));
  app.get('/assets/editor.js', (c) => c.body(KNOWLEDGE_EDITOR_JS, 200, { ...ASSET, 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/assets/sms-count.js', (c) => c.body(KNOWLEDGE_SMS_JS, 200, { ...ASSET, 'content-type': 'text/javascript; charset=utf-8' }));

  if (!services) {
    for (const path of ['/', '/new', '/publish', '/transfer', '/export.csv', '/export.json', '/:id', '/:id/versions', '/:id/try']) app.get(path, (c) => notConfigured(c, deps));
    for (const path of ['/', '/publish', '/import', '/import/confirm', '/import/chunk', '/:id', '/:id/retire', '/:id/unretire', '/:id/versions/:version/restore']) app.post(path, (c) => notConfigured(c, deps));
    return app;
  }
  const { publishing } = services;
  const canEdit = (c: Context<AdminEnv>): boolean => allows('editor', currentStaff(c).role);

  app.get('/', async (c) => {
    const filters: ListFilters = { q: c.req.query('q') ?? '', group: c.req.query('group') ?? '', due: c.req.query('due') === '1', retired: c.req.query('retired') === '1' };
    const [entries, pending, live] = await Promise.all([publishing.workingSet(), publishing.pending(), liveIds(services)]);
    const pendingIds = new Set(pending.map((p) => p.entryId));
    const now = deps.now();
    const rows = entries
      .map((entry) => ({ entry, state: stateOf(entry, pendingIds, live), due: isDue(entry.reviewedAt, now, services.reviewMonths) }))
      .filter((r) => (filters.retired || !r.entry.retired) && (!filters.group || r.entry.group === filters.group) && (!filters.due || r.due) && matchesQuery(r.entry, filters.q))
      // Entries whose title (or id) holds the words come first: the ones merely mentioning them follow.
      .sort((a, b) => Number(titleMatches(b.entry, filters.q)) - Number(titleMatches(a.entry, filters.q)));
    const done = c.req.query('done') ?? '';
    const notice = done === 'imported'
      ? `Đã nhập: ${Number(c.req.query('saved') ?? 0)} mục lưu thành bản nháp, ${Number(c.req.query('unchanged') ?? 0)} không đổi, ${Number(c.req.query('failed') ?? 0)} lỗi. Xuất bản để trợ lý dùng.`
      : NOTICES[done];
    return renderPage(c, deps, { title: 'Kiến thức', active: 'knowledge' }, (
      <KnowledgeListPage rows={rows} total={entries.length} groups={[...new Set(entries.map((e) => e.group))]} filters={filters} reviewMonths={services.reviewMonths} pendingCount={pending.length} canEdit={canEdit(c)} notice={notice} />
    ));
  });

  const editPage = async (c: Context<AdminEnv>, id: string | undefined, form: EntryForm, extra: { problems?: FieldProblem[]; notice?: string | undefined; error?: string; status?: 200 | 400 | 404 | 409; question?: string; outcome?: TryOutcome; buildMs?: number } = {}) => {
    const [entries, newest, pending, live] = await Promise.all([publishing.workingSet(), id ? publishing.versions(id) : Promise.resolve([]), publishing.pending(), liveIds(services)]);
    const placeholders = placeholderValues(services.site);
    const entry = entries.find((e) => e.id === id);
    const state = entry ? stateOf(entry, new Set(pending.map((p) => p.entryId)), live) : 'new';
    return renderPage(c, deps, { title: id ? `Sửa: ${form.title || id}` : 'Thêm mục kiến thức', active: 'knowledge', status: extra.status ?? 200 }, (
      <KnowledgeEditPage
        isNew={id === undefined}
        form={form}
        problems={extra.problems ?? []}
        state={state}
        newest={newest[0]}
        groups={[...new Set(entries.map((e) => e.group))]}
        sms={countSms(form.shortAnswer, placeholders)}
        placeholders={placeholders}
        csrfToken={csrfToken(c)}
        canEdit={canEdit(c)}
        notice={extra.notice}
        error={extra.error}
        question={extra.question ?? ''}
        outcome={extra.outcome}
        buildMs={extra.buildMs ?? 0}
      />
    ));
  };

  const emptyForm = (): EntryForm => ({ id: '', title: '', group: 'chung', answer: '', shortAnswer: '', examples: '', keywords: '', procedureCodes: '', legalBasis: '', reviewedAt: deps.now().toISOString().slice(0, 10), retired: false });

  app.get('/new', (c) => editPage(c, undefined, emptyForm()));

  /** After a save: the outcome as a redirect (saved), or the form again with the reasons (refused). */
  const afterSave = async (c: Context<AdminEnv>, id: string | undefined, form: EntryForm, result: SaveResult, okNotice: string): Promise<Response> => {
    if (result.kind === 'saved' || result.kind === 'unchanged') {
      if (result.kind === 'saved') services.drafts.warm();
      return c.redirect(`/admin/knowledge/${form.id}?done=${result.kind === 'saved' ? okNotice : 'unchanged'}`, 303);
    }
    if (result.kind === 'invalid') return editPage(c, id, form, { problems: fieldProblems(result.problems), status: 400 });
    return editPage(c, id, form, {
      error: `${result.newest.actor} vừa lưu phiên bản ${result.newest.version} lúc bạn đang sửa. Nội dung của bạn vẫn ở dưới: hãy xem phiên bản mới nhất rồi lưu lại.`,
      status: 409,
    });
  };

  app.post('/', async (c) => {
    const form = formFromFields(await readForm(c), false);
    if (form.id && (await publishing.draftOf(form.id))) {
      return editPage(c, undefined, form, { problems: [{ field: 'id', message: 'Mã mục này đã có; hãy chọn mã khác.' }], status: 409 });
    }
    return afterSave(c, undefined, form, await publishing.saveDraft(entryFromForm(form), currentStaff(c).actor, { baseVersion: 0 }), 'created');
  });

  app.get('/publish', async (c) => {
    const pending = await publishing.pending();
    const items = await Promise.all(pending.map(async (version) => {
      const live = await publishing.liveOf(version.entryId);
      return { version, diffs: diffEntries(live, version.entry), isNew: live === undefined };
    }));
    return renderPage(c, deps, { title: 'Xuất bản thay đổi', active: 'knowledge' }, (
      <PublishPage pending={items} revision={await publishing.revision()} canEdit={canEdit(c)} csrfToken={csrfToken(c)} notice={NOTICES[c.req.query('done') ?? '']} />
    ));
  });

  app.post('/publish', async (c) => {
    const result = await publishing.publish(currentStaff(c).actor);
    // publishing's onPublished kicked this instance's rebuild; it runs after this response. The try box's draft
    // matcher is not warmed here: its training blocks this process for seconds, right when residents should be
    // getting the published content; the next question in the try box builds it.
    return c.redirect(`/admin/knowledge?done=${result.published.length > 0 ? 'published' : 'nothing'}`, 303);
  });

  app.route('/', knowledgeTransferRoutes(deps, services));
  app.route('/', knowledgeVersionRoutes(deps, services));

  app.get('/:id', async (c) => {
    const entry = await publishing.draftOf(c.req.param('id'));
    if (!entry) return renderPage(c, deps, { title: 'Không tìm thấy', active: 'knowledge', status: 404 }, <p>Không có mục kiến thức này. <a href="/admin/knowledge">Về danh sách</a></p>);
    return editPage(c, entry.id, formFromEntry(entry), { notice: NOTICES[c.req.query('done') ?? ''] });
  });

  app.get('/:id/try', async (c) => {
    const entry = await publishing.draftOf(c.req.param('id'));
    if (!entry) return c.notFound();
    const question = (c.req.query('q') ?? '').slice(0, 500);
    const built = question.trim() === '' ? undefined : await services.drafts.get();
    const outcome = built ? tryQuestion(question, built.understanding, services.site, services.segmentBudget) : undefined;
    if (c.req.query('partial') === '1') {
      const html = outcome ? await (<TryResult outcome={outcome} buildMs={built?.buildMs ?? 0} />).toString() : '<p>Hãy nhập một câu hỏi.</p>';
      return c.html(html, 200, ADMIN_SECURITY);
    }
    return editPage(c, entry.id, formFromEntry(entry), { question, ...(outcome ? { outcome, buildMs: built?.buildMs ?? 0 } : {}) });
  });

  app.post('/:id', async (c) => {
    const id = c.req.param('id');
    const current = await publishing.draftOf(id);
    if (!current) return c.notFound();
    const field = await readForm(c);
    const form = { ...formFromFields(field, current.retired), id };
    const base = Number(field('baseVersion'));
    return afterSave(c, id, form, await publishing.saveDraft(entryFromForm(form), currentStaff(c).actor, Number.isInteger(base) ? { baseVersion: base } : {}), 'saved');
  });

  for (const [path, retired] of [['/:id/retire', true], ['/:id/unretire', false]] as const) {
    app.post(path, async (c) => {
      const id = c.req.param('id');
      const result = await publishing.setRetired(id, retired, currentStaff(c).actor);
      if (!result) return c.notFound();
      const current = await publishing.draftOf(id);
      return afterSave(c, id, current ? formFromEntry(current) : formFromEntry({ ...(await publishing.liveOf(id))!, retired }), result, retired ? 'retired' : 'unretired');
    });
  }

  return app;
}

async function liveIds(services: KnowledgeServices): Promise<Set<string>> {
  return new Set(await services.publishing.liveIds());
}
