import { derivePbkdf2 } from './password-pbkdf2.ts';
import { deriveScrypt, equivalentIterations, scryptParamsFor, type ScryptParams } from './password-scrypt.ts';
import { base64Url, equalBytes, fromBase64Url } from './tokens.ts';

/**
 * The work factor of a new hash, in PBKDF2-HMAC-SHA256 iterations (OWASP's 2023 figure); new hashes are scrypt
 * of the same strength (password-scrypt.ts). Tests inject less where hashing is not what they test.
 */
export const PASSWORD_ITERATIONS = 600_000;
const SALT_BYTES = 16;

type Parsed =
  | { readonly algorithm: 'scrypt'; readonly params: ScryptParams; readonly iterations: number; readonly salt: Uint8Array; readonly hash: Uint8Array }
  | { readonly algorithm: 'pbkdf2-sha256'; readonly iterations: number; readonly salt: Uint8Array; readonly hash: Uint8Array };

const DIGITS = /^\d{1,9}$/;

/**
 * "scrypt$16384$8$5$<salt>$<hash>" (N, r, p) or the earlier "pbkdf2-sha256$600000$<salt>$<hash>": algorithm and
 * cost are stored with each hash, so either can change and old hashes still verify. `iterations` is the work
 * in PBKDF2-SHA256 iterations for both, to compare with today's setting.
 */
export function parseHash(stored: string): Parsed | undefined {
  const parts = stored.split('$');
  try {
    if (parts[0] === 'scrypt' && parts.length === 6) {
      const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
      if (![n, r, p].every((v) => DIGITS.test(v))) return undefined;
      const params = { N: Number(n), r: Number(r), p: Number(p) };
      // Bounds on what a stored value may ask for: a tampered row must not make a log-in allocate gigabytes.
      if (params.N < 2 || params.N > 2 ** 17 || (params.N & (params.N - 1)) !== 0 || params.r > 16 || params.p > 16 || params.p < 1) return undefined;
      return { algorithm: 'scrypt', params, iterations: equivalentIterations(params), salt: fromBase64Url(salt), hash: fromBase64Url(hash) };
    }
    if (parts[0] === 'pbkdf2-sha256' && parts.length === 4) {
      const [, iterations, salt, hash] = parts as [string, string, string, string];
      if (!DIGITS.test(iterations) || !salt || !hash) return undefined;
      return { algorithm: 'pbkdf2-sha256', iterations: Number(iterations), salt: fromBase64Url(salt), hash: fromBase64Url(hash) };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export async function hashPassword(password: string, iterations = PASSWORD_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const params = scryptParamsFor(iterations);
  const hash = await deriveScrypt(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${base64Url(salt)}$${base64Url(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const derived = parsed.algorithm === 'scrypt' ? await deriveScrypt(password, parsed.salt, parsed.params) : await derivePbkdf2(password, parsed.salt, parsed.iterations);
  return equalBytes(derived, parsed.hash);
}

/** An older algorithm, or less work than today's setting: redone at the next successful log-in. */
export function needsRehash(stored: string, iterations = PASSWORD_ITERATIONS): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.algorithm !== 'scrypt' || parsed.iterations < equivalentIterations(scryptParamsFor(iterations));
}

/** Why a new password is refused, in Vietnamese, or undefined when it is acceptable. */
export function passwordProblem(password: string, username: string): string | undefined {
  if (password.length < 10) return 'Mật khẩu cần ít nhất 10 ký tự.';
  if (password.length > 200) return 'Mật khẩu dài quá 200 ký tự.';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'Mật khẩu không được chứa tên đăng nhập.';
  return undefined;
}
