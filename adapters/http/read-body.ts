import type { MiddlewareHandler } from 'hono';

/**
 * Request bodies read with a byte cap enforced while the bytes arrive. A chunked request has no Content-Length
 * to check first, and `c.req.text()` buffers everything before anyone can look at its size: 64 MiB sent that
 * way cost 180 MB of memory. Reading the stream ourselves stops at the first chunk past the cap. Web streams
 * only, so the same code runs on Node and in a Worker.
 */

export type BodyRead =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly status: 400 | 413; readonly reason: string };

const BROKEN_OFF = 'the request body could not be read (the client stopped sending?)';

export const tooLarge = (maxBytes: number): string => `request body is larger than ${maxBytes} bytes`;

/** The body's bytes, or a refusal: 413 past `maxBytes` (declared or counted), 400 when the client broke off. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<BodyRead> {
  const declared = request.headers.get('content-length');
  const declaredLength = declared !== null && /^\d+$/.test(declared.trim()) ? Number(declared) : undefined;
  if (declaredLength !== undefined && declaredLength > maxBytes) return { ok: false, status: 413, reason: tooLarge(maxBytes) };
  if (declaredLength !== undefined) return readDeclared(request, maxBytes);
  if (request.body === null) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        // Stop the upload here: the rest is never buffered.
        void reader.cancel().catch(() => undefined);
        return { ok: false, status: 413, reason: tooLarge(maxBytes) };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, status: 400, reason: BROKEN_OFF };
  }
  if (chunks.length === 1 && chunks[0] !== undefined) return { ok: true, bytes: chunks[0] };
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/**
 * A body whose Content-Length is within the cap, read in one piece. Off the network the length frames the body
 * (the HTTP parser takes exactly that many bytes as the body, and refuses a request that also says chunked), so
 * no more than the cap can arrive. Reading it whole lets the runtime skip the stream: on Node, @hono/node-server
 * then reads the socket's buffers directly instead of building a web ReadableStream, an AbortSignal and a full
 * Request for each webhook. A Request built in process may carry a header that does not match its body: the
 * size is counted again after reading.
 */
async function readDeclared(request: Request, maxBytes: number): Promise<BodyRead> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await request.arrayBuffer());
  } catch {
    return { ok: false, status: 400, reason: BROKEN_OFF };
  }
  return bytes.byteLength > maxBytes ? { ok: false, status: 413, reason: tooLarge(maxBytes) } : { ok: true, bytes };
}

const decoder = new TextDecoder();

/** The body as UTF-8 text (invalid bytes become U+FFFD, so a signature over them simply fails), or a refusal. */
export async function readBodyText(request: Request, maxBytes: number): Promise<{ ok: true; text: string } | Exclude<BodyRead, { ok: true }>> {
  const read = await readBodyBytes(request, maxBytes);
  return read.ok ? { ok: true, text: decoder.decode(read.bytes) } : read;
}

/**
 * Middleware for routes that read their body with Hono's own helpers (`c.req.json()`, `c.req.parseBody()`,
 * `c.req.text()`): the body is read once under the cap and put back as a buffered request, so the handler reads
 * it as usual and never sees more than `maxBytes`. A refusal is answered `{ error: reason }` with 413 or 400.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.raw.body === null) return next();
    const read = await readBodyBytes(c.req.raw, maxBytes);
    if (!read.ok) return c.json({ error: read.reason }, read.status);
    c.req.raw = new Request(c.req.raw, { body: read.bytes });
    return next();
  };
}
