import type { IncomingMessage } from '../../../bot/types.ts';
import { timeFromMs } from '../platform-time.ts';
import { CHOICE_PAYLOAD_PREFIX, type ParseResult, type WebhookResponse } from '../../../bot/ports/channel.ts';

type Json = Record<string, unknown>;
type Base = Pick<IncomingMessage, 'channel' | 'messageId' | 'userId' | 'receivedAt'>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A bot reply offered its options as numbered buttons; a button whose value did not fit sends its number. */
const OPTION_NUMBER = /^[0-9]+$/;

const refuse = (reason: string): ParseResult => ({ ok: false, status: 400, reason });
const accept = (message: IncomingMessage, ack?: WebhookResponse): ParseResult => ({ ok: true, messages: [message], ignored: 0, ...(ack ? { ack } : {}) });
const ignore = (ack?: WebhookResponse): ParseResult => ({ ok: true, messages: [], ignored: 1, ...(ack ? { ack } : {}) });

/**
 * Turns a webhook body (one Telegram `Update`) into channel-neutral messages. Only private chats are served: group
 * messages, channel posts and edits are acknowledged and ignored. Every message takes `update_id` as its id because
 * Telegram redelivers a failed update with the same `update_id`, which makes it the dedupe key.
 */
export function parseTelegramUpdate(body: string, now: Date): ParseResult {
  let update: unknown;
  try {
    update = JSON.parse(body);
  } catch {
    return refuse('body is not valid JSON');
  }
  if (!isObject(update)) return refuse('body must be a JSON object (a Telegram Update)');
  if (typeof update.update_id !== 'number' || !Number.isSafeInteger(update.update_id)) {
    return refuse('update_id is missing or not an integer');
  }
  const messageId = String(update.update_id);
  if (update.message !== undefined) return fromMessage(update.message, messageId, now);
  if (update.callback_query !== undefined) return fromCallbackQuery(update.callback_query, messageId, now);
  if (update.my_chat_member !== undefined) return fromChatMember(update.my_chat_member, messageId, now);
  return ignore();
}

/**
 * Telegram dates are unix seconds; a missing or zero date (an inaccessible message) falls back to now. Any other
 * value that is no storable time is a reason to refuse the update (a string naming the field), not a crash later.
 */
function dateOf(seconds: unknown, now: Date, where: string): Date | string {
  if (seconds === undefined || seconds === 0) return now;
  const date = isFiniteNumber(seconds) ? timeFromMs(seconds * 1000) : undefined;
  return date ?? `${where}.date must be unix seconds between 1970 and 9999`;
}

/** Telegram ids are integers of at most 52 bits; anything else (1e300, 1.5) would become a nonsense user id. */
const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/** The chat of a message or membership change, or a reason to refuse the update when it has none. */
function chatOf(value: Json, where: string): { id: string; private: boolean } | string {
  const chat = value.chat;
  if (!isObject(chat) || !isId(chat.id)) return `${where}.chat.id is missing or not an integer`;
  return { id: String(chat.id), private: chat.type === 'private' };
}

function fromMessage(message: unknown, messageId: string, now: Date): ParseResult {
  if (!isObject(message)) return refuse('message must be an object');
  const chat = chatOf(message, 'message');
  if (typeof chat === 'string') return refuse(chat);
  if (!chat.private) return ignore();
  const receivedAt = dateOf(message.date, now, 'message');
  if (typeof receivedAt === 'string') return refuse(receivedAt);
  const base: Base = { channel: 'telegram', messageId, userId: chat.id, receivedAt };

  if (typeof message.text === 'string') return accept({ ...base, kind: 'text', text: message.text });
  if (message.location !== undefined) {
    const location = message.location;
    if (!isObject(location) || !isFiniteNumber(location.latitude) || !isFiniteNumber(location.longitude)) {
      return refuse('message.location needs numeric latitude and longitude');
    }
    return accept({ ...base, kind: 'location', latitude: location.latitude, longitude: location.longitude });
  }
  const caption = typeof message.caption === 'string' && message.caption.trim() !== '' ? message.caption : undefined;
  if (message.photo !== undefined) {
    const fileId = largestPhotoFileId(message.photo);
    if (fileId === undefined) return refuse('message.photo must be a non-empty list of sizes with a file_id');
    return accept({ ...base, kind: 'image', url: `tg-file:${fileId}`, ...(caption === undefined ? {} : { caption }) });
  }
  // A voice note, sticker or document cannot be read by the bot; its caption, when there is one, still can.
  if (caption !== undefined) return accept({ ...base, kind: 'text', text: caption });
  return ignore();
}

/**
 * Telegram lists the sizes smallest first, but the largest is picked by area rather than by position so a
 * reordered list still yields the best picture; `getFile` later turns the id into a download.
 */
function largestPhotoFileId(photo: unknown): string | undefined {
  if (!Array.isArray(photo)) return undefined;
  let best: { fileId: string; area: number } | undefined;
  for (const size of photo) {
    if (!isObject(size) || typeof size.file_id !== 'string' || size.file_id === '') continue;
    const area = isFiniteNumber(size.width) && isFiniteNumber(size.height) ? size.width * size.height : 0;
    if (best === undefined || area >= best.area) best = { fileId: size.file_id, area };
  }
  return best?.fileId;
}

/** Answered in the webhook response itself, so the button's spinner stops without a second API call. */
function answerCallbackQuery(id: string): WebhookResponse {
  return { contentType: 'application/json', body: JSON.stringify({ method: 'answerCallbackQuery', callback_query_id: id }) };
}

function fromCallbackQuery(query: unknown, messageId: string, now: Date): ParseResult {
  if (!isObject(query)) return refuse('callback_query must be an object');
  if (typeof query.id !== 'string' || query.id === '') return refuse('callback_query.id is missing');
  const from = query.from;
  if (!isObject(from) || !isId(from.id)) return refuse('callback_query.from.id is missing or not an integer');
  const ack = answerCallbackQuery(query.id);

  const chat = isObject(query.message) ? chatOf(query.message, 'callback_query.message') : undefined;
  if (typeof chat === 'string') return refuse(chat);
  if (chat !== undefined && !chat.private) return ignore(ack);
  // The tap itself carries no date: the attached message's date is when the bot sent the buttons.
  const base: Base = { channel: 'telegram', messageId, userId: chat?.id ?? String(from.id), receivedAt: now };

  const data = query.data;
  if (typeof data !== 'string') return ignore(ack);
  if (data.startsWith(CHOICE_PAYLOAD_PREFIX) && data.length > CHOICE_PAYLOAD_PREFIX.length) {
    return accept({ ...base, kind: 'choice', value: data.slice(CHOICE_PAYLOAD_PREFIX.length) }, ack);
  }
  if (OPTION_NUMBER.test(data)) return accept({ ...base, kind: 'text', text: data }, ack);
  return ignore(ack);
}

/** In a private chat, `kicked` means the resident blocked the bot and `member` that they started or unblocked it. */
function fromChatMember(change: unknown, messageId: string, now: Date): ParseResult {
  if (!isObject(change)) return refuse('my_chat_member must be an object');
  const chat = chatOf(change, 'my_chat_member');
  if (typeof chat === 'string') return refuse(chat);
  if (!chat.private) return ignore();
  const status = isObject(change.new_chat_member) ? change.new_chat_member.status : undefined;
  const receivedAt = dateOf(change.date, now, 'my_chat_member');
  if (typeof receivedAt === 'string') return refuse(receivedAt);
  const base: Base = { channel: 'telegram', messageId, userId: chat.id, receivedAt };
  if (status === 'kicked') return accept({ ...base, kind: 'unfollow' });
  if (status === 'member') return accept({ ...base, kind: 'follow' });
  return ignore();
}
