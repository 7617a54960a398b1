/** Random tokens and digests from Web Crypto (Node 20 and Workers alike). */
const encoder = new TextEncoder();

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/** 256 random bits, URL-safe: session tokens and CSRF tokens. */
export function randomToken(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares in time that depends only on the lengths, so a response time does not reveal a matching prefix. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

export function equalStrings(a: string, b: string): boolean {
  return equalBytes(encoder.encode(a), encoder.encode(b));
}

// No 0/o, 1/l/i: a one-time password is read off a screen and typed by hand.
const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A one-time password for a new account or a reset: 16 characters ≈ 79 bits. */
export function oneTimePassword(length = 16): string {
  const out: string[] = [];
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      // Rejection sampling keeps every character equally likely.
      if (byte < 256 - (256 % READABLE.length) && out.length < length) out.push(READABLE[byte % READABLE.length] as string);
    }
  }
  return out.join('');
}
