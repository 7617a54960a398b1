import { Hono, type Context } from 'hono';
import { PENDING_LIFETIME_MS } from '../../bot/handle.ts';
import { groupQuestions, type QuestionGroup } from '../../bot/unanswered-groups.ts';
import type { UnansweredStore } from '../../bot/unanswered-store.ts';
import { foldKey } from '../../intents/fold.ts';
import { csrfToken, currentStaff, type AdminEnv } from '../context.ts';
import type { AdminDeps } from '../deps.ts';
import { renderPage } from '../render.tsx';
import { accessFor } from '../route-access.ts';
import { allows } from '../roles.ts';
import { UnansweredPage, type EntryOption } from '../views/unanswered-page.tsx';
import { readForm } from './form.ts';

/** How many recent open questions are grouped: months of a province's traffic, grouped in well under a second. */
const READ_LIMIT = 3000;

type Status = 200 | 400 | 404 | 409;

/**
 * /admin/unanswered: questions the bot did not answer well, grouped (bot/unanswered-groups.ts). Editors add a
 * group's wording as an example phrasing of an entry and publish it (knowledge-base/publishing.ts), start a new
 * entry from it, or dismiss it (the dismissal is kept by folded key, so the same question stays dismissed).
 */
export function unansweredRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  async function groups(store: UnansweredStore) {
    const [questions, dismissals] = await Promise.all([store.listOpen(READ_LIMIT), store.dismissals()]);
    return groupQuestions(questions, dismissals, { clarifiedGraceMs: PENDING_LIFETIME_MS, now: deps.now() });
  }

  async function entryOptions(): Promise<EntryOption[]> {
    const services = deps.services;
    const entries = services?.publishing ? (await services.publishing.workingSet()).filter((e) => !e.retired) : ((await services?.knowledge?.listEntries()) ?? []);
    return entries.map((e) => ({ id: e.id, title: e.title, group: e.group })).sort((a, b) => a.group.localeCompare(b.group) || a.title.localeCompare(b.title, 'vi'));
  }

  async function page(c: Context<AdminEnv>, messages: { notice?: string; error?: string } = {}, status: Status = 200) {
    const store = deps.services?.unanswered;
    if (!store) return renderPage(c, deps, { title: 'Câu hỏi chưa trả lời', active: 'unanswered' }, <p class="alert">Mục này chưa được cấu hình trên máy chủ.</p>);
    const { groups: list, hidden } = await groups(store);
    const access = accessFor('POST', '/admin/unanswered/example');
    const canEdit = access !== undefined && allows(access, currentStaff(c).role);
    return renderPage(
      c,
      deps,
      { title: 'Câu hỏi chưa trả lời', active: 'unanswered', status },
      <UnansweredPage groups={list} hidden={hidden} entries={canEdit ? await entryOptions() : []} canEdit={canEdit} csrf={csrfToken(c)} notice={messages.notice} error={messages.error} />,
    );
  }

  /** The group a form names by key, as it stands now (a question may have joined it since the page was shown). */
  async function findGroup(key: string): Promise<QuestionGroup | undefined> {
    const store = deps.services?.unanswered;
    return store ? (await groups(store)).groups.find((g) => g.key === key) : undefined;
  }

  const NOTICES: Readonly<Record<string, string>> = {
    published: 'Đã thêm câu ví dụ và xuất bản: trợ lý dùng ngay cách hỏi này.',
    present: 'Câu này đã có trong các câu ví dụ của mục; nhóm câu hỏi đã được đánh dấu xong.',
    drafted: 'Mục này đang có bản nháp chưa xuất bản của người khác: câu ví dụ đã được thêm vào bản nháp, xin xuất bản trong trình soạn thảo kiến thức.',
    dismissed: 'Đã bỏ qua nhóm câu hỏi; câu tương tự hỏi lại sau này vẫn được ẩn.',
  };

  app.get('/', (c) => page(c, { notice: NOTICES[c.req.query('done') ?? ''] }));

  app.post('/example', async (c) => {
    const staff = currentStaff(c);
    const form = await readForm(c);
    const store = deps.services?.unanswered;
    const publishing = deps.services?.publishing;
    if (!store || !publishing) return page(c, { error: 'Chưa thể xuất bản từ máy chủ này (thiếu dịch vụ kiến thức).' }, 409);
    const group = await findGroup(form('key'));
    if (!group) return page(c, { error: 'Nhóm câu hỏi này không còn (đã được xử lý hoặc bỏ qua).' }, 404);
    const entryId = form('entry');
    const pendingBefore = (await publishing.pending()).some((v) => v.entryId === entryId);
    const entry = await publishing.draftOf(entryId);
    if (!entry || entry.retired) return page(c, { error: 'Xin chọn một mục kiến thức đang dùng.' }, 400);

    const known = new Set(entry.examples.map(foldKey));
    let outcome: 'published' | 'present' | 'drafted' = 'present';
    if (!known.has(foldKey(group.text))) {
      const saved = await publishing.saveDraft({ ...entry, examples: [...entry.examples, group.text] }, staff.actor, { note: 'câu ví dụ từ câu hỏi chưa trả lời', action: 'kb.example' });
      if (saved.kind === 'invalid' || saved.kind === 'conflict') return page(c, { error: 'Không lưu được câu ví dụ vào mục này (nội dung mục chưa hợp lệ); xin sửa trong trình soạn thảo kiến thức.' }, 409);
      // Someone's unpublished edits of this entry are not ours to publish: they stay a draft for its editor.
      if (pendingBefore) outcome = 'drafted';
      else {
        await publishing.publish(staff.actor, { only: [entryId] });
        outcome = 'published';
      }
    }
    await store.close(group.ids, 'done');
    await deps.stores.auditLog.audit(staff.actor, 'unanswered.example', entryId, null, { question: group.text, count: group.count, outcome });
    return c.redirect(`/admin/unanswered?done=${outcome}`, 303);
  });

  app.post('/dismiss', async (c) => {
    const staff = currentStaff(c);
    const form = await readForm(c);
    const store = deps.services?.unanswered;
    const group = await findGroup(form('key'));
    if (!store || !group) return page(c, { error: 'Nhóm câu hỏi này không còn (đã được xử lý hoặc bỏ qua).' }, 404);
    await store.dismiss(group.keys, group.text, staff.actor);
    await store.close(group.ids, 'dismissed');
    await deps.stores.auditLog.audit(staff.actor, 'unanswered.dismiss', group.key, null, { question: group.text, count: group.count, keys: group.keys.length });
    return c.redirect('/admin/unanswered?done=dismissed', 303);
  });

  return app;
}
