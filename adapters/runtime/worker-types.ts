import type { D1Database } from '../storage/d1-types.ts';

/**
 * The Workers runtime's types this project uses, written out structurally: @cloudflare/workers-types declares
 * globals that clash with @types/node, and the rest of the code type-checks against Node.
 */
export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
}

export interface ScheduledController {
  readonly scheduledTime: number;
  readonly cron: string;
}

/** The bindings in wrangler.toml: the D1 database as DB; every other value (vars, secrets) is a string. */
export interface WorkerEnv {
  readonly DB: D1Database;
  readonly [name: string]: unknown;
}

/** The string settings among the bindings: what the Node runtime reads from process.env. */
export function settingsOf(env: WorkerEnv): Record<string, string | undefined> {
  const settings: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string') settings[name] = value;
  return settings;
}
