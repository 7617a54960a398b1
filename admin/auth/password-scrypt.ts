import { scryptAsync } from '@noble/hashes/scrypt';

/**
 * scrypt from @noble/hashes (pure JS, audited): the same code and the same hashes on Node and in workerd, where
 * Web Crypto's PBKDF2 stops at 100,000 iterations (cloudflare/workerd#1346), a sixth of what OWASP asks for
 * PBKDF2-SHA256. OWASP's scrypt settings of equal strength trade memory for passes: N=2^17,r=8,p=1 needs 128 MiB,
 * a Worker's whole memory; N=2^14,r=8,p=5 needs 16 MiB for the same work. That one is today's setting.
 */
export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

const UNIT_N = 2 ** 14;
const R = 8;
const MIN_N = 2 ** 10;
/** One pass of N=2^14, r=8 counts as this many PBKDF2-SHA256 iterations (OWASP: 5 passes ≈ 600,000). */
const ITERATIONS_PER_PASS = 120_000;

/**
 * The scrypt settings for a work factor given in PBKDF2-SHA256 iterations, the unit the staff settings have
 * always used (600,000 → N=2^14, r=8, p=5). Below one pass (tests ask for 1,000) N shrinks instead.
 */
export function scryptParamsFor(iterations: number): ScryptParams {
  const passes = iterations / ITERATIONS_PER_PASS;
  if (passes >= 1) return { N: UNIT_N, r: R, p: Math.min(16, Math.round(passes)) };
  return { N: Math.max(MIN_N, 2 ** Math.round(Math.log2(passes * UNIT_N))), r: R, p: 1 };
}

/** The work of a setting in the same unit, so a stored hash can be compared with today's setting. */
export function equivalentIterations(params: ScryptParams): number {
  return Math.round(((params.N * params.r * params.p) / (UNIT_N * R)) * ITERATIONS_PER_PASS);
}

export function deriveScrypt(password: string, salt: Uint8Array, params: ScryptParams): Promise<Uint8Array> {
  // maxmem: noble refuses more than 1 GiB by default; 2^14 × 8 × 128 bytes is 16 MiB.
  return scryptAsync(new TextEncoder().encode(password.normalize('NFC')), salt, { ...params, dkLen: 32, maxmem: 256 * 1024 * 1024 });
}
