import { basicAuth, jsonObject, request } from '../http.ts';
import type { Fetch, OutboundPayload, SendResult, SendTarget } from '../../../../bot/ports/channel.ts';

export interface GatewaySendConfig {
  /** The phone's local API (http://192.168.1.20:8080) or the cloud/private server's API base. */
  readonly url: string;
  readonly user: string;
  readonly password: string;
  readonly fetch: Fetch;
  readonly timeoutMs: number;
}

/** POST /message: the phone queues the text and splits it into SMS itself. */
export async function sendGateway(config: GatewaySendConfig, target: SendTarget, payload: OutboundPayload): Promise<SendResult> {
  const text = payload.body.text;
  if (typeof text !== 'string') return { ok: false, retryable: false, reason: 'payload has no text' };
  const outcome = await request(
    config.fetch,
    `${config.url.replace(/\/+$/, '')}/message`,
    {
      method: 'POST',
      headers: { authorization: basicAuth(config.user, config.password), 'content-type': 'application/json' },
      // Our id for the message: the app refuses a second message with an id it already has (409), so a resend
      // whose first attempt did arrive (a timeout, a crash before we recorded it) is not sent twice.
      body: JSON.stringify({ ...(target.idempotencyKey ? { id: target.idempotencyKey } : {}), textMessage: { text }, phoneNumbers: [target.userId] }),
    },
    config.timeoutMs,
  );
  if (!outcome.reached) return { ok: false, retryable: true, reason: `sms gateway: ${outcome.reason}` };

  const answer = jsonObject(outcome.body);
  if (outcome.status >= 200 && outcome.status < 300) {
    return typeof answer.id === 'string' ? { ok: true, providerMessageId: answer.id } : { ok: true };
  }
  // App versions that map the refusal to another status still say why ("Message with the same ID already exists").
  const repeat = outcome.status === 409 || (typeof answer.message === 'string' && /same id already exists/i.test(answer.message));
  if (repeat && target.idempotencyKey) return { ok: true, providerMessageId: target.idempotencyKey };
  const detail = typeof answer.message === 'string' ? `: ${answer.message}` : '';
  const reason = `sms gateway ${outcome.status}${detail}`;
  if (outcome.status === 429) {
    return outcome.retryAfterMs === undefined
      ? { ok: false, retryable: true, reason }
      : { ok: false, retryable: true, retryAfterMs: outcome.retryAfterMs, reason };
  }
  // 5xx: the server or the phone behind it is in trouble; another 4xx (bad credentials, bad number) will not change.
  return { ok: false, retryable: outcome.status >= 500, reason };
}
