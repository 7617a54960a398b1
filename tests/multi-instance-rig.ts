import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { startScript } from './start-script.ts';

/**
 * Real server processes, started as `npm start` starts them (its build step once, then its node command, read
 * from package.json so the two cannot drift), for the multi-instance and crash tests: each on its own loopback
 * port, all on one database, their platform APIs pointed at a stub.
 */
export interface Instance {
  readonly name: string;
  readonly base: string;
  readonly child: ChildProcess;
  /** The last lines the process wrote (JSON log and console), for failure messages. */
  readonly output: string[];
  readonly exited: Promise<void>;
}

export const TELEGRAM_SECRET = 'multi-secret';
export const ZALO = { appId: '2553928453557884079', appSecret: 'zalo-app-secret', oaSecret: 'zalo-oa-secret' };

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Short leases and a quick pass so a test waits seconds, not the production half-minute; the request timeout stays
 * well above this machine's event-loop lag under load (a Telegram send that times out is sent again).
 */
export const QUICK_DELIVERY: Readonly<Record<string, string>> = {
  INBOX_LEASE_MS: '1500',
  SEND_TIMEOUT_MS: '4000',
  OUTBOX_LEASE_MS: '5000',
  OUTBOX_INTERVAL_MS: '250',
  OUTBOX_RATE_PER_SECOND: '1000',
};

/** One server on a SQLite file with Telegram and the SMS gateway pointed at a loopback stub. */
export function singleServerEnv(name: string, databasePath: string, stubBase: string, secrets: { telegram: string; gateway: string }): Record<string, string> {
  return {
    DATABASE_PATH: databasePath,
    PUBLIC_BASE_URL: 'https://tro-ly.example.gov.vn',
    TELEGRAM_BOT_TOKEN: `123456:${name}`,
    TELEGRAM_WEBHOOK_SECRET: secrets.telegram,
    TELEGRAM_API_BASE: stubBase,
    SMS_GATEWAY_URL: stubBase,
    SMS_GATEWAY_USER: 'sms',
    SMS_GATEWAY_PASSWORD: 'pass',
    SMS_GATEWAY_SIGNING_KEY: secrets.gateway,
    RATE_LIMIT_PER_MINUTE: '100000',
    OUTBOX_RATE_PER_SECOND: '1000',
    ADMIN_PASSWORD: `${name}-admin-password-1`,
  };
}

/** The settings every instance shares: the ones a deployment would set once for all of them. */
export function sharedEnv(databaseUrl: string, stubBase: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '5',
    PUBLIC_BASE_URL: 'https://tro-ly.example.gov.vn',
    TELEGRAM_BOT_TOKEN: '123456:multi-test',
    TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
    TELEGRAM_API_BASE: stubBase,
    ZALO_APP_ID: ZALO.appId,
    ZALO_APP_SECRET: ZALO.appSecret,
    ZALO_OA_SECRET_KEY: ZALO.oaSecret,
    ZALO_ACCESS_TOKEN: 'access-0',
    ZALO_REFRESH_TOKEN: 'refresh-0',
    ZALO_API_BASE: stubBase,
    ZALO_OAUTH_BASE: stubBase,
    RATE_LIMIT_PER_MINUTE: '100000',
    ...QUICK_DELIVERY,
    KB_REVISION_POLL_MS: '1000',
    ADMIN_PASSWORD: 'multi-test-admin-password-1',
  };
}

let built: ReturnType<typeof serverCommand> | undefined;

/** The node arguments and environment of package.json "start", its build run once per test process. */
export function serverCommand(): { readonly args: readonly string[]; readonly env: Readonly<Record<string, string>> } {
  if (built !== undefined) return built;
  const { build, args, env } = startScript();
  execSync(build, { stdio: 'inherit' });
  built = { args, env };
  return built;
}

export function startInstance(name: string, port: number, env: Record<string, string>): Instance {
  const output: string[] = [];
  const command = serverCommand();
  const child = spawn(process.execPath, [...command.args], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH, ...command.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 300) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { name, base: `http://127.0.0.1:${port}`, child, output, exited };
}

export async function waitForHealth(instance: Instance, timeoutMs = 40_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (instance.child.exitCode !== null) throw new Error(`${instance.name} exited early:\n${instance.output.join('').slice(-3000)}`);
    try {
      if ((await fetch(`${instance.base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${instance.name} did not start:\n${instance.output.join('').slice(-3000)}`);
}

export async function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  instance.child.kill('SIGTERM');
  await instance.exited;
}

let updateId = 5_000_000;

/** A signed Telegram text update; the same object posted twice is the same delivery (same update_id). */
export function telegramUpdate(chatId: number, text: string): string {
  const id = ++updateId;
  return JSON.stringify({ update_id: id, message: { message_id: id % 100_000, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private', first_name: 'An' }, from: { id: chatId, is_bot: false, first_name: 'An' }, text } });
}

export function postTelegram(instance: Instance, body: string): Promise<Response> {
  return fetch(`${instance.base}/webhooks/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET }, body });
}

let zaloSeq = 0;

/** A Zalo user_send_text event, signed as Zalo signs it (SHA-256 of app id + body + timestamp + OA secret). */
export function postZalo(instance: Instance, userId: string, text: string): Promise<Response> {
  const event = { app_id: ZALO.appId, event_name: 'user_send_text', timestamp: String(Date.now()), sender: { id: userId }, recipient: { id: '3662729599332560487' }, message: { msg_id: `multi-z-${++zaloSeq}`, text } };
  const body = JSON.stringify(event);
  const mac = createHash('sha256').update(`${ZALO.appId}${body}${event.timestamp}${ZALO.oaSecret}`).digest('hex');
  return fetch(`${instance.base}/webhooks/zalo`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${mac}` }, body });
}

/** Polls `check` until it is true or the time is up; returns how long it took. */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, stepMs = 50): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return Date.now() - started;
}
