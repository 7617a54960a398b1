import { Hono, type Context } from 'hono';
import type { HandoffService } from '../../bot/handoff-service.ts';
import { csrfToken, currentStaff, type AdminEnv } from '../context.ts';
import type { AdminDeps } from '../deps.ts';
import { renderPage } from '../render.tsx';
import { accessFor } from '../route-access.ts';
import { allows } from '../roles.ts';
import { HandoffListPage, HandoffPage } from '../views/handoff-pages.tsx';
import { readForm } from './form.ts';

const TITLE = 'Người dân cần gặp cán bộ';
const TRANSCRIPT_LIMIT = 300;

const NOTICES: Readonly<Record<string, string>> = {
  sent: 'Đã gửi trả lời; tin đang được chuyển tới người dân.',
  held: 'Đã lưu trả lời: tin sẽ được gửi ngay khi người dân nhắn lại (kênh của họ chỉ cho gửi tin trong một thời hạn sau tin nhắn cuối).',
  taken: 'Bạn đang xử lý cuộc trò chuyện này: trợ lý tự động tạm ngừng trả lời (trừ tình huống khẩn cấp).',
  released: 'Đã trả cuộc trò chuyện lại cho trợ lý tự động.',
};

/**
 * /admin/handoffs: residents who asked for a person. The list shows the queue (channel and times only); an
 * operator opens one, reads the whole conversation, takes it (the bot goes quiet), replies through the outbox
 * on the resident's own channel, and hands it back. Every take, reply and hand-back is audited.
 */
export function handoffRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const missing = (c: Context<AdminEnv>) => renderPage(c, deps, { title: TITLE, active: 'handoffs', status: 404 }, <p class="alert">Mục này chưa được cấu hình trên máy chủ.</p>);

  app.get('/', async (c) => {
    const service = deps.services?.handoffs;
    if (!service) return missing(c);
    const [open, closed] = await Promise.all([service.list({ status: 'open' }), service.list({ status: 'closed', limit: 10 })]);
    const access = accessFor('GET', '/admin/handoffs/:id');
    const canOpen = access !== undefined && allows(access, currentStaff(c).role);
    return renderPage(c, deps, { title: TITLE, active: 'handoffs' }, <HandoffListPage open={open} closed={closed} hoursSource={service.hours.description} takeMinutes={service.takeMinutes} canOpen={canOpen} />);
  });

  async function detail(c: Context<AdminEnv>, service: HandoffService, id: string, messages: { notice?: string; error?: string; draft?: string } = {}, status: 200 | 400 | 404 | 409 = 200) {
    const handoff = await service.get(id);
    const conversations = deps.services?.conversations;
    if (!handoff || !conversations) return renderPage(c, deps, { title: TITLE, active: 'handoffs', status: 404 }, <p class="alert">Không tìm thấy yêu cầu này.</p>);
    const [transcript, reach] = await Promise.all([conversations.transcript(handoff.conversationId, TRANSCRIPT_LIMIT), service.reach(handoff)]);
    return renderPage(
      c,
      deps,
      { title: TITLE, active: 'handoffs', status },
      <HandoffPage handoff={handoff} transcript={transcript} reach={reach} csrf={csrfToken(c)} nonce={crypto.randomUUID()} me={currentStaff(c).actor} notice={messages.notice} error={messages.error} draft={messages.draft} />,
    );
  }

  app.get('/:id', async (c) => {
    const service = deps.services?.handoffs;
    if (!service) return missing(c);
    return detail(c, service, c.req.param('id'), { notice: NOTICES[c.req.query('done') ?? ''] });
  });

  app.post('/:id/take', async (c) => {
    const service = deps.services?.handoffs;
    if (!service) return missing(c);
    const id = c.req.param('id');
    const before = await service.get(id);
    if (!before || !(await service.take(id, currentStaff(c).actor))) return detail(c, service, id, { error: 'Yêu cầu này đã được trả lại cho trợ lý.' }, 409);
    await deps.stores.auditLog.audit(currentStaff(c).actor, 'handoff.take', id, { status: before.status, takenBy: before.takenBy }, { status: 'held', takenBy: currentStaff(c).actor });
    return c.redirect(`/admin/handoffs/${id}?done=taken`, 303);
  });

  app.post('/:id/reply', async (c) => {
    const service = deps.services?.handoffs;
    if (!service) return missing(c);
    const id = c.req.param('id');
    const staff = currentStaff(c);
    const form = await readForm(c);
    const text = form('text');
    const nonce = /^[\w-]{8,64}$/.test(form('nonce')) ? form('nonce') : crypto.randomUUID();
    const before = await service.get(id);
    const outcome = await service.reply(id, staff.actor, text, nonce);
    switch (outcome.kind) {
      case 'closed':
        return detail(c, service, id, { error: 'Yêu cầu này đã được trả lại cho trợ lý; không gửi trả lời.' }, 409);
      case 'empty':
        return detail(c, service, id, { error: 'Xin nhập nội dung trả lời.' }, 400);
      case 'too-long':
        return detail(c, service, id, { error: `Nội dung dài quá ${outcome.max} ký tự.`, draft: text }, 400);
      case 'unreachable':
        return detail(c, service, id, { error: `Không gửi được: ${outcome.reason}`, draft: text }, 409);
      case 'sent':
        if (outcome.took) await deps.stores.auditLog.audit(staff.actor, 'handoff.take', id, { status: before?.status ?? null, takenBy: before?.takenBy ?? null }, { status: 'held', takenBy: staff.actor });
        // The reply is what the resident reads; the conversation id is opaque (no number, no chat id).
        if (outcome.queued > 0) await deps.stores.auditLog.audit(staff.actor, 'handoff.reply', id, null, { conversationId: before?.conversationId ?? null, channel: before?.channel ?? null, text: text.trim(), messages: outcome.queued });
        return c.redirect(`/admin/handoffs/${id}?done=${outcome.waitsForResident ? 'held' : 'sent'}`, 303);
    }
  });

  app.post('/:id/release', async (c) => {
    const service = deps.services?.handoffs;
    if (!service) return missing(c);
    const id = c.req.param('id');
    const before = await service.get(id);
    if (!before || !(await service.handBack(id, currentStaff(c).actor))) return detail(c, service, id, { error: 'Yêu cầu này đã được trả lại cho trợ lý trước đó.' }, 409);
    await deps.stores.auditLog.audit(currentStaff(c).actor, 'handoff.release', id, { status: before.status, takenBy: before.takenBy }, { status: 'closed' });
    return c.redirect(`/admin/handoffs/${id}?done=released`, 303);
  });

  return app;
}
