import { pbkdf2Async } from '@noble/hashes/pbkdf2';
import { sha256 } from '@noble/hashes/sha2';

/**
 * The earlier format (pbkdf2-sha256, 600,000 iterations), kept to verify hashes stored before scrypt; each is
 * replaced by a scrypt hash at its owner's next log-in. Web Crypto does it natively on Node; workerd refuses more
 * than 100,000 iterations, so there the same function runs in pure JS (about two seconds, once per account).
 */
export async function derivePbkdf2(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const secret = new TextEncoder().encode(password.normalize('NFC'));
  try {
    const key = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']);
    return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'NotSupportedError') throw error;
    return pbkdf2Async(sha256, secret, salt, { c: iterations, dkLen: 32 });
  }
}
