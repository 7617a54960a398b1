import type { Fetch, OutboundPayload, SendResult, SendTarget } from '../../../bot/ports/channel.ts';
import { field, idOf, parseJsonObject } from './json.ts';

export interface ZaloSendConfig {
  readonly apiBase: string;
  readonly accessToken: () => Promise<string>;
  readonly fetch: Fetch;
  readonly timeoutMs: number;
  readonly now: () => Date;
}

// Error codes of the send API (CHANNELS.md §1.9-1.11); the sources disagree on some, so each set is the union.
const RETRYABLE_CODES = new Set([-32, -100]);
const TOKEN_CODES = new Set([-124, -201, -216, -220]);
const UNREACHABLE_CODES: ReadonlyMap<number, string> = new Map([
  [-213, 'the user does not follow the OA'],
  [-217, 'the user cannot receive messages from the OA'],
  [-227, 'the user is banned or inactive for more than 45 days'],
  [-244, 'the user has restricted this message type from the OA'],
]);
// The resident has to write (or tap) again before the OA may message them: held until they do, not lost.
const WINDOW_CODES: ReadonlyMap<number, string> = new Map([
  [-230, 'the user has not interacted with the OA in the past 7 days'],
  [-232, 'the user has no current interaction with the OA'],
]);
// "Cannot be sent at night (22:00-06:00)": the message is fine, the hour is not.
const NIGHT_BAN = -234;
// Vietnam is UTC+7 with no daylight saving: 22:00-06:00 there is 15:00-23:00 UTC.
const NIGHT_STARTS_HOUR_UTC = 15;
const NIGHT_ENDS_HOUR_UTC = 23;

/**
 * Sends one rendered message as a consultation (cs) message. Never throws: transport failures, timeouts,
 * 5xx and rate limits come back retryable; window and permission errors do not, since the resident has to
 * write again before the OA may answer.
 */
export async function sendZaloMessage(config: ZaloSendConfig, target: SendTarget, payload: OutboundPayload): Promise<SendResult> {
  let accessToken: string;
  try {
    accessToken = await config.accessToken();
  } catch (error) {
    return { ok: false, retryable: true, reason: `no Zalo access token: ${describe(error)}` };
  }

  let status: number;
  let text: string;
  try {
    const response = await config.fetch(`${config.apiBase}/v3.0/oa/message/cs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: accessToken },
      body: JSON.stringify({ ...payload.body, recipient: { user_id: target.userId } }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    return { ok: false, retryable: true, reason: `Zalo send failed: ${describe(error)}` };
  }

  if (status === 429 || status >= 500) return { ok: false, retryable: true, reason: `Zalo answered HTTP ${status}` };
  if (status < 200 || status >= 300) return { ok: false, retryable: false, reason: `Zalo answered HTTP ${status}: ${text.slice(0, 200)}` };

  const body = parseJsonObject(text);
  const code = Number(body?.error);
  if (body === undefined || !Number.isInteger(code)) {
    return { ok: false, retryable: true, reason: `Zalo answered HTTP ${status} with an unreadable body: ${text.slice(0, 200)}` };
  }
  if (code === 0) {
    const messageId = idOf(field(body.data, 'message_id'));
    return messageId === undefined ? { ok: true } : { ok: true, providerMessageId: messageId };
  }
  return classifyError(code, typeof body.message === 'string' ? body.message : '', config.now());
}

function classifyError(code: number, message: string, now: Date): SendResult {
  const said = message === '' ? '' : ` (${message})`;
  if (code === NIGHT_BAN) {
    const ends = nightEnds(now);
    return { ok: false, retryable: true, ...(ends ? { notBefore: ends } : {}), reason: `Zalo error ${code}: not sent at night (22:00-06:00)${said}` };
  }
  const window = WINDOW_CODES.get(code);
  if (window !== undefined) return { ok: false, retryable: false, needsResident: true, reason: `Zalo error ${code}: user is outside the reply window: ${window}${said}` };
  if (RETRYABLE_CODES.has(code)) return { ok: false, retryable: true, reason: `Zalo error ${code}: rate limit or transient failure${said}` };
  if (TOKEN_CODES.has(code)) return { ok: false, retryable: false, authExpired: true, reason: `Zalo error ${code}: access token invalid or expired${said}` };
  const unreachable = UNREACHABLE_CODES.get(code);
  if (unreachable !== undefined) {
    return { ok: false, retryable: false, reason: `Zalo error ${code}: user is outside the reply window or not reachable: ${unreachable}${said}` };
  }
  return { ok: false, retryable: false, reason: `Zalo error ${code}${said}` };
}

/**
 * 06:00 in Vietnam when `now` is between 22:00 and 06:00 there; undefined in the daytime (a clock that disagrees
 * with Zalo's: the ordinary backoff tries again soon).
 */
export function nightEnds(now: Date): Date | undefined {
  const hour = now.getUTCHours();
  if (hour < NIGHT_STARTS_HOUR_UTC || hour >= NIGHT_ENDS_HOUR_UTC) return undefined;
  const end = new Date(now);
  end.setUTCHours(NIGHT_ENDS_HOUR_UTC, 0, 0, 0);
  return end;
}

export function describe(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timed out';
  return error instanceof Error ? error.message : String(error);
}
