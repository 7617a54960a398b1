import { constantTimeEqual, sha256Hex } from '../crypto.ts';
import type { RawRequest, VerifyResult } from '../../../bot/ports/channel.ts';
import { topLevelField } from './json.ts';

export interface ZaloVerifyConfig {
  readonly appId: string;
  /** The per-OA "OA Secret Key" from the app's webhook page; not the App Secret. */
  readonly oaSecretKey: string;
}

/** No official replay window is published; ten minutes tolerates clock drift and Zalo's first retries. */
export const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;

const HEX_SHA256 = /^[0-9a-f]{64}$/;
const MILLISECONDS = /^\d{1,16}$/;

/**
 * Checks `X-ZEvent-Signature: mac=<hex>`, where hex = SHA-256 (a plain hash, not an HMAC) of
 * app_id + raw body + timestamp + OA secret key (CHANNELS.md §1.4). Nothing is parsed before the hash is
 * checked: the app_id hashed is our own (a body for another app fails the hash, and its app_id is compared
 * afterwards anyway), and the timestamp is read from the raw text with one linear scan, so an unsigned body,
 * however crafted, costs one pass over at most the size cap.
 */
export async function verifyZaloSignature(raw: RawRequest, now: Date, config: ZaloVerifyConfig): Promise<VerifyResult> {
  const header = raw.headers['x-zevent-signature'];
  if (header === undefined || header.trim() === '') return { ok: false, status: 401, reason: 'missing X-ZEvent-Signature header' };
  const given = header.trim().toLowerCase().replace(/^mac=/, '');
  if (!HEX_SHA256.test(given)) return { ok: false, status: 403, reason: 'X-ZEvent-Signature is not a SHA-256 hex digest' };

  const timestamp = topLevelField(raw.body, 'timestamp');
  if (timestamp === undefined || !MILLISECONDS.test(timestamp)) {
    return { ok: false, status: 403, reason: 'body lacks the timestamp (milliseconds) the signature covers' };
  }
  const expected = await sha256Hex(config.appId + raw.body + timestamp + config.oaSecretKey);
  const appId = topLevelField(raw.body, 'app_id');
  // The app_id is not secret: naming it as the cause tells an operator that another app's events are arriving here.
  if (appId === undefined || !constantTimeEqual(appId, config.appId)) return { ok: false, status: 403, reason: 'app_id in the body is not this app' };
  if (!constantTimeEqual(expected, given)) return { ok: false, status: 403, reason: 'X-ZEvent-Signature does not match the body' };

  const skew = Math.abs(now.getTime() - Number(timestamp));
  if (skew > MAX_CLOCK_SKEW_MS) {
    return { ok: false, status: 403, reason: `timestamp is ${Math.round(skew / 1000)} s away from now (at most ${MAX_CLOCK_SKEW_MS / 1000} s allowed)` };
  }
  return { ok: true };
}
