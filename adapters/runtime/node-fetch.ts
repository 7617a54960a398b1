import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { Fetch } from '../../bot/ports/channel.ts';

/** Statuses whose Response may carry no body (the constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export interface NodeFetchOptions {
  /** Connections kept open per host (each channel API is one host); 64 unless set. */
  readonly maxSockets?: number;
  /** What is not a plain string-body request to an http(s) URL goes here; the global fetch unless set. */
  readonly fallback?: Fetch;
}

/**
 * The channels' `fetch` on Node: node:http(s) over kept-alive connections, for what every channel API call is (a
 * URL, a method, plain headers, a string body); anything else goes to the global fetch. Why: every reply is one
 * request, and undici's fetch spent about 2.5 times the CPU of http.request per request on loopback (bench notes
 * in README "Performance"), CPU the webhooks being acknowledged need. It behaves as fetch does where the adapters
 * look: a Response (status, ok, headers, text/json), a rejection with the signal's reason when aborted (a
 * TimeoutError for AbortSignal.timeout), a rejection on a refused or reset connection, compressed bodies decoded.
 * Redirects are not followed (no channel API redirects a POST): the 3xx is returned as it came.
 */
export function createNodeFetch(options: NodeFetchOptions = {}): Fetch {
  const maxSockets = options.maxSockets ?? 64;
  const fallback = options.fallback ?? ((input, init) => fetch(input, init));
  const agents = { 'http:': new HttpAgent({ keepAlive: true, maxSockets }), 'https:': new HttpsAgent({ keepAlive: true, maxSockets }) };

  const nodeFetch = (input: Parameters<Fetch>[0], init?: Parameters<Fetch>[1]): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
    const body = init?.body;
    const headers = init?.headers;
    const plainHeaders = headers === undefined || (typeof headers === 'object' && !Array.isArray(headers) && !(headers instanceof Headers));
    const protocol = url?.startsWith('https:') ? 'https:' : url?.startsWith('http:') ? 'http:' : undefined;
    if (url === undefined || protocol === undefined || (body !== undefined && body !== null && typeof body !== 'string') || !plainHeaders) return fallback(input, init);

    const signal = init?.signal ?? undefined;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Response>((resolve, reject) => {
      const outgoing: Record<string, string> = { ...(headers as Record<string, string> | undefined) };
      if (typeof body === 'string') outgoing['content-length'] = String(Buffer.byteLength(body));
      const send = protocol === 'https:' ? httpsRequest : httpRequest;
      let settled = false;
      const finish = (error: unknown, response?: Response) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        if (response !== undefined) resolve(response);
        else reject(error);
      };
      const request = send(url, { method: init?.method ?? 'GET', headers: outgoing, agent: agents[protocol] }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => finish(error));
        res.on('end', () => {
          try {
            finish(undefined, toResponse(res, Buffer.concat(chunks)));
          } catch (error) {
            finish(error);
          }
        });
      });
      const onAbort = () => {
        request.destroy();
        finish(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      request.on('error', (error) => finish(error));
      request.end(typeof body === 'string' ? body : undefined);
    });
  };
  return nodeFetch as Fetch;
}

function toResponse(res: IncomingMessage, raw: Buffer): Response {
  const status = res.statusCode ?? 502;
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoded = raw.length === 0 ? raw : encoding === 'gzip' || encoding === 'x-gzip' ? gunzipSync(raw) : encoding === 'deflate' ? inflateSync(raw) : encoding === 'br' ? brotliDecompressSync(raw) : raw;
  if (decoded !== raw) {
    headers.delete('content-encoding');
    headers.delete('content-length');
  }
  return new Response(NULL_BODY_STATUSES.has(status) ? null : decoded, { status, statusText: res.statusMessage ?? '', headers });
}
