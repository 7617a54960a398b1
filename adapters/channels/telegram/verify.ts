import { constantTimeEqual } from '../crypto.ts';
import type { RawRequest, VerifyResult } from '../../../bot/ports/channel.ts';

/** Telegram echoes the `secret_token` given to setWebhook in this header on every webhook request. */
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/**
 * The secret is a shared token, not a signature over the body, so the check is a plain comparison; it is done in
 * constant time so response timing cannot reveal the secret a character at a time.
 */
export function verifySecretToken(raw: RawRequest, webhookSecret: string): VerifyResult {
  const given = raw.headers[SECRET_HEADER];
  if (given === undefined || given === '') return { ok: false, status: 401, reason: `missing ${SECRET_HEADER} header` };
  if (!constantTimeEqual(given, webhookSecret)) return { ok: false, status: 403, reason: `wrong ${SECRET_HEADER} header` };
  return { ok: true };
}
