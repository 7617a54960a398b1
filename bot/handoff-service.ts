import type { ChannelAdapter } from './ports/channel.ts';
import type { ConversationStore } from './conversation-store.ts';
import { outsideReplyWindow } from './delivery-policy.ts';
import { clockTime, describeOpening, type HandoffHours } from './handoff-hours.ts';
import type { Handoff, HandoffStore } from './handoffs.ts';
import type { Outbox } from './outbox.ts';
import { queueReplies } from './queue-replies.ts';
import type { Replies } from './replies.ts';
import { displayVietnam } from './reports/vietnam-time.ts';
import type { ChannelId, Reply } from './types.ts';

/** What the bot asks of the queue: "gặp cán bộ" joins it; while an operator holds a conversation the bot is quiet. */
export interface HandoffDesk {
  request(conversation: { readonly id: string; readonly channel: ChannelId }): Promise<Reply[]>;
  isHeld(conversationId: string): Promise<boolean>;
  /** The resident no longer wants a person: their hand-off closes if no operator has taken it yet (false otherwise). */
  withdraw(conversationId: string): Promise<boolean>;
}

/** Who closed a hand-off the resident withdrew (`closedBy`; staff close theirs under their user name). */
export const RESIDENT_ACTOR = 'resident';

/** Whether an operator's reply can reach the resident now, and if not, why (shown before the operator writes). */
export type Reach =
  /**
   * `waitsForResident`: the channel's reply window has passed (Zalo), so a reply is held in the outbox and goes out
   * as soon as the resident writes again (outbox-worker.ts); why, in words for the operator.
   */
  | { readonly ok: true; readonly provider: string; readonly waitsForResident?: string }
  | { readonly ok: false; readonly reason: string };

export type ReplyOutcome =
  | { readonly kind: 'sent'; readonly queued: number; readonly took: boolean; readonly waitsForResident: boolean }
  | { readonly kind: 'unreachable'; readonly reason: string }
  | { readonly kind: 'closed' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-long'; readonly max: number };

export interface HandoffServiceDeps {
  readonly store: HandoffStore;
  readonly conversations: ConversationStore;
  readonly outbox: Outbox;
  /** Asks the outbox worker to send soon. */
  readonly kick: () => void;
  /** Provider → adapter (the web chat's mailbox included), to render a message for the resident's own channel. */
  readonly channels: ReadonlyMap<string, ChannelAdapter>;
  /** Providers that may only answer within a time after the resident's last message (Zalo: 48 h). */
  readonly replyWindowsMs: ReadonlyMap<string, number>;
  readonly hours: HandoffHours;
  /** Minutes an operator has to take a hand-off before the resident is told it waits (HANDOFF_TAKE_MINUTES). */
  readonly takeMinutes: number;
  readonly replies: Replies;
  readonly now: () => Date;
}

export const MAX_STAFF_REPLY = 2000;
/** The label staff replies carry in the message log (the transcript shows who spoke; the audit log names them). */
export const STAFF_LABEL = 'staff';
const PROVIDER_TITLES: Readonly<Record<string, string>> = { zalo: 'Zalo', telegram: 'Telegram', twilio: 'SMS (Twilio)', gateway: 'SMS', webchat: 'Web chat' };

export function providerTitle(provider: string): string {
  return PROVIDER_TITLES[provider] ?? provider;
}

/** Pieces of at most `max` characters, cut between words: a channel that cuts long texts (SMS) gets several messages instead. */
export function splitForChannel(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const end = cut > max / 2 ? cut : max;
    pieces.push(rest.slice(0, end).trim());
    rest = rest.slice(end).trim();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

export function createHandoffService(deps: HandoffServiceDeps) {
  const { store, hours, replies } = deps;
  const takeMs = deps.takeMinutes * 60_000;

  async function reach(conversationId: string, channel: ChannelId): Promise<Reach> {
    if (channel === 'cli') return { ok: false, reason: 'Cuộc trò chuyện trên cửa sổ dòng lệnh (thử nghiệm): không có kênh để gửi tin trả lời.' };
    const last = await deps.conversations.lastInbound(conversationId);
    const provider = last?.provider ?? null;
    if (provider === null) return { ok: false, reason: 'Chưa biết người dân nhắn qua kênh nào, nên chưa gửi được tin trả lời.' };
    if (!deps.channels.has(provider)) return { ok: false, reason: `Kênh ${providerTitle(provider)} hiện đang tắt (chưa cấu hình), nên không gửi được tin trả lời.` };
    const window = deps.replyWindowsMs.get(provider);
    if (window !== undefined) {
      const at = last?.at ?? null;
      const hoursWindow = Math.round(window / 3_600_000);
      if (outsideReplyWindow(at, window, deps.now())) {
        return {
          ok: true,
          provider,
          waitsForResident: `${providerTitle(provider)} chỉ cho phép gửi tin trong ${hoursWindow} giờ kể từ tin nhắn cuối của người dân` +
            (at ? ` (tin cuối lúc ${displayVietnam(at.toISOString())})` : '') +
            '. Tin trả lời sẽ được giữ và gửi ngay khi người dân nhắn lại; nếu việc gấp, hãy liên hệ qua đường dây nóng hoặc số điện thoại người dân để lại.',
        };
      }
    }
    return { ok: true, provider };
  }

  /**
   * Renders replies for the resident's own channel and stores them in the outbox; 0 when nothing could be queued,
   * or when the resident is past the channel's window and `orHold` is false (a notice that would be stale by then).
   */
  async function deliver(handoff: Handoff, messages: readonly Reply[], key: string, orHold: boolean): Promise<number> {
    const how = await reach(handoff.conversationId, handoff.channel);
    const to = await store.recipient(handoff.conversationId);
    if (!how.ok || to === undefined || (how.waitsForResident !== undefined && !orHold)) return 0;
    const adapter = deps.channels.get(how.provider) as ChannelAdapter;
    const max = adapter.capabilities.maxTextLength;
    const pieces: Reply[] = messages.flatMap((m) => (m.kind === 'text' && m.short === undefined && m.text.length > max ? splitForChannel(m.text, max).map((text) => ({ kind: 'text' as const, text })) : [m]));
    const queued = await queueReplies(deps.outbox, adapter, pieces, { conversationId: handoff.conversationId, provider: how.provider, userId: to.userId }, key);
    if (queued > 0) deps.kick();
    return queued;
  }

  const desk: HandoffDesk = {
    async request(conversation) {
      // The terminal chat has no way back to the resident: say how to reach a person, promise nothing.
      if (conversation.channel === 'cli') return replies.human();
      const at = deps.now();
      const open = hours.isOpen(at);
      await store.open({ conversationId: conversation.id, channel: conversation.channel, at, outOfHours: !open });
      const opening = open ? undefined : hours.nextOpening(at);
      // Zalo lets us write for a while after the resident's last message; a desk that opens after that (a weekend)
      // can answer only once they write again (the reply is held till then), so they are told to.
      const window = deps.replyWindowsMs.get(conversation.channel);
      const pastWindow = opening !== undefined && window !== undefined && opening.getTime() + takeMs - at.getTime() > window;
      return replies.handoffQueued({
        minutes: deps.takeMinutes,
        ...(opening ? { opening: describeOpening(opening, at) } : {}),
        ...(pastWindow ? { windowHours: Math.round((window as number) / 3_600_000) } : {}),
      });
    },
    async isHeld(conversationId) {
      return (await store.openFor(conversationId))?.status === 'held';
    },
    async withdraw(conversationId) {
      const open = await store.openFor(conversationId);
      return open?.status === 'waiting' && (await store.close(open.id, RESIDENT_ACTOR, deps.now()));
    },
  };

  return {
    desk,
    hours,
    takeMinutes: deps.takeMinutes,
    list: store.list,
    get: store.get,
    countWaiting: store.countWaiting,
    reach: (handoff: Handoff) => reach(handoff.conversationId, handoff.channel),
    take: (id: string, actor: string) => store.take(id, actor, deps.now()),
    /** Hands the conversation back to the bot. */
    handBack: (id: string, actor: string) => store.close(id, actor, deps.now()),

    /**
     * An operator's reply: taken on the way if it was waiting, sent through the outbox (held there for the resident's
     * next message when the channel's reply window has passed), logged in the conversation and counted (the first one stamps the time to first reply).
     * `nonce` comes with the form: the same form sent twice is queued once.
     */
    async reply(id: string, actor: string, text: string, nonce: string): Promise<ReplyOutcome> {
      const handoff = await store.get(id);
      if (handoff === undefined || handoff.status === 'closed') return { kind: 'closed' };
      const clean = text.replace(/\r\n?/g, '\n').trim();
      if (clean === '') return { kind: 'empty' };
      if (clean.length > MAX_STAFF_REPLY) return { kind: 'too-long', max: MAX_STAFF_REPLY };
      const how = await reach(handoff.conversationId, handoff.channel);
      if (!how.ok) return { kind: 'unreachable', reason: how.reason };
      const took = handoff.status === 'waiting' && (await store.take(id, actor, deps.now()));
      const queued = await deliver(handoff, [{ kind: 'text', text: clean }], `handoff:${id}:reply:${nonce}`, true);
      if (queued > 0) {
        await deps.conversations.log({ conversationId: handoff.conversationId, direction: 'out', kind: 'text', text: clean, label: STAFF_LABEL });
        await store.recordReply(id, deps.now());
      }
      return { kind: 'sent', queued, took, waitsForResident: how.waitsForResident !== undefined };
    },

    /**
     * The periodic check (Node: every minute): a hand-off no operator took within `takeMinutes` of the desk
     * being open gets one honest notice (when to expect an answer, the hotline). Asked out of hours, the wait
     * counts from the opening the resident was told about.
     */
    async checkOverdue(): Promise<number> {
      const at = deps.now();
      let told = 0;
      for (const handoff of await store.waitingUnnoticed(new Date(at.getTime() - takeMs), 200)) {
        const requested = new Date(handoff.requestedAt);
        const start = handoff.outOfHours ? hours.nextOpening(requested) ?? requested : requested;
        if (at.getTime() < start.getTime() + takeMs) continue;
        if (!(await store.markNoticed(handoff.id, at))) continue;
        const opening = hours.isOpen(at) ? undefined : hours.nextOpening(at);
        const closing = hours.closingAfter(at);
        const notice = replies.handoffNotTaken(opening ? { opening: describeOpening(opening, at) } : closing ? { until: clockTime(closing) } : {});
        if ((await deliver(handoff, notice, `handoff:${handoff.id}:notice`, false)) === 0) continue;
        for (const m of notice) await deps.conversations.log({ conversationId: handoff.conversationId, direction: 'out', kind: m.kind, text: m.text, label: 'handoff:notice' });
        told++;
      }
      return told;
    },
  };
}

export type HandoffService = ReturnType<typeof createHandoffService>;

/** HANDOFF_TAKE_MINUTES (default 15). */
export function takeMinutesFrom(env: Readonly<Record<string, string | undefined>>): number {
  const value = Number(env.HANDOFF_TAKE_MINUTES ?? 15);
  return Number.isFinite(value) && value > 0 ? value : 15;
}
