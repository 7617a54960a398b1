import type { Hono } from 'hono';

/** What /healthz checks; each check resolves to a short, secret-free word or throws/rejects with what failed. */
export interface HealthChecks {
  /** A trivial query answers. */
  database(): Promise<void>;
  /** Migrations the code knows that the database has not run (empty: current). */
  pendingMigrations(): Promise<readonly string[]>;
  /** The matcher is built and answers (entries > 0). */
  matcherLoaded(): boolean;
}

// A database that hangs must not hang the health check: a load balancer's probe wants an answer.
const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Error names only: a driver's message can carry a host name, a user or a connection string. */
const failure = (error: unknown): string => (error instanceof Error && error.message.startsWith('no answer within') ? error.message : `failed (${error instanceof Error ? error.name : 'unknown'})`);

/**
 * GET /healthz: 200 with each check's outcome and a few facts (entry count, channels) when all pass; 503 with the
 * failing check(s) otherwise. Without checks (unit tests), liveness only.
 */
export function mountHealth(app: Hono, checks: HealthChecks | undefined, facts: () => Record<string, number | string>): void {
  app.get('/healthz', async (c) => {
    if (checks === undefined) return c.json({ ok: true, ...facts() });
    const result: Record<string, string> = {};
    let ok = true;
    try {
      await withTimeout(checks.database(), CHECK_TIMEOUT_MS);
      result.database = 'ok';
    } catch (error) {
      ok = false;
      result.database = failure(error);
    }
    if (result.database === 'ok') {
      try {
        const pending = await withTimeout(checks.pendingMigrations(), CHECK_TIMEOUT_MS);
        result.migrations = pending.length === 0 ? 'current' : `pending: ${pending.join(', ')}`;
        if (pending.length > 0) ok = false;
      } catch (error) {
        ok = false;
        result.migrations = failure(error);
      }
    } else result.migrations = 'not checked (no database)';
    result.matcher = checks.matcherLoaded() ? 'loaded' : 'not loaded';
    if (result.matcher !== 'loaded') ok = false;
    return c.json({ ok, checks: result, ...facts() }, ok ? 200 : 503, { 'cache-control': 'no-store' });
  });
}
