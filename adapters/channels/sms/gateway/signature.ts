import { constantTimeEqual, hmacSha256Hex } from '../../crypto.ts';
import type { RawRequest, VerifyResult } from '../../../../bot/ports/channel.ts';

/**
 * SMS Gateway for Android signs each webhook (CHANNELS.md §6): X-Signature is the hex HMAC-SHA256, with the
 * signing key set in the app, of the raw body followed by the X-Timestamp value (unix seconds, no separator).
 * The timestamp is what stops an old, captured request from being replayed.
 */
export async function verifyGatewaySignature(raw: RawRequest, signingKey: string, now: Date, maxSkewSeconds: number): Promise<VerifyResult> {
  const signature = raw.headers['x-signature'];
  const timestamp = raw.headers['x-timestamp'];
  if (!signature || !timestamp) return { ok: false, status: 401, reason: 'missing X-Signature or X-Timestamp header' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, status: 403, reason: 'X-Timestamp is not unix seconds' };
  const expected = await hmacSha256Hex(signingKey, raw.body + timestamp);
  if (!constantTimeEqual(expected, signature.toLowerCase())) return { ok: false, status: 403, reason: 'X-Signature does not match' };
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (skew > maxSkewSeconds) return { ok: false, status: 403, reason: `X-Timestamp is ${Math.round(skew)} s away from now` };
  return { ok: true };
}
