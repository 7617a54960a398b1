import { constantTimeEqual, sha256Hex } from '../crypto.ts';
import type { RawRequest, VerifyResult } from '../types.ts';
import { idOf, parseJsonObject } from './json.ts';

export interface ZaloVerifyConfig {
  readonly appId: string;
  /** The per-OA "OA Secret Key" from the app's webhook page; not the App Secret. */
  readonly oaSecretKey: string;
}

/** No official replay window is published; ten minutes tolerates clock drift and Zalo's first retries. */
export const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * Checks `X-ZEvent-Signature: mac=<hex>`, where hex = SHA-256 (a plain hash, not an HMAC) of
 * app_id + raw body + timestamp + OA secret key, with app_id and timestamp read from the body itself
 * (CHANNELS.md §1.4). The body is parsed only to read those two fields; the hash covers the raw string.
 */
export async function verifyZaloSignature(raw: RawRequest, now: Date, config: ZaloVerifyConfig): Promise<VerifyResult> {
  const header = raw.headers['x-zevent-signature'];
  if (header === undefined || header.trim() === '') return { ok: false, status: 401, reason: 'missing X-ZEvent-Signature header' };
  const given = header.trim().toLowerCase().replace(/^mac=/, '');
  if (!HEX_SHA256.test(given)) return { ok: false, status: 403, reason: 'X-ZEvent-Signature is not a SHA-256 hex digest' };

  const body = parseJsonObject(raw.body);
  if (body === undefined) return { ok: false, status: 403, reason: 'body is not a JSON object, so its signature cannot be checked' };
  const appId = idOf(body.app_id);
  const timestamp = idOf(body.timestamp);
  if (appId === undefined || timestamp === undefined) {
    return { ok: false, status: 403, reason: 'body lacks the app_id or timestamp the signature covers' };
  }

  const expected = await sha256Hex(appId + raw.body + timestamp + config.oaSecretKey);
  if (!constantTimeEqual(expected, given)) return { ok: false, status: 403, reason: 'X-ZEvent-Signature does not match the body' };
  if (!constantTimeEqual(appId, config.appId)) return { ok: false, status: 403, reason: `app_id ${appId} is not this app` };

  const sentAt = Number(timestamp);
  if (!Number.isFinite(sentAt)) return { ok: false, status: 403, reason: 'timestamp is not a number of milliseconds' };
  const skew = Math.abs(now.getTime() - sentAt);
  if (skew > MAX_CLOCK_SKEW_MS) {
    return { ok: false, status: 403, reason: `timestamp is ${Math.round(skew / 1000)} s away from now (at most ${MAX_CLOCK_SKEW_MS / 1000} s allowed)` };
  }
  return { ok: true };
}
