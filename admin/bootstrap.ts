import { hashPassword } from './auth/password.ts';
import { oneTimePassword } from './auth/tokens.ts';
import type { StaffStores } from './store/index.ts';
import { normaliseUsername, USERNAME_PATTERN } from './store/accounts.ts';

export type BootstrapOutcome =
  | { readonly created: false }
  | { readonly created: true; readonly username: string; readonly oneTimePassword?: string };

/**
 * On a database with no staff account, creates the first admin: from ADMIN_USERNAME / ADMIN_PASSWORD when set,
 * otherwise "admin" with a random one-time password that the caller prints once. Either way the password must be
 * changed at first log-in (an environment variable is not a place to keep a password). Safe when two instances
 * start at once: the username is unique, the loser creates nothing.
 */
export async function ensureFirstAdmin(
  stores: StaffStores,
  env: Readonly<Record<string, string | undefined>>,
  iterations?: number,
): Promise<BootstrapOutcome> {
  if ((await stores.accounts.count()) > 0) return { created: false };
  const username = normaliseUsername(env.ADMIN_USERNAME || 'admin');
  if (!USERNAME_PATTERN.test(username)) throw new Error('ADMIN_USERNAME must be 3-32 letters, digits, dots, dashes or underscores');
  const given = env.ADMIN_PASSWORD || undefined;
  const password = given ?? oneTimePassword();
  const account = await stores.accounts.create({
    username,
    email: null,
    displayName: 'Quản trị viên',
    role: 'admin',
    passwordHash: await hashPassword(password, iterations),
    mustChangePassword: true,
  });
  if (!account) return { created: false };
  await stores.auditLog.audit('system', 'account.create', username, null, { username, role: 'admin', source: given ? 'ADMIN_PASSWORD' : 'one-time password' });
  return given ? { created: true, username } : { created: true, username, oneTimePassword: password };
}
