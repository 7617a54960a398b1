import { PASSWORD_ITERATIONS } from './auth/password.ts';

export interface AuthConfig {
  readonly idleMs: number;
  readonly absoluteMs: number;
  /** Secure cookies (and the __Host- prefix) when the public address is https. */
  readonly secureCookies: boolean;
  /** Origins a state-changing request may come from besides the request's own (the public address behind a proxy). */
  readonly trustedOrigins: readonly string[];
  readonly passwordIterations: number;
  /** Failed log-ins for one username within `lockMs` that lock it until they age out. */
  readonly lockFailures: number;
  readonly lockMs: number;
  /** Failed log-ins from one address within `lockMs` before it is told to wait. */
  readonly addressFailures: number;
}

export const DEFAULT_AUTH: AuthConfig = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 3600_000,
  secureCookies: false,
  trustedOrigins: [],
  passwordIterations: PASSWORD_ITERATIONS,
  lockFailures: 5,
  lockMs: 15 * 60_000,
  addressFailures: 30,
};

function minutes(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(value) && value > 0 ? value * 60_000 : fallback;
}

/** STAFF_SESSION_IDLE_MINUTES, STAFF_SESSION_MAX_HOURS, PUBLIC_BASE_URL. */
export function authConfigFromEnv(env: Readonly<Record<string, string | undefined>>): AuthConfig {
  const base = env.PUBLIC_BASE_URL;
  let origin: string | undefined;
  try {
    origin = base ? new URL(base).origin : undefined;
  } catch {
    origin = undefined;
  }
  return {
    ...DEFAULT_AUTH,
    idleMs: minutes(env.STAFF_SESSION_IDLE_MINUTES, DEFAULT_AUTH.idleMs),
    absoluteMs: minutes(env.STAFF_SESSION_MAX_HOURS === undefined ? undefined : String(Number(env.STAFF_SESSION_MAX_HOURS) * 60), DEFAULT_AUTH.absoluteMs),
    secureCookies: origin?.startsWith('https:') ?? false,
    trustedOrigins: origin ? [origin] : [],
  };
}
