export type RateDecision = 'allow' | 'notify' | 'drop';

/**
 * Per-sender fixed windows kept in the database, so every instance counts the same sender together.
 * Over the limit the sender gets one polite notice per window, then silence; other senders are unaffected
 * because each check is one single-row statement.
 */
export interface RateLimiter {
  check(sender: string): Promise<RateDecision>;
}
