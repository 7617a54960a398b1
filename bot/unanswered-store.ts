import type { Decision } from '../intents/decide.ts';
import { OUT_OF_SCOPE_LABEL } from '../intents/matcher.ts';
import { KB_PREFIX } from '../knowledge-base/types.ts';

/**
 * Why a question is kept for staff:
 * - `not-understood`: below the matcher's floor; `out-of-scope`: about something we do not cover;
 * - `catalogue`: an official procedure we have no entry for (the bot offered the catalogue's details);
 * - `low-confidence`: answered, but only just (see LOW_CONFIDENCE);
 * - `clarified`: the bot asked "Có phải bạn muốn hỏi..."; the row is deleted when the resident picks an option,
 *   so what stays is a clarification nobody chose (counted once the options have expired).
 */
export type UnansweredReason = 'not-understood' | 'out-of-scope' | 'catalogue' | 'low-confidence' | 'clarified';

/** Questions the bot could not answer, kept for staff to turn into knowledge-base content. */
export interface UnansweredQuestion {
  readonly id: string;
  readonly conversationId: string;
  readonly channel: string;
  readonly text: string;
  readonly reason: string;
  readonly bestLabel: string | null;
  readonly bestScore: number | null;
  /** `done`: turned into an example phrasing; `dismissed`: staff set it aside. */
  readonly status: 'open' | 'done' | 'dismissed';
  readonly createdAt: string;
}

export interface Dismissal {
  readonly key: string;
  readonly example: string;
  readonly dismissedBy: string;
  readonly dismissedAt: string;
}

export interface UnansweredStore {
  record(question: Omit<UnansweredQuestion, 'id' | 'status' | 'createdAt'>): Promise<void>;
  /** The resident picked an option of the clarification their words led to: it was understood after all. */
  picked(conversationId: string, text: string): Promise<void>;
  listOpen(limit?: number): Promise<UnansweredQuestion[]>;
  /** Marks questions handled (`done` or `dismissed`), by id. */
  close(ids: readonly string[], status: 'done' | 'dismissed'): Promise<void>;
  /** Remembers folded keys as dismissed (a repeat of a key is ignored). */
  dismiss(keys: readonly string[], example: string, actor: string): Promise<void>;
  dismissals(): Promise<Dismissal[]>;
}

/**
 * An answer the matcher gave less than this probability: it was far enough ahead of the rest to be given
 * (intents/decide.ts), but the model itself was unsure. A fixed figure rather than one derived from the
 * decision's thresholds, which are tuned on their own; worth a look by staff either way.
 */
export const LOW_CONFIDENCE = 0.4;

/** Why a decision leaves a question for staff, if it does (a clarification is recorded where it is made). */
export function unansweredReason(decision: Decision): UnansweredReason | undefined {
  if (decision.kind === 'not-understood') return 'not-understood';
  if (decision.kind !== 'answer') return undefined;
  if (decision.label === OUT_OF_SCOPE_LABEL) return 'out-of-scope';
  // Only answers from the knowledge base and report categories: a weak "xin chào" misleads nobody.
  const content = decision.label.startsWith(KB_PREFIX) || decision.label.startsWith('report:');
  return content && decision.score < LOW_CONFIDENCE ? 'low-confidence' : undefined;
}
