/**
 * A reference point for bench/webhook.bench.ts: the least a webhook can do and still keep the promise of its 200.
 * node:http without a framework; the secret header compared in constant time; the body read with a limit and
 * parsed; one prepared INSERT into a table of its own SQLite file (WAL); the inserts of every request that arrives
 * meanwhile group-committed in one transaction at synchronous=FULL (synced) before any of them is answered. No
 * handling, no reply, no rate limit, no log. Whatever the product's webhook does more costs throughput against it.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';

const BODY_LIMIT = 64 * 1024;

export async function startMinimalAccept(folder: string, secret: string): Promise<{ server: Server; port: number; close: () => void }> {
  const db = new SQLite(join(folder, 'minimal.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table if not exists inbox (channel text not null, message_id text not null, payload text not null, received_at text not null, primary key (channel, message_id))');
  const insert = db.prepare('insert into inbox values (?, ?, ?, ?) on conflict do nothing');
  const expected = Buffer.from(secret);
  let waiting: Array<{ id: string; body: string; answer: () => void }> = [];

  const commitGroup = (): void => {
    const group = waiting;
    waiting = [];
    const at = new Date().toISOString();
    db.transaction(() => {
      for (const item of group) insert.run('telegram', item.id, item.body, at);
    })();
    for (const item of group) item.answer();
  };

  const server = createServer((request, response) => {
    const given = Buffer.from(String(request.headers['x-telegram-bot-api-secret-token'] ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      response.writeHead(401).end();
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        response.writeHead(413).end();
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let id: unknown;
      try {
        id = (JSON.parse(body) as { update_id?: unknown }).update_id;
      } catch {
        id = undefined;
      }
      if (typeof id !== 'number') {
        response.writeHead(400).end();
        return;
      }
      if (waiting.length === 0) setImmediate(commitGroup);
      waiting.push({ id: String(id), body, answer: () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}') });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, close: () => { server.close(); db.close(); } };
}
