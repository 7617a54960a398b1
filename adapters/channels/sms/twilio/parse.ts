import { normalizeVietnamesePhone } from '../phone.ts';
import type { ParseResult, RawRequest } from '../../../../bot/ports/channel.ts';

/**
 * An inbound Twilio webhook (form-encoded, CHANNELS.md §3.2) as messages. Delivery status callbacks share the
 * endpoint and are acknowledged without a message.
 */
export function parseTwilio(raw: RawRequest, now: Date): ParseResult {
  const params = new URLSearchParams(raw.body);
  if (params.has('MessageStatus') && !params.has('Body')) return { ok: true, messages: [], ignored: 1 };

  const messageSid = params.get('MessageSid');
  if (messageSid === null || messageSid === '') return { ok: false, status: 400, reason: 'MessageSid is missing' };
  const from = params.get('From');
  if (from === null || from === '') return { ok: false, status: 400, reason: 'From is missing' };
  // Vietnamese numbers become +84...; a foreign E.164 number comes back as it is.
  const phone = normalizeVietnamesePhone(from);
  if (phone === undefined) return { ok: false, status: 400, reason: `From is not a phone number: ${from.slice(0, 40)}` };

  return {
    ok: true,
    ignored: 0,
    messages: [{ kind: 'text', channel: 'sms', messageId: messageSid, userId: phone, receivedAt: now, text: params.get('Body') ?? '' }],
  };
}
