import type { Logger } from './ports/logger.ts';

export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: Date;
}

export type RefreshOutcome =
  | { readonly ok: true; readonly accessToken: string; readonly refreshToken: string; readonly expiresInSeconds: number }
  | { readonly ok: false; readonly retryable: boolean; readonly reason: string };

/** A channel's current token pair in the database, shared by every instance. */
export interface TokenStore {
  get(channel: string): Promise<TokenPair | undefined>;
  /** Stores the configured initial pair unless the database already holds a (newer) one. */
  seed(channel: string, pair: TokenPair): Promise<void>;
  /** Takes the refresh lease; false while another instance holds it. */
  claimRefresh(channel: string, leaseMs: number): Promise<boolean>;
  /** Saves the new pair and releases the lease in one statement. */
  saveRefreshed(channel: string, pair: TokenPair): Promise<void>;
  releaseRefresh(channel: string): Promise<void>;
}

export interface TokenKeeper {
  /** The access token to use now; refreshed first when it is close to expiry. */
  accessToken(): Promise<string>;
  /** Refreshes because the platform refused the token; true when a new token is in place. */
  forceRefresh(): Promise<boolean>;
}

/**
 * Zalo refresh tokens are single use: two refreshes racing burn the chain and an OA admin must authorise again.
 * So refreshes are serialised twice (a promise chain in this process, a lease row across instances) and the
 * new pair is saved before the new access token is used.
 */
export function createTokenKeeper(options: {
  store: TokenStore;
  channel: string;
  refresh: (refreshToken: string) => Promise<RefreshOutcome>;
  logger: Logger;
  now?: () => Date;
  refreshAheadMs?: number;
  leaseMs?: number;
  waitStepMs?: number;
}): TokenKeeper {
  const now = options.now ?? (() => new Date());
  const refreshAheadMs = options.refreshAheadMs ?? 6 * 3600 * 1000;
  const leaseMs = options.leaseMs ?? 30_000;
  const waitStepMs = options.waitStepMs ?? 250;
  let chain: Promise<unknown> = Promise.resolve();

  async function current(): Promise<TokenPair> {
    const pair = await options.store.get(options.channel);
    if (pair === undefined) throw new Error(`no ${options.channel} token pair configured`);
    return pair;
  }

  async function refreshOnce(stale: TokenPair): Promise<boolean> {
    if (!(await options.store.claimRefresh(options.channel, leaseMs))) {
      // Another instance is refreshing: wait for its new pair instead of spending the same refresh token.
      for (let waited = 0; waited < leaseMs; waited += waitStepMs) {
        await new Promise((resolve) => setTimeout(resolve, waitStepMs));
        if ((await current()).accessToken !== stale.accessToken) return true;
      }
      return false;
    }
    const latest = await current();
    if (latest.accessToken !== stale.accessToken) {
      await options.store.releaseRefresh(options.channel);
      return true;
    }
    const outcome = await options.refresh(latest.refreshToken);
    if (!outcome.ok) {
      await options.store.releaseRefresh(options.channel);
      options.logger.error('token.refresh-failed', { channel: options.channel, retryable: outcome.retryable });
      return false;
    }
    await options.store.saveRefreshed(options.channel, {
      accessToken: outcome.accessToken,
      refreshToken: outcome.refreshToken,
      expiresAt: new Date(now().getTime() + outcome.expiresInSeconds * 1000),
    });
    options.logger.info('token.refreshed', { channel: options.channel, expiresInSeconds: outcome.expiresInSeconds });
    return true;
  }

  function serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  }

  return {
    async accessToken() {
      const pair = await current();
      if (pair.expiresAt.getTime() - now().getTime() > refreshAheadMs) return pair.accessToken;
      await serialised(async () => {
        const again = await current();
        if (again.expiresAt.getTime() - now().getTime() <= refreshAheadMs) await refreshOnce(again);
      });
      return (await current()).accessToken;
    },
    async forceRefresh() {
      const stale = await current();
      return serialised(async () => {
        const again = await current();
        return again.accessToken !== stale.accessToken ? true : refreshOnce(again);
      });
    },
  };
}
