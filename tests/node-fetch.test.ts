import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { createTelegramAdapter } from '../adapters/channels/telegram/adapter.ts';
import { createZaloAdapter } from '../adapters/channels/zalo/adapter.ts';
import { createNodeFetch } from '../adapters/runtime/node-fetch.ts';
import type { Fetch } from '../bot/ports/channel.ts';

/**
 * The Node runtime's fetch for the channel APIs (adapters/runtime/node-fetch.ts) against a real loopback server:
 * what the adapters read of a response, timeouts and refused connections as fetch reports them, kept-alive
 * connections, and the cases it hands to the platform's fetch.
 */

let respond: (req: IncomingMessage, body: string, res: ServerResponse) => void = (_req, _body, res) => res.end();
let connections = 0;
const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }> = [];
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    respond(req, body, res);
  });
});
server.on('connection', () => connections++);
let base = '';

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const json = (status: number, value: unknown, headers: Record<string, string> = {}) => (_req: IncomingMessage, _body: string, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
};

test('a string-body POST: method, headers, length and body go out; status, ok, headers and body come back', async () => {
  const nodeFetch = createNodeFetch();
  seen.length = 0;
  respond = json(201, { ok: true, text: 'Đã nhận' }, { 'x-request-id': 'abc' });
  const body = JSON.stringify({ chat_id: 42, text: 'Xin chào, bà con' });
  const response = await nodeFetch(`${base}/bot1:T/sendMessage?x=1`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-extra': 'yes' }, body });
  assert.equal(response.status, 201);
  assert.equal(response.ok, true);
  assert.equal(response.headers.get('x-request-id'), 'abc');
  assert.deepEqual(await response.json(), { ok: true, text: 'Đã nhận' });
  assert.equal(seen[0]?.method, 'POST');
  assert.equal(seen[0]?.url, '/bot1:T/sendMessage?x=1');
  assert.equal(seen[0]?.headers['x-extra'], 'yes');
  assert.equal(seen[0]?.headers['content-length'], String(Buffer.byteLength(body)), 'length in bytes, not characters');
  assert.equal(seen[0]?.body, body);

  respond = json(404, { ok: false });
  const missing = await nodeFetch(`${base}/nothing`);
  assert.equal(missing.status, 404);
  assert.equal(missing.ok, false);
  assert.equal(seen.at(-1)?.method, 'GET');
});

test('connections are kept alive: twenty replies in a row use one', async () => {
  const nodeFetch = createNodeFetch();
  respond = json(200, { ok: true });
  const before = connections;
  for (let i = 0; i < 20; i++) assert.equal((await nodeFetch(`${base}/send`, { method: 'POST', body: '{}' })).status, 200);
  assert.equal(connections - before, 1);
});

test('a compressed answer is decoded; an answer with no body reads as empty', async () => {
  const nodeFetch = createNodeFetch();
  respond = (_req, _body, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    res.end(gzipSync(JSON.stringify({ ok: true, result: { message_id: 7 } })));
  };
  const zipped = await nodeFetch(`${base}/zipped`);
  assert.deepEqual(await zipped.json(), { ok: true, result: { message_id: 7 } });
  assert.equal(zipped.headers.get('content-encoding'), null);
  respond = (_req, _body, res) => {
    res.writeHead(204);
    res.end();
  };
  const empty = await nodeFetch(`${base}/empty`, { method: 'POST', body: 'x' });
  assert.equal(empty.status, 204);
  assert.equal(await empty.text(), '');
});

test('a hanging server: the timeout rejects as fetch does (TimeoutError), and the Telegram adapter says so', async () => {
  const nodeFetch = createNodeFetch();
  respond = () => undefined;
  const started = Date.now();
  await assert.rejects(nodeFetch(`${base}/hang`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(150) }), (error: Error) => error.name === 'TimeoutError');
  assert.ok(Date.now() - started < 2_000);
  const telegram = createTelegramAdapter({ botToken: '1:SECRET', webhookSecret: 's', apiBase: base, fetch: nodeFetch, timeoutMs: 150 });
  const result = await telegram.send({ userId: '42' }, { body: { text: 'hi' } });
  assert.ok(!result.ok && result.retryable);
  assert.match(result.reason, /no answer from Telegram within 150 ms/);
  // An already aborted signal: nothing is sent.
  const controller = new AbortController();
  controller.abort(new Error('stopped'));
  const count = seen.length;
  await assert.rejects(nodeFetch(`${base}/never`, { signal: controller.signal }), /stopped/);
  assert.equal(seen.length, count);
});

test('a refused connection rejects; the adapters turn it into a retryable failure without the token', async () => {
  const nodeFetch = createNodeFetch();
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  await assert.rejects(nodeFetch(`http://127.0.0.1:${port}/x`, { method: 'POST', body: '{}' }), /ECONNREFUSED/);
  const telegram = createTelegramAdapter({ botToken: '1:SECRET', webhookSecret: 's', apiBase: `http://127.0.0.1:${port}`, fetch: nodeFetch, timeoutMs: 1_000 });
  const result = await telegram.send({ userId: '42' }, { body: { text: 'hi' } });
  assert.ok(!result.ok && result.retryable);
  assert.doesNotMatch(result.reason, /SECRET/);
});

test('the adapters read platform answers through it as through fetch (Telegram 429 wait, Zalo message id)', async () => {
  const nodeFetch = createNodeFetch();
  respond = json(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
  const telegram = createTelegramAdapter({ botToken: '1:T', webhookSecret: 's', apiBase: base, fetch: nodeFetch, timeoutMs: 1_000 });
  const limited = await telegram.send({ userId: '42' }, { body: { text: 'hi' } });
  assert.ok(!limited.ok && limited.retryable && limited.retryAfterMs === 3_000);
  respond = json(200, { error: 0, message: 'Success', data: { message_id: 'zmsg-1' } });
  const zalo = createZaloAdapter({ appId: 'a', oaSecretKey: 'k', apiBase: base, accessToken: async () => 'token', fetch: nodeFetch, timeoutMs: 1_000 });
  assert.deepEqual(await zalo.send({ userId: 'u1' }, { body: { message: { text: 'Chào bạn' } } }), { ok: true, providerMessageId: 'zmsg-1' });
  assert.equal(seen.at(-1)?.headers.access_token, 'token');
  assert.deepEqual(JSON.parse(seen.at(-1)?.body ?? ''), { message: { text: 'Chào bạn' }, recipient: { user_id: 'u1' } });
});

test('what is not a string body to an http(s) URL goes to the platform fetch', async () => {
  let handedOn = 0;
  const fallback: Fetch = (input, init) => {
    handedOn++;
    return fetch(input, init);
  };
  const nodeFetch = createNodeFetch({ fallback });
  respond = json(200, { ok: true });
  await nodeFetch(`${base}/a`, { method: 'POST', body: new URLSearchParams({ a: '1' }) });
  await nodeFetch(new Request(`${base}/b`));
  await nodeFetch(`${base}/c`, { headers: new Headers({ 'x-a': '1' }) });
  assert.equal(handedOn, 3);
  await nodeFetch(`${base}/d`, { method: 'POST', body: 'plain' });
  assert.equal(handedOn, 3, 'a plain request stays on node:http');
});

test('https: a certificate the process trusts is verified and used (NODE_EXTRA_CA_CERTS, as for a proxy\'s own CA); one it does not is refused', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'node-fetch-tls-'));
  try {
    // A throwaway certificate for 127.0.0.1 (openssl: tests/install-deps.sh).
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(folder, 'key.pem'), '-out', join(folder, 'cert.pem')], { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    const tls = createHttpsServer({ key: readFileSync(join(folder, 'key.pem')), cert: readFileSync(join(folder, 'cert.pem')) }, (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, echoed: body }));
      });
    });
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', () => resolve()));
    const url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/send`;
    try {
      // This process does not trust it: refused, as fetch would.
      await assert.rejects(createNodeFetch()(url, { method: 'POST', body: '{}' }), /self[- ]signed|certificate/i);
      // A process started with the certificate among its CAs (how an operator adds a proxy's CA) reaches it. The
      // child runs while this process serves, so it is waited for asynchronously.
      const script = join(folder, 'call.mts');
      writeFileSync(script, `import { createNodeFetch } from ${JSON.stringify(fileURLToPath(new URL('../adapters/runtime/node-fetch.ts', import.meta.url)))};\n` +
        `const response = await createNodeFetch()(${JSON.stringify(url)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Chào' }) });\n` +
        'console.log(response.status, await response.text());\n');
      const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, NODE_EXTRA_CA_CERTS: join(folder, 'cert.pem') } });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      assert.equal(code, 0, err);
      assert.equal(out.trim(), `200 ${JSON.stringify({ ok: true, echoed: JSON.stringify({ text: 'Chào' }) })}`);
    } finally {
      tls.closeAllConnections();
      await new Promise<void>((resolve) => tls.close(() => resolve()));
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
