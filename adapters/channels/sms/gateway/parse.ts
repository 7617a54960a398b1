import { timeFromMs } from '../../platform-time.ts';
import { normalizeVietnamesePhone } from '../phone.ts';
import type { ParseResult, RawRequest } from '../../../../bot/ports/channel.ts';

/**
 * A webhook event from SMS Gateway for Android: `{ id, webhookId, deviceId, event, payload }`. Only
 * `sms:received` carries a resident's message; delivery reports, pings and events of newer app versions are
 * acknowledged and ignored, since the app retries anything refused for up to two days.
 */
export function parseGateway(raw: RawRequest, now: Date): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(raw.body);
  } catch {
    return { ok: false, status: 400, reason: 'body is not valid JSON' };
  }
  if (!isObject(data)) return { ok: false, status: 400, reason: 'body must be a JSON object' };
  // The event id is unique per delivery attempt series; payload.messageId is derived from the content and is not.
  if (typeof data.id !== 'string' || data.id === '') return { ok: false, status: 400, reason: 'event id is missing' };
  if (typeof data.event !== 'string') return { ok: false, status: 400, reason: 'event is missing' };
  if (data.event !== 'sms:received') return { ok: true, messages: [], ignored: 1 };

  const payload = data.payload;
  if (!isObject(payload)) return { ok: false, status: 400, reason: 'sms:received has no payload' };
  if (typeof payload.phoneNumber !== 'string' || payload.phoneNumber.trim() === '') {
    return { ok: false, status: 400, reason: 'payload.phoneNumber is missing' };
  }
  if (typeof payload.message !== 'string') return { ok: false, status: 400, reason: 'payload.message is missing' };
  const phone = normalizeVietnamesePhone(payload.phoneNumber);
  // Carrier notices come from names ("Viettel") or short codes: nobody to answer, and a 400 would only be retried.
  if (phone === undefined) return { ok: true, messages: [], ignored: 1 };

  return {
    ok: true,
    ignored: 0,
    messages: [{ kind: 'text', channel: 'sms', messageId: data.id, userId: phone, receivedAt: receivedAt(payload.receivedAt, now), text: payload.message }],
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The phone's own clock, with its offset ("2024-06-22T15:46:11.000+07:00"); our clock when it is absent or
 * unreadable. Unlike a platform's time, a phone's clock can be anything (a reset battery, year 1980 or +20000),
 * and refusing would only make the app retry for two days: a time we cannot store falls back to ours as well.
 */
function receivedAt(value: unknown, now: Date): Date {
  if (typeof value !== 'string' || value.length > 64) return now;
  return timeFromMs(new Date(value).getTime()) ?? now;
}
