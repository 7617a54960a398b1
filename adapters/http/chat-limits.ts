import type { RateDecision, RateLimiter } from '../../bot/rate-limiter.ts';

/**
 * The web chat's flood protection, as the webhooks have it (one polite notice, then silence until the window
 * passes), counted per client id and per network address: a client that invents a new id for every message
 * still meets its address's limit. The address limit is higher because many residents can share one address
 * (carrier NAT, an office network).
 */
export interface WebChatLimits {
  readonly perClient: RateLimiter;
  readonly perAddress: RateLimiter;
  /** The window length, for Retry-After. */
  readonly windowSeconds: number;
}

export async function checkWebChat(limits: WebChatLimits, userId: string, address: string | undefined): Promise<RateDecision> {
  const client = await limits.perClient.check(`webchat:${userId}`);
  // A client already over its own limit costs one statement; it does not eat into its neighbours' address budget.
  if (client !== 'allow' || address === undefined) return client;
  return limits.perAddress.check(`webchat-address:${address}`);
}

/** Page loads (history) share the address budget in their own bucket, so polling residents are not throttled by chatting. */
export async function checkWebChatRead(limits: WebChatLimits, address: string | undefined): Promise<boolean> {
  return address === undefined || (await limits.perAddress.check(`webchat-read:${address}`)) === 'allow';
}
