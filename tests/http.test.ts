import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assembledProduct, startServer } from './helpers.ts';

let product: Awaited<ReturnType<typeof assembledProduct>>;
let server: Awaited<ReturnType<typeof startServer>>;
let base: string;

before(async () => {
  product = await assembledProduct();
  server = await startServer(product.bot);
  base = server.base;
});
after(async () => {
  await server.close();
  await product.cleanup();
});

const chat = (body: string, contentType = 'application/json') =>
  fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': contentType }, body });

test('POST /api/chat answers a question over real HTTP', async () => {
  const res = await chat(JSON.stringify({ userId: 'http-1', text: 'lam can cuoc cho con 14 tuoi o dau' }));
  assert.equal(res.status, 200);
  const body = (await res.json()) as { replies: Array<{ kind: string; text: string }> };
  assert.match(body.replies[0]?.text ?? '', /căn cước/i);
});

test('a tapped option is sent as a choice', async () => {
  const res = await chat(JSON.stringify({ userId: 'http-2', choice: 'kb:ho-chieu' }));
  assert.equal(res.status, 200);
  const body = (await res.json()) as { replies: Array<{ text: string }> };
  assert.match(body.replies[0]?.text ?? '', /hộ chiếu/i);
});

test('bad requests get a 4xx with a reason, and the server keeps serving', async () => {
  const cases: Array<[string, string, number, RegExp]> = [
    ['{"userId": "x", "text": ', 'application/json', 400, /not valid JSON/],
    ['[1,2,3]', 'application/json', 400, /JSON object/],
    [JSON.stringify({ text: 'xin chao' }), 'application/json', 400, /userId/],
    [JSON.stringify({ userId: 'bad id with spaces', text: 'a' }), 'application/json', 400, /userId/],
    [JSON.stringify({ userId: 'x', text: 42 }), 'application/json', 400, /text/],
    [JSON.stringify({ userId: 'x', choice: 'DROP TABLE' }), 'application/json', 400, /choice/],
    [JSON.stringify({ userId: 'x', text: 'a'.repeat(10_000) }), 'application/json', 413, /too long|larger/],
    ['userId=x&text=hi', 'application/x-www-form-urlencoded', 415, /application\/json/],
  ];
  for (const [body, type, status, reason] of cases) {
    const res = await chat(body, type);
    assert.equal(res.status, status, body.slice(0, 40));
    assert.match(((await res.json()) as { error: string }).error, reason);
  }
  const alive = await chat(JSON.stringify({ userId: 'http-3', text: 'xin chào' }));
  assert.equal(alive.status, 200);
});

test('odd but valid text gets a polite reply, not an error', async () => {
  for (const text of ['', '😀😀😀', 'مرحبا كيف الحال', 'xin\u0000 chào\u202e', 'a'.repeat(2000)]) {
    const res = await chat(JSON.stringify({ userId: 'http-4', text }));
    assert.equal(res.status, 200, JSON.stringify(text.slice(0, 20)));
    const body = (await res.json()) as { replies: unknown[] };
    assert.ok(body.replies.length > 0);
  }
});

test('the chat page and its assets are served with a strict content security policy', async () => {
  const page = await fetch(`${base}/chat`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  assert.match(await page.text(), /<script src="\/chat.js"/);
  assert.equal((await fetch(`${base}/chat.js`)).status, 200);
  const missing = await fetch(`${base}/nope`);
  assert.equal(missing.status, 404);
});
