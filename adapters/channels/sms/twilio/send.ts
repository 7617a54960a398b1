import { basicAuth, jsonObject, request } from '../http.ts';
import type { Fetch, OutboundPayload, SendResult, SendTarget } from '../../../../bot/ports/channel.ts';

export interface TwilioSendConfig {
  readonly accountSid: string;
  readonly authToken: string;
  /** The Twilio number or alphanumeric sender the message comes from. */
  readonly from: string;
  readonly apiBase: string;
  readonly fetch: Fetch;
  readonly timeoutMs: number;
}

// Twilio's own "too many requests" code, which may come with a status other than 429.
const RATE_LIMITED = 20429;

/** Messages.create over plain fetch (CHANNELS.md §3.9): form body, Basic auth with the account SID and auth token. */
export async function sendTwilio(config: TwilioSendConfig, target: SendTarget, payload: OutboundPayload): Promise<SendResult> {
  const text = payload.body.Body;
  if (typeof text !== 'string') return { ok: false, retryable: false, reason: 'payload has no Body text' };
  const url = `${config.apiBase.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const outcome = await request(
    config.fetch,
    url,
    {
      method: 'POST',
      headers: { authorization: basicAuth(config.accountSid, config.authToken), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ To: target.userId, From: config.from, Body: text }).toString(),
    },
    config.timeoutMs,
  );
  if (!outcome.reached) return { ok: false, retryable: true, reason: `twilio: ${outcome.reason}` };

  const answer = jsonObject(outcome.body);
  if (outcome.status === 200 || outcome.status === 201) {
    return typeof answer.sid === 'string' ? { ok: true, providerMessageId: answer.sid } : { ok: true };
  }
  const code = typeof answer.code === 'number' ? answer.code : undefined;
  const message = typeof answer.message === 'string' ? `: ${answer.message}` : '';
  const reason = `twilio ${outcome.status}${code === undefined ? '' : ` code ${code}`}${message}`;
  if (outcome.status === 429 || code === RATE_LIMITED) {
    return outcome.retryAfterMs === undefined
      ? { ok: false, retryable: true, reason }
      : { ok: false, retryable: true, retryAfterMs: outcome.retryAfterMs, reason };
  }
  // 5xx is Twilio's trouble; any other refusal (21610 unsubscribed, 21614 landline, 21211 bad number) will not change.
  return { ok: false, retryable: outcome.status >= 500, reason };
}
