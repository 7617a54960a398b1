import type { OutboundPayload, WebhookResponse } from '../../../../bot/ports/channel.ts';

/** Replies written into the webhook response as TwiML (CHANNELS.md §3.4), so Twilio sends them without a REST call. */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  // XML 1.0 has no way to carry most control characters, even escaped.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

export function twimlResponse(payloads: readonly OutboundPayload[]): WebhookResponse {
  const messages = payloads.map((payload) => `<Message>${escapeXml(String(payload.body.Body ?? ''))}</Message>`).join('');
  return { contentType: 'text/xml', body: `<?xml version="1.0" encoding="UTF-8"?><Response>${messages}</Response>` };
}
