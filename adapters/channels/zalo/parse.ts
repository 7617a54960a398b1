import type { IncomingMessage } from '../../../bot/types.ts';
import { timeFromMs } from '../platform-time.ts';
import { CHOICE_PAYLOAD_PREFIX, type ParseResult } from '../../../bot/ports/channel.ts';
import { field, idOf, parseJsonObject, type JsonObject } from './json.ts';

type Refusal = { readonly ok: false; readonly status: 400; readonly reason: string };

/** Events that become a message for the bot; everything else (oa_* echoes, receipts, stickers...) is acknowledged and ignored. */
const TEXT_EVENTS = new Set(['user_send_text', 'anonymous_send_text', 'user_click_button']);

/**
 * Turns one Zalo OA webhook event (CHANNELS.md §1.5) into zero or one IncomingMessage. Ids stay strings,
 * including ones that arrive as long JSON numbers (see json.ts).
 */
export function parseZaloEvent(rawBody: string, now: Date): ParseResult {
  const event = parseJsonObject(rawBody);
  if (event === undefined) return refuse('body is not a JSON object');
  const name = event.event_name;
  if (typeof name !== 'string' || name === '') return refuse('event_name is missing');
  const receivedAt = receivedAtOf(event, now);
  if (receivedAt === undefined) return refuse('timestamp must be milliseconds since 1970 (a time before year 10000)');

  if (name === 'follow' || name === 'unfollow') {
    const userId = idOf(field(event.follower, 'id'));
    if (userId === undefined) return refuse(`${name} event lacks follower.id`);
    const timestamp = idOf(event.timestamp) ?? String(receivedAt.getTime());
    return accept({ kind: name, channel: 'zalo', userId, messageId: `${name}:${userId}:${timestamp}`, receivedAt });
  }

  const handled = TEXT_EVENTS.has(name) || name === 'user_send_image' || name === 'user_send_location';
  if (!handled) return { ok: true, messages: [], ignored: 1 };

  const userId = idOf(field(event.sender, 'id'));
  if (userId === undefined) return refuse(`${name} event lacks sender.id`);
  const message = event.message;
  const messageId = messageIdOf(name, event, userId);
  if (messageId === undefined) return refuse(`${name} event lacks message.msg_id and timestamp`);
  const base = { channel: 'zalo' as const, userId, messageId, receivedAt };

  if (TEXT_EVENTS.has(name)) {
    // A tapped oa.query button sends its payload back; sources disagree on whether it comes as user_send_text
    // or user_click_button, and on the field, so both events and both fields are read.
    const text = field(message, 'text') ?? field(message, 'payload');
    if (typeof text !== 'string') return refuse(`${name} event lacks message.text`);
    const value = text.startsWith(CHOICE_PAYLOAD_PREFIX) ? text.slice(CHOICE_PAYLOAD_PREFIX.length) : '';
    return accept(value !== '' ? { ...base, kind: 'choice', value } : { ...base, kind: 'text', text });
  }

  const attachment = attachmentOf(message, name === 'user_send_image' ? 'image' : 'location');
  if (name === 'user_send_image') {
    const url = field(field(attachment, 'payload'), 'url');
    if (typeof url !== 'string' || url === '') return refuse('user_send_image event lacks attachments[0].payload.url');
    const caption = field(message, 'text');
    return accept(typeof caption === 'string' && caption.trim() !== '' ? { ...base, kind: 'image', url, caption } : { ...base, kind: 'image', url });
  }

  const position = positionOf(field(field(attachment, 'payload'), 'coordinates')) ?? positionOf(field(message, 'location'));
  if (position === undefined) return refuse('user_send_location event has no readable latitude and longitude');
  return accept({ ...base, kind: 'location', ...position });
}

function refuse(reason: string): Refusal {
  return { ok: false, status: 400, reason };
}

function accept(message: IncomingMessage): ParseResult {
  return { ok: true, messages: [message], ignored: 0 };
}

/** The event's own time; without one, now. A timestamp that is there but is no storable time is refused. */
function receivedAtOf(event: JsonObject, now: Date): Date | undefined {
  if (event.timestamp === undefined) return now;
  const timestamp = idOf(event.timestamp);
  return timestamp !== undefined && /^\d{1,16}$/.test(timestamp) ? timeFromMs(Number(timestamp)) : undefined;
}

/** `event_name:msg_id`; without a msg_id (not seen, but button events are poorly documented) the sender and time stand in. */
function messageIdOf(name: string, event: JsonObject, userId: string): string | undefined {
  const msgId = idOf(field(event.message, 'msg_id'));
  if (msgId !== undefined) return `${name}:${msgId}`;
  const timestamp = idOf(event.timestamp);
  return timestamp === undefined ? undefined : `${name}:${userId}:${timestamp}`;
}

/** The first attachment of the wanted type, else the first attachment. */
function attachmentOf(message: unknown, type: string): unknown {
  const attachments = field(message, 'attachments');
  if (!Array.isArray(attachments)) return undefined;
  return attachments.find((a) => field(a, 'type') === type) ?? attachments[0];
}

/** Coordinates as strings or numbers, named latitude/longitude or lat/long: all forms seen in the sources. */
function positionOf(coordinates: unknown): { latitude: number; longitude: number } | undefined {
  const latitude = degreesOf(field(coordinates, 'latitude') ?? field(coordinates, 'lat'));
  const longitude = degreesOf(field(coordinates, 'longitude') ?? field(coordinates, 'long'));
  if (latitude === undefined || longitude === undefined) return undefined;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  return { latitude, longitude };
}

function degreesOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !/^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}
