import type { Fetch } from '../../../bot/ports/channel.ts';
import { describe } from './send.ts';
import { parseJsonObject } from './json.ts';

export interface ZaloTokenRefreshRequest {
  /** Default https://oauth.zaloapp.com. */
  readonly oauthBase?: string;
  readonly appId: string;
  /** The App Secret (not the OA Secret Key used for webhooks). */
  readonly appSecret: string;
  readonly refreshToken: string;
  readonly fetch: Fetch;
  readonly timeoutMs?: number;
}

export type ZaloTokenRefreshResult =
  | { readonly ok: true; readonly accessToken: string; readonly refreshToken: string; readonly expiresInSeconds: number }
  | { readonly ok: false; readonly retryable: boolean; readonly reason: string };

/** The 25 h lifetime current sources report, for a response that omits expires_in. */
const DEFAULT_EXPIRES_IN_SECONDS = 90_000;

/**
 * Trades a refresh token for a new access token and a new refresh token (OAuth v4, CHANNELS.md §1.9).
 * Refresh tokens are single-use: the caller must store the returned one before using the access token,
 * and serialize refreshes. A retry after a lost response may find the old token already spent; Zalo then
 * answers with an error, which comes back not retryable so a person can re-authorize the OA.
 */
export async function refreshZaloToken(request: ZaloTokenRefreshRequest): Promise<ZaloTokenRefreshResult> {
  const base = (request.oauthBase ?? 'https://oauth.zaloapp.com').replace(/\/+$/, '');
  let status: number;
  let text: string;
  try {
    const response = await request.fetch(`${base}/v4/oa/access_token`, {
      method: 'POST',
      // The app secret travels in a header, not in the form.
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: request.appSecret },
      body: new URLSearchParams({ app_id: request.appId, refresh_token: request.refreshToken, grant_type: 'refresh_token' }).toString(),
      signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    return { ok: false, retryable: true, reason: `Zalo token refresh failed: ${describe(error)}` };
  }
  if (status === 429 || status >= 500) return { ok: false, retryable: true, reason: `Zalo OAuth answered HTTP ${status}` };

  const body = parseJsonObject(text);
  if (body === undefined) return { ok: false, retryable: false, reason: `Zalo OAuth answered HTTP ${status} with an unreadable body: ${text.slice(0, 200)}` };
  const { access_token: accessToken, refresh_token: refreshToken } = body;
  const errorCode = body.error;
  if ((errorCode !== undefined && errorCode !== 0 && errorCode !== '0') || typeof accessToken !== 'string' || accessToken === '' ||
    typeof refreshToken !== 'string' || refreshToken === '') {
    const said = [body.error_name, body.error_description, body.error_reason, body.message].filter((s) => typeof s === 'string' && s !== '');
    return {
      ok: false,
      retryable: false,
      reason: `Zalo OAuth refused the refresh (HTTP ${status}, error ${String(errorCode ?? 'none')})${said.length > 0 ? `: ${said.join('; ')}` : ''}`,
    };
  }
  // expires_in arrives as a string ("90000").
  const expiresIn = Number.parseInt(String(body.expires_in ?? ''), 10);
  return { ok: true, accessToken, refreshToken, expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_EXPIRES_IN_SECONDS };
}
