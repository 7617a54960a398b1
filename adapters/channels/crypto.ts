/**
 * Web Crypto helpers shared by the channel adapters (Node 20 and Workers both have `crypto.subtle`).
 */
const encoder = new TextEncoder();

function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function toBase64(buffer: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

async function hmac(algorithm: 'SHA-1' | 'SHA-256', key: string, message: string): Promise<ArrayBuffer> {
  const cryptoKey = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: algorithm }, false, ['sign']);
  return crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message));
}

export async function hmacSha256Hex(key: string, message: string): Promise<string> {
  return toHex(await hmac('SHA-256', key, message));
}

export async function hmacSha1Base64(key: string, message: string): Promise<string> {
  return toBase64(await hmac('SHA-1', key, message));
}

/**
 * Compares two strings in time that depends only on their lengths, so a caller cannot learn a secret one
 * character at a time from response times.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  let difference = left.length ^ right.length;
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) difference |= (left[i % (left.length || 1)] ?? 0) ^ (right[i % (right.length || 1)] ?? 0);
  return difference === 0;
}
