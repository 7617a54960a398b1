import type { Context } from 'hono';

/** The caller's network address, or undefined when the runtime cannot tell. */
export type ClientAddress = (c: Context) => string | undefined;

/**
 * Prefers a header set by a reverse proxy the operator trusts (TRUSTED_PROXY_HEADER, e.g. `x-forwarded-for`,
 * `x-real-ip`, `cf-connecting-ip`); without that setting the header is ignored, because anyone can send it and
 * would then pick their own rate-limit bucket. In a comma list the last entry is the one the trusted proxy
 * added; the ones before it came from the caller.
 */
export function clientAddressFrom(socket: ClientAddress, trustedHeader?: string): ClientAddress {
  const header = trustedHeader?.trim().toLowerCase();
  if (!header) return socket;
  return (c) => {
    const value = c.req.header(header);
    const last = value?.split(',').at(-1)?.trim();
    return last ? last : socket(c);
  };
}
