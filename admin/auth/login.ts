import type { AdminDeps } from '../deps.ts';
import type { StaffAccount } from '../store/accounts.ts';
import { normaliseUsername } from '../store/accounts.ts';
import { hashPassword, needsRehash, verifyPassword } from './password.ts';

export type LoginOutcome =
  | { readonly ok: true; readonly account: StaffAccount; readonly token: string }
  | { readonly ok: false; readonly reason: 'invalid' | 'locked' | 'rate-limited' };

// An unknown username still costs one PBKDF2 run, so response time does not tell which usernames exist.
const dummyHashes = new Map<number, Promise<string>>();
function dummyHash(iterations: number): Promise<string> {
  let hash = dummyHashes.get(iterations);
  if (!hash) dummyHashes.set(iterations, (hash = hashPassword('not-a-password', iterations)));
  return hash;
}

/**
 * Checks a log-in: the address's recent failures (password spraying), the username's (lockout, which also
 * applies to usernames that do not exist, so a lock reveals nothing), then the password. Starts a session on
 * success.
 */
export async function logIn(deps: AdminDeps, rawUsername: string, password: string, address: string): Promise<LoginOutcome> {
  const { stores, config } = deps;
  const username = normaliseUsername(rawUsername).slice(0, 64);
  const since = new Date(deps.now().getTime() - config.lockMs);
  if ((await stores.attempts.failuresFrom(address, since)) >= config.addressFailures) return { ok: false, reason: 'rate-limited' };
  const failures = await stores.attempts.failuresFor(username, since);
  if (failures >= config.lockFailures) return { ok: false, reason: 'locked' };

  const account = await stores.accounts.byUsername(username);
  const matches = await verifyPassword(password.slice(0, 200), account?.passwordHash ?? (await dummyHash(config.passwordIterations)));
  if (!account || !matches || account.disabled) {
    await stores.attempts.record(username, address, false);
    return { ok: false, reason: failures + 1 >= config.lockFailures ? 'locked' : 'invalid' };
  }
  await stores.attempts.record(username, address, true);
  if (needsRehash(account.passwordHash, config.passwordIterations)) {
    await stores.accounts.setPassword(account.id, await hashPassword(password, config.passwordIterations), account.mustChangePassword);
  }
  const { token } = await stores.sessions.start(account.id);
  return { ok: true, account, token };
}
