import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a stub platform received. */
export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  /** When the request arrived (Date.now()), for latency and ordering checks. */
  readonly receivedAt: number;
}

/** What the stub answers: a status and body, optionally after a delay, or never (`hang`). */
export interface StubAnswer {
  readonly status?: number;
  readonly body?: unknown;
  readonly delayMs?: number;
  readonly hang?: boolean;
}

/**
 * A loopback server standing in for Telegram, Zalo, Twilio or the SMS gateway: it records every call and
 * answers from a per-path script (first matching queued answer, else the path's default).
 */
export async function startStubPlatform(defaults: Record<string, (call: RecordedCall) => StubAnswer>) {
  const calls: RecordedCall[] = [];
  const queued = new Map<string, StubAnswer[]>();
  const hanging: Array<() => void> = [];

  const readBody = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });

  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    const receivedAt = Date.now();
    const call: RecordedCall = { method: req.method ?? 'GET', path, headers: req.headers, body: await readBody(req), receivedAt };
    calls.push(call);
    const prefix = [...queued.keys(), ...Object.keys(defaults)].find((p) => path.endsWith(p));
    const script = prefix ? queued.get(prefix) : undefined;
    const answer: StubAnswer = script?.shift() ?? (prefix && defaults[prefix] ? (defaults[prefix] as (c: RecordedCall) => StubAnswer)(call) : { status: 404, body: { error: 'no stub for ' + path } });
    if (answer.hang) {
      hanging.push(() => res.destroy());
      return;
    }
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    base,
    calls,
    callsTo: (suffix: string) => calls.filter((c) => c.path.endsWith(suffix)),
    /** The next answers for a path (by suffix), before its default applies again. */
    script: (suffix: string, ...answers: StubAnswer[]) => queued.set(suffix, [...(queued.get(suffix) ?? []), ...answers]),
    /** Drops the answers still queued for a path: its default applies again. */
    unscript: (suffix: string) => queued.delete(suffix),
    releaseHanging: () => hanging.splice(0).forEach((release) => release()),
    close: () => {
      for (const release of hanging.splice(0)) release();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type StubPlatform = Awaited<ReturnType<typeof startStubPlatform>>;
