import { base64Url, equalBytes, fromBase64Url } from './tokens.ts';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Tests inject fewer where hashing is not what they test. */
export const PASSWORD_ITERATIONS = 600_000;
const ALGORITHM = 'pbkdf2-sha256';
const SALT_BYTES = 16;
const HASH_BITS = 256;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS));
}

/** "pbkdf2-sha256$600000$<salt>$<hash>": algorithm and cost are stored with the hash so either can change later. */
export async function hashPassword(password: string, iterations = PASSWORD_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return `${ALGORITHM}$${iterations}$${base64Url(salt)}$${base64Url(await derive(password, salt, iterations))}`;
}

export function parseHash(stored: string): { iterations: number; salt: Uint8Array; hash: Uint8Array } | undefined {
  const [algorithm, iterations, salt, hash] = stored.split('$');
  if (algorithm !== ALGORITHM || !iterations || !salt || !hash || !/^\d+$/.test(iterations)) return undefined;
  return { iterations: Number(iterations), salt: fromBase64Url(salt), hash: fromBase64Url(hash) };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  return equalBytes(await derive(password, parsed.salt, parsed.iterations), parsed.hash);
}

/** A hash made with fewer iterations than today's setting is redone at the next successful log-in. */
export function needsRehash(stored: string, iterations = PASSWORD_ITERATIONS): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.iterations < iterations;
}

/** Why a new password is refused, in Vietnamese, or undefined when it is acceptable. */
export function passwordProblem(password: string, username: string): string | undefined {
  if (password.length < 10) return 'Mật khẩu cần ít nhất 10 ký tự.';
  if (password.length > 200) return 'Mật khẩu dài quá 200 ký tự.';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'Mật khẩu không được chứa tên đăng nhập.';
  return undefined;
}
