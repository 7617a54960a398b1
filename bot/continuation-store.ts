import type { OutboundPayload } from './ports/channel.ts';

/**
 * Pages of a reply a channel could not show at once (SMS within its segment budget), kept as the adapter rendered
 * them until the resident asks for the next one. Keyed by the opaque conversation id; the core never looks inside.
 */
export interface ContinuationStore {
  /** Replaces whatever was held for the conversation; no pages clears it (a new question drops the old answer). */
  hold(conversationId: string, pages: readonly OutboundPayload[]): Promise<void>;
  /** Takes the next held page, or undefined when none is held or they were held before `notBefore`. */
  next(conversationId: string, notBefore: Date): Promise<OutboundPayload | undefined>;
}
