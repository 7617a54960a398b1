import type { Fetch, OutboundPayload, SendResult, SendTarget } from '../../../bot/ports/channel.ts';

export interface SendConfig {
  readonly botToken: string;
  /** Without a trailing slash. */
  readonly apiBase: string;
  readonly fetch: Fetch;
  readonly timeoutMs: number;
}

/** The Bot API's answer envelope: `result` on success, `description` and `parameters` on failure. */
interface BotApiAnswer {
  readonly ok?: unknown;
  readonly result?: { readonly message_id?: unknown };
  readonly description?: unknown;
  readonly parameters?: { readonly retry_after?: unknown };
}

async function readAnswer(response: Response): Promise<BotApiAnswer> {
  try {
    const answer: unknown = await response.json();
    return typeof answer === 'object' && answer !== null ? (answer as BotApiAnswer) : {};
  } catch {
    return {};
  }
}

/**
 * POSTs one rendered message to sendMessage. Never throws: every failure becomes a result the outbox can act on.
 * Reasons never contain the request URL, because the bot token is part of it.
 */
export async function sendTelegramMessage(config: SendConfig, target: SendTarget, payload: OutboundPayload): Promise<SendResult> {
  // Called unbound: Workers refuse a `fetch` invoked as a method of some other object ("Illegal invocation").
  const request = config.fetch;
  let response: Response;
  try {
    response = await request(`${config.apiBase}/bot${config.botToken}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...payload.body, chat_id: target.userId }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (error) {
    return { ok: false, retryable: true, reason: describeFailure(error, config) };
  }
  const answer = await readAnswer(response);
  const description = typeof answer.description === 'string' ? answer.description : `HTTP ${response.status}`;

  // A 2xx whose body could not be read was still accepted by Telegram: retrying would send the message twice.
  if (response.ok && answer.ok !== false) {
    const id = answer.result?.message_id;
    return typeof id === 'number' || typeof id === 'string' ? { ok: true, providerMessageId: String(id) } : { ok: true };
  }
  if (response.status === 429) {
    const seconds = answer.parameters?.retry_after;
    return {
      ok: false,
      retryable: true,
      ...(typeof seconds === 'number' && seconds >= 0 ? { retryAfterMs: seconds * 1000 } : {}),
      reason: `rate limited by Telegram: ${description}`,
    };
  }
  if (response.status >= 500) return { ok: false, retryable: true, reason: `Telegram server error: ${description}` };
  // The Bot API answers 404 rather than 401 when the token in the path is not a token at all.
  if (response.status === 401 || response.status === 404) {
    return { ok: false, retryable: false, reason: `Telegram refused the bot token (${description}): check the configured bot token` };
  }
  // 400 (chat not found, bad markup) and 403 (the resident blocked the bot) will fail the same way every time.
  return { ok: false, retryable: false, reason: description };
}

function describeFailure(error: unknown, config: SendConfig): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer from Telegram within ${config.timeoutMs} ms`;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  const message = error instanceof Error ? `${error.message}${cause}` : String(error);
  return `network error: ${message}`.replaceAll(config.botToken, '<bot token>');
}
