import type { ChannelAdapter } from '../ports/channel.ts';
import type { ConversationStore } from '../conversation-store.ts';
import { HELD_FOR_RESIDENT, type Outbox, type OutboxItem } from '../outbox.ts';
import { outsideReplyWindow } from '../delivery-policy.ts';
import { queueReplies } from '../queue-replies.ts';
import type { SmsOptOuts } from '../sms-opt-outs.ts';
import type { Reply } from '../types.ts';
import { DUPLICATE_WINDOW_MS, findDuplicate } from './duplicates.ts';
import { reportReplies } from './report-replies.ts';
import type { ReportStore } from './store.ts';
import { OPEN_STATUSES, REPORT_STATUSES, STATUS_TITLES, type NewReport, type Report, type ReportEvent, type ReportStatus, type Subscriber } from './types.ts';
import { displayVietnam } from './vietnam-time.ts';

export interface ReportServiceDeps {
  readonly store: ReportStore;
  readonly conversations: ConversationStore;
  readonly outbox: Outbox;
  /** Asks the outbox worker to send soon. */
  readonly kick: () => void;
  /** Provider → adapter, to render updates for each subscriber's own channel. */
  readonly channels: ReadonlyMap<string, ChannelAdapter>;
  readonly optOuts: SmsOptOuts;
  readonly categoryTitle: (category: string) => string;
  readonly communeName: (id: string) => string | undefined;
  /**
   * Providers that let the bot write only for a while after the resident's last message (Zalo): an update to a
   * resident past it waits in the outbox until they write again (outbox-worker.ts), and staff are told so.
   */
  readonly replyWindowsMs?: ReadonlyMap<string, number>;
  readonly now: () => Date;
}

/** What became of the messages a report's updates were sent as (staff see it on the report's page). */
export interface UpdateDeliveries {
  readonly sent: number;
  /** Held until the resident writes again (Zalo's window: outbox-worker.ts). */
  readonly waiting: number;
  /** Still being sent (retried after a failure, or in flight). */
  readonly sending: number;
  readonly failed: number;
  /** Why the latest message that could not be sent was given up. */
  readonly lastFailure?: string;
}

/** What a status change queued: messages in all, and those waiting for their resident to write again. */
export interface Notified {
  readonly queued: number;
  readonly waiting: number;
}

export type StatusChange = { readonly status: ReportStatus; readonly note?: string | null; readonly photoUrl?: string | null; readonly actor: string };

export class ReportError extends Error {}

export function createReportService(deps: ReportServiceDeps) {
  const { store } = deps;

  /** What a subscriber is told when their report changes. */
  function updateReplies(report: Report, event: ReportEvent): Reply[] {
    const title = deps.categoryTitle(report.category).toLowerCase();
    const lines = [`Cập nhật phản ánh ${report.code} (${title}): ${STATUS_TITLES[event.status]} lúc ${displayVietnam(event.createdAt)}.`];
    if (event.note) lines.push(`${event.status === 'rejected' ? 'Lý do' : 'Ghi chú'}: ${event.note}`);
    const replies: Reply[] = [{ kind: 'text', text: lines.join('\n') }];
    if (event.photoUrl) replies.push({ kind: 'link', text: 'Ảnh kết quả xử lý:', url: event.photoUrl });
    return replies;
  }

  /** Sends an update to every subscriber once, on the channel they last wrote from, through the outbox. */
  async function notify(report: Report, event: ReportEvent): Promise<Notified> {
    let queued = 0;
    let waiting = 0;
    for (const subscriber of await store.subscribers(report.code)) {
      const last = await deps.conversations.lastInbound(subscriber.conversationId);
      const provider = last?.provider ?? null;
      const adapter = provider === null ? undefined : deps.channels.get(provider);
      // Every channel a resident can write from is here (the web chat's page polls its mailbox); a channel
      // switched off since the report was filed cannot carry the update.
      if (adapter === undefined) continue;
      if (subscriber.channel === 'sms' && (await deps.optOuts.isOptedOut(subscriber.userId))) continue;
      const to = { conversationId: subscriber.conversationId, provider: provider as string, userId: subscriber.userId };
      const added = await queueReplies(deps.outbox, adapter, updateReplies(report, event), to, `report:${report.code}:${event.id}:${subscriber.conversationId}`);
      queued += added;
      const window = deps.replyWindowsMs?.get(provider as string);
      if (window !== undefined && outsideReplyWindow(last?.at, window, deps.now())) waiting += added;
    }
    if (queued > 0) deps.kick();
    return { queued, waiting };
  }

  return {
    /**
     * Files a report; a repeat of an open one (see duplicates.ts) is kept, linked to the first, and its
     * reporter follows the first. Returns the report the resident will track.
     */
    async file(report: NewReport, subscriber?: Omit<Subscriber, 'reportCode'>): Promise<{ report: Report; linked: boolean }> {
      const recent = await store.list({ category: report.category, status: OPEN_STATUSES, since: new Date(deps.now().getTime() - DUPLICATE_WINDOW_MS), limit: 500 });
      const original = findDuplicate(report, recent, deps.now(), report.commune ? deps.communeName(report.commune) : undefined);
      const created = await store.create(report, subscriber ? `resident:${subscriber.channel}` : report.source);
      const tracked = original ?? created;
      if (original) await store.markDuplicate(created.code, original.code);
      if (subscriber) await store.subscribe({ ...subscriber, reportCode: tracked.code });
      return { report: tracked, linked: original !== undefined };
    },

    async changeStatus(code: string, change: StatusChange): Promise<{ report: Report; event: ReportEvent; notified: number; waiting: number }> {
      const report = await store.get(code);
      if (report === undefined) throw new ReportError(`no report ${code}`);
      if (!REPORT_STATUSES.includes(change.status)) throw new ReportError(`status must be one of ${REPORT_STATUSES.join(', ')}`);
      const note = change.note?.trim() || null;
      if (change.status === 'rejected' && note === null) throw new ReportError('a rejection needs a public reason (note)');
      if (change.status === report.status && note === null && !change.photoUrl) throw new ReportError(`the report is already ${report.status}; add a note to post an update`);
      if (change.photoUrl && !/^https?:\/\//.test(change.photoUrl)) throw new ReportError('photoUrl must be an http(s) address');
      const event = await store.addEvent(code, { status: change.status, note, photoUrl: change.photoUrl ?? null, actor: change.actor });
      const updated = (await store.get(code)) as Report;
      const { queued, waiting } = await notify(updated, event);
      return { report: updated, event, notified: queued, waiting };
    },

    /** Folds a duplicate into the original: its followers move over and are told where updates will come from. */
    async merge(code: string, into: string, actor: string): Promise<Report> {
      if (code === into) throw new ReportError('a report cannot be merged into itself');
      const [duplicate, original] = await Promise.all([store.get(code), store.get(into)]);
      if (!duplicate || !original) throw new ReportError(`no report ${duplicate ? into : code}`);
      if (original.duplicateOf) throw new ReportError(`${into} is itself merged into ${original.duplicateOf}`);
      await store.markDuplicate(code, into);
      const followers = await store.subscribers(code);
      for (const follower of followers) await store.subscribe({ ...follower, reportCode: into });
      const event = await store.addEvent(code, { status: 'rejected', note: `Trùng với phản ánh ${into}, đang được xử lý; cập nhật sẽ gửi theo mã ${into}.`, actor });
      await notify((await store.get(code)) as Report, event);
      return (await store.get(code)) as Report;
    },

    async deliveries(code: string): Promise<UpdateDeliveries> {
      const items = await deps.outbox.withKeyPrefix(`report:${code}:`, 500);
      const held = (item: OutboxItem) => item.status === 'pending' && item.lastError?.startsWith(HELD_FOR_RESIDENT) === true;
      const failed = items.filter((item) => item.status === 'dead');
      const lastFailure = failed.at(-1)?.lastError ?? undefined;
      return {
        sent: items.filter((item) => item.status === 'sent').length,
        waiting: items.filter(held).length,
        sending: items.filter((item) => (item.status === 'pending' || item.status === 'sending') && !held(item)).length,
        failed: failed.length,
        ...(lastFailure ? { lastFailure } : {}),
      };
    },

    /** Status as a resident sees it: the reporter and followers get the address too; others status only. */
    async statusReplies(code: string, conversationId: string): Promise<Reply[]> {
      const report = await store.get(code);
      if (report === undefined) return reportReplies.notFound(code);
      const own = (await store.subscribers(code)).some((s) => s.conversationId === conversationId);
      const place = [report.address, report.commune ? deps.communeName(report.commune) : undefined].filter(Boolean).join(', ');
      return reportReplies.status(report, deps.categoryTitle(report.category), own ? place : undefined);
    },

    async ownReportsReplies(conversationId: string): Promise<Reply[]> {
      const reports = await store.followedBy(conversationId, 5);
      if (reports.length === 0) return reportReplies.noReports();
      return reportReplies.list(reports.map((r) => `${r.code}: ${deps.categoryTitle(r.category).split(',')[0]} - ${STATUS_TITLES[r.status]} (${displayVietnam(r.updatedAt)})`));
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
