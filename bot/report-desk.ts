import { foldKey } from '../intents/fold.ts';
import { REPORT_STATUS_LABEL } from './follow-up.ts';
import { asksForOwnReports, findReportCode, mentionsReportCode } from './reports/codes.ts';
import { advance, mayBeAside, remind, startDraft, type FlowContext, type FlowInput, type FlowOutcome, type ReportDraft } from './reports/flow.ts';
import { onlyNamesPlace } from './reports/draft-place.ts';
import type { Gazetteer } from './reports/gazetteer.ts';
import { reportReplies } from './reports/report-replies.ts';
import type { ReportService } from './reports/service.ts';
import type { Conversation } from './conversation-store.ts';
import type { SiteConfig } from './site-config.ts';
import type { Attachments, Turn } from './turn.ts';
import type { ChannelId, ChoiceOption, IncomingMessage } from './types.ts';

export interface ReportDeskDeps {
  readonly service: ReportService;
  readonly gazetteer: Gazetteer;
  readonly site: SiteConfig;
  /** The report categories residents pick from, as menu options (value report:<id>). */
  readonly categories: readonly ChoiceOption[];
  readonly categoryTitle: (category: string) => string;
  /** How long a half-written report (or a photo sent before one) is kept. */
  readonly ttlMs: number;
  /**
   * How long after the resident's last message their channel lets the bot write (Zalo), if it limits that: the
   * filing reply then says that a later update comes when they next write (the outbox holds it till then).
   */
  readonly replyWindowMs?: (channel: ChannelId) => number | undefined;
  readonly now: () => Date;
}

/** The report side of a conversation: starting, continuing and filing a report, and looking one up. */
export function createReportDesk(deps: ReportDeskDeps) {
  function context(message: IncomingMessage): FlowContext {
    return {
      gazetteer: deps.gazetteer,
      richChannel: message.channel === 'zalo' || message.channel === 'telegram',
      provinceName: deps.site.provinceName,
      categories: deps.categories,
      categoryTitle: deps.categoryTitle,
      now: deps.now(),
    };
  }

  const fresh = (stamp: { at?: string; updatedAt?: string } | undefined): boolean =>
    stamp !== undefined && deps.now().getTime() - Date.parse(stamp.updatedAt ?? stamp.at ?? '') <= deps.ttlMs;

  /** "tra cứu PA1234", "mã 1234", "phản ánh của tôi": one report's status, or the resident's own list. */
  async function lookUp(text: string, conversation: Conversation): Promise<Turn> {
    const code = findReportCode(text, foldKey(text));
    const replies = code ? await deps.service.statusReplies(code, conversation.id) : await deps.service.ownReportsReplies(conversation.id);
    return { replies, label: REPORT_STATUS_LABEL, topic: REPORT_STATUS_LABEL };
  }

  async function settle(outcome: FlowOutcome, conversation: Conversation, label: string | undefined): Promise<Turn> {
    switch (outcome.kind) {
      case 'continue':
        return { replies: outcome.replies, draft: outcome.draft, ...(outcome.options ? { pending: outcome.options } : {}), ...(label ? { label } : {}) };
      case 'cancelled':
        return { replies: outcome.replies, draft: null };
      case 'submit': {
        const draft = outcome.draft;
        const { report, linked } = await deps.service.file(
          {
            category: draft.category ?? 'khac',
            description: draft.description ?? '',
            // An address that is the whole description says nothing more: the commune (or GPS) locates it.
            address: draft.address && draft.address !== draft.description ? draft.address : null,
            commune: draft.commune ?? null,
            location: draft.location ?? null,
            photoUrl: draft.photoUrl ?? null,
            source: 'chat',
            conversationId: conversation.id,
          },
          { conversationId: conversation.id, channel: conversation.channel, userId: conversation.userId },
        );
        // "bao lâu thì sửa" next is about this report (bot/follow-up.ts).
        const windowMs = deps.replyWindowMs?.(conversation.channel);
        const windowHours = windowMs === undefined ? undefined : Math.round(windowMs / 3_600_000);
        return { replies: linked ? reportReplies.linked(report.code, windowHours) : reportReplies.filed(report.code, windowHours), draft: null, attachments: null, label: `report:${report.category}`, topic: REPORT_STATUS_LABEL };
      }
    }
  }

  return {
    isActive: (draft: ReportDraft | undefined): draft is ReportDraft => fresh(draft),
    isStale: (draft: ReportDraft | undefined): boolean => draft !== undefined && !fresh(draft),

    /** Starts a report from a recognised message, or from the menu (no category, no text yet). */
    start(category: string | undefined, text: string | undefined, message: IncomingMessage, conversation: Conversation, attachments: Attachments | undefined): Promise<Turn> {
      const kept = fresh(attachments) ? { ...(attachments?.photoUrl ? { photoUrl: attachments.photoUrl } : {}), ...(attachments?.location ? { location: attachments.location } : {}) } : {};
      return settle(startDraft(category, text, context(message), kept), conversation, category ? `report:${category}` : undefined);
    },

    continue(draft: ReportDraft, input: FlowInput, message: IncomingMessage, conversation: Conversation): Promise<Turn> {
      return settle(advance(draft, input, context(message)), conversation, undefined);
    },

    /** Asks the draft's current step again (after an emergency reply), keeping everything gathered. */
    remind(draft: ReportDraft, message: IncomingMessage, conversation: Conversation): Promise<Turn> {
      return settle(remind(draft, context(message)), conversation, undefined);
    },

    /** Whether `text` may be a question beside the draft rather than its step's answer (flow.ts `mayBeAside`). */
    mayBeAside: (draft: ReportDraft, text: string): boolean => mayBeAside(draft, text, deps.gazetteer),

    /** The draft's current step asked again after a question of ours was answered, keeping everything gathered. */
    remindAfterQuestion(draft: ReportDraft, message: IncomingMessage, conversation: Conversation): Promise<Turn> {
      return settle(remind(draft, context(message), reportReplies.keptAfterQuestion()), conversation, undefined);
    },

    lookUp,

    /** A question about when the resident's reports will be dealt with: their status, and that updates follow. */
    async whenDone(text: string, conversation: Conversation): Promise<Turn> {
      const status = await lookUp(text, conversation);
      return { ...status, replies: [...status.replies, ...reportReplies.whenDone()] };
    },

    /** A message that only says where someone lives ("con tôi ở ấp 2 xã Vị Thủy"): context, not a report. */
    onlyNamesPlace: (text: string): boolean => onlyNamesPlace(text, deps.gazetteer),

    hasCode: mentionsReportCode,
    asksForOwnReports: (text: string): boolean => asksForOwnReports(foldKey(text)),

    /** A photo or a location with no report open: kept for the report the resident is likely to start next. */
    attachmentOnly(message: IncomingMessage, previous: Attachments | undefined): Turn {
      const at = deps.now().toISOString();
      const base = fresh(previous) ? previous : undefined;
      if (message.kind === 'image') return { replies: reportReplies.photoWithoutReport(), attachments: { ...base, photoUrl: message.url, at } };
      if (message.kind === 'location') {
        const point = { latitude: message.latitude, longitude: message.longitude };
        if (!deps.gazetteer.within(point)) return { replies: reportReplies.outsideArea(deps.site.provinceName) };
        return { replies: reportReplies.locationWithoutReport(), attachments: { ...base, location: point, at } };
      }
      return { replies: [] };
    },
  };
}

export type ReportDesk = ReturnType<typeof createReportDesk>;
