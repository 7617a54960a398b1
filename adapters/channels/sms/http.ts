import type { Fetch } from '../../../bot/ports/channel.ts';

/** What the SMS providers' send calls share: Basic auth, a timeout on every call, errors as values. */

export const DEFAULT_TIMEOUT_MS = 10_000;

/** An HTTP Basic credential; UTF-8 first, since btoa alone refuses anything outside Latin-1. */
export function basicAuth(user: string, password: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${user}:${password}`)) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

export type HttpOutcome =
  | { readonly reached: true; readonly status: number; readonly body: string; readonly retryAfterMs?: number }
  | { readonly reached: false; readonly reason: string };

/** One request whose network failure or timeout comes back as a value; the body is read under the same timeout. */
export async function request(fetchFn: Fetch, url: string, init: RequestInit, timeoutMs: number): Promise<HttpOutcome> {
  try {
    const response = await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    const retryAfterMs = retryAfter(response.headers.get('retry-after'));
    return retryAfterMs === undefined
      ? { reached: true, status: response.status, body }
      : { reached: true, status: response.status, body, retryAfterMs };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') return { reached: false, reason: `no answer within ${timeoutMs} ms` };
    return { reached: false, reason: `network error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function retryAfter(header: string | null): number | undefined {
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim()) * 1000;
}

/** A JSON object from a response body, or an empty one when it is not JSON. */
export function jsonObject(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
