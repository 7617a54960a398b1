import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { limitBody, readBodyText } from '../adapters/http/read-body.ts';

const encoder = new TextEncoder();

/** A chunked body (no Content-Length) of `chunks` pieces of `size` bytes; counts how many pieces were pulled. */
function chunkedRequest(chunks: number, size: number): { request: Request; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  const request = new Request('http://x/upload', { method: 'POST', body, duplex: 'half' } as RequestInit);
  return { request, pulled: () => pulled };
}

test('a chunked body past the cap is refused while reading: the rest is never pulled', async () => {
  // 64 MiB offered in 64 KiB chunks, capped at 1 MiB.
  const { request, pulled } = chunkedRequest(1024, 65_536);
  const read = await readBodyText(request, 1_048_576);
  assert.deepEqual(read, { ok: false, status: 413, reason: 'request body is larger than 1048576 bytes' });
  assert.ok(pulled() <= 18, `pulled ${pulled()} chunks of 64 KiB`);
});

test('a declared Content-Length past the cap is refused before reading', async () => {
  const request = new Request('http://x/', { method: 'POST', body: 'x'.repeat(20), headers: { 'content-length': '20' } });
  assert.deepEqual(await readBodyText(request, 10), { ok: false, status: 413, reason: 'request body is larger than 10 bytes' });
  assert.equal(request.bodyUsed, false);
});

test('a body within the cap is read whole, as UTF-8, across chunks', async () => {
  const text = 'Làm lại căn cước ở đâu? 😀';
  const bytes = encoder.encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // Split inside a multi-byte character: decoding must not happen per chunk.
      controller.enqueue(bytes.slice(0, 2));
      controller.enqueue(bytes.slice(2));
      controller.close();
    },
  });
  const request = new Request('http://x/', { method: 'POST', body, duplex: 'half' } as RequestInit);
  assert.deepEqual(await readBodyText(request, bytes.length), { ok: true, text });
});

test('a client that breaks off mid-body gets a 400, not a 500', async () => {
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.error(new Error('socket hang up'));
    },
  });
  const request = new Request('http://x/', { method: 'POST', body, duplex: 'half' } as RequestInit);
  const read = await readBodyText(request, 100);
  assert.equal(read.ok, false);
  assert.equal(!read.ok && read.status, 400);
});

test('limitBody middleware: handlers read the body as usual under the cap, and get 413 with a reason past it', async () => {
  const app = new Hono();
  app.use('/forms/*', limitBody(1000));
  app.post('/forms/json', async (c) => c.json(await c.req.json()));
  app.post('/forms/form', async (c) => c.json(await c.req.parseBody()));

  const json = await app.request('/forms/json', { method: 'POST', body: JSON.stringify({ a: 'đ' }), headers: { 'content-type': 'application/json' } });
  assert.deepEqual(await json.json(), { a: 'đ' });
  const form = await app.request('/forms/form', { method: 'POST', body: 'name=B%C3%ACnh&x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.deepEqual(await form.json(), { name: 'Bình', x: '1' });

  const { request, pulled } = chunkedRequest(100, 512);
  const refused = await app.request(new Request('http://x/forms/json', request));
  assert.equal(refused.status, 413);
  assert.deepEqual(await refused.json(), { error: 'request body is larger than 1000 bytes' });
  assert.ok(pulled() <= 3);
});
