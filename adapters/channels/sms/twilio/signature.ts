import { constantTimeEqual, hmacSha1Base64 } from '../../crypto.ts';
import type { RawRequest, VerifyResult } from '../../../../bot/ports/channel.ts';

/**
 * X-Twilio-Signature (CHANNELS.md §3.3): base64 HMAC-SHA1 with the auth token over the public URL followed by
 * every form parameter, keys sorted, as key + value. Written with Web Crypto so it also runs in a Worker, where the
 * twilio SDK does not.
 */

/** The URL Twilio requested: the configured public base and the path and query this server saw (behind a proxy). */
export function publicUrl(publicBaseUrl: string, rawUrl: string): string {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(rawUrl);
  const pathAndQuery = origin ? rawUrl.slice(origin[0].length) : rawUrl;
  const separator = pathAndQuery === '' || pathAndQuery.startsWith('/') || pathAndQuery.startsWith('?') ? '' : '/';
  return publicBaseUrl.replace(/\/+$/, '') + separator + pathAndQuery;
}

/**
 * The string that is signed. Values are used exactly as decoded, never trimmed (a trimmed field is a documented
 * cause of error 57012); a repeated key contributes each distinct value in sorted order, as the SDK does.
 */
export function signedData(url: string, body: string): string {
  const params = new Map<string, Set<string>>();
  for (const [key, value] of new URLSearchParams(body)) {
    const values = params.get(key) ?? new Set<string>();
    values.add(value);
    params.set(key, values);
  }
  let data = url;
  for (const key of [...params.keys()].sort()) {
    for (const value of [...(params.get(key) ?? [])].sort()) data += key + value;
  }
  return data;
}

const URL_PREFIX = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i;

function splitAuthority(url: string): { scheme: string; userInfo: string; host: string; port: string; rest: string } | undefined {
  const match = URL_PREFIX.exec(url);
  if (!match) return undefined;
  const [prefix, scheme = '', authority = ''] = match;
  const userInfoEnd = authority.lastIndexOf('@');
  const hostAndPort = authority.slice(userInfoEnd + 1);
  // In an IPv6 literal the port colon comes after the closing bracket.
  const portStart = hostAndPort.indexOf(':', hostAndPort.lastIndexOf(']') + 1);
  return {
    scheme,
    userInfo: authority.slice(0, userInfoEnd + 1),
    host: portStart === -1 ? hostAndPort : hostAndPort.slice(0, portStart),
    port: portStart === -1 ? '' : hostAndPort.slice(portStart),
    rest: url.slice(prefix.length),
  };
}

function withoutPort(url: string): string {
  const parts = splitAuthority(url);
  return parts ? parts.scheme + parts.userInfo + parts.host + parts.rest : url;
}

function withDefaultPort(url: string): string {
  const parts = splitAuthority(url);
  if (!parts || parts.port !== '') return url;
  const port = parts.scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  return parts.scheme + parts.userInfo + parts.host + port + parts.rest;
}

/** The query string re-encoded the way Node's legacy `querystring` module writes it (same keys grouped in first-seen order). */
function withLegacyQuery(url: string): string {
  const start = url.indexOf('?');
  if (start === -1 || start === url.length - 1) return url;
  const groups = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(url.slice(start + 1))) groups.set(key, [...(groups.get(key) ?? []), value]);
  try {
    const query = [...groups].flatMap(([key, values]) => values.map((value) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`));
    return `${url.slice(0, start + 1)}${query.join('&')}`;
  } catch {
    return url;
  }
}

/** The URL forms the official SDK accepts: as received and `new URL()`-normalized, with and without the default port. */
export function urlVariants(url: string): string[] {
  const variants = [withoutPort(url), withDefaultPort(url)];
  try {
    const normalized = new URL(url).toString();
    const bare = withoutPort(normalized);
    const ported = withDefaultPort(normalized);
    variants.push(bare, ported, withLegacyQuery(bare), withLegacyQuery(ported));
  } catch {
    // Not an absolute URL: only the forms as received can match.
  }
  return [...new Set(variants)];
}

export async function verifyTwilioSignature(raw: RawRequest, authToken: string, publicBaseUrl: string): Promise<VerifyResult> {
  const signature = raw.headers['x-twilio-signature'];
  if (signature === undefined || signature === '') return { ok: false, status: 401, reason: 'missing X-Twilio-Signature header' };
  const url = publicUrl(publicBaseUrl, raw.url);
  for (const candidate of urlVariants(url)) {
    const expected = await hmacSha1Base64(authToken, signedData(candidate, raw.body));
    if (constantTimeEqual(expected, signature)) return { ok: true };
  }
  return { ok: false, status: 403, reason: 'X-Twilio-Signature does not match' };
}
