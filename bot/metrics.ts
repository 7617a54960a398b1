import type { ChannelId } from './types.ts';

/**
 * What the bot decided about a resident's free text: answered from an entry, asked back (clarify), did not
 * understand, not one of our topics (out-of-scope), or pointed to official procedures of the catalogue.
 */
export type DecisionOutcome = 'answer' | 'clarify' | 'not-understood' | 'out-of-scope' | 'catalogue';

/**
 * The core's metrics port: counts only, no message text, no user id (labels are a handful of fixed words, so
 * a metrics backend never holds anything personal and its series stay few). The runtime supplies an
 * implementation (adapters/http/metrics.ts); the default does nothing, so the core never depends on one.
 */
export interface BotMetrics {
  /** One message the bot handled, by channel. */
  message(channel: ChannelId): void;
  /** One decision on free text the matcher read. */
  decision(outcome: DecisionOutcome): void;
}

export const noMetrics: BotMetrics = { message: () => {}, decision: () => {} };
