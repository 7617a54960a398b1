import type { ReportDraft } from './reports/flow.ts';
import type { GeoPoint } from './reports/types.ts';
import type { ChoiceOption, Reply } from './types.ts';

/** A photo or location sent before any report was started: kept a while for the report that follows. */
export interface Attachments {
  readonly photoUrl?: string;
  readonly location?: GeoPoint;
  readonly at: string;
}

/** What one turn produced: the replies and what to remember for the next turn. */
export interface Turn {
  readonly replies: Reply[];
  readonly pending?: readonly ChoiceOption[];
  /** The resident's words the pending options answer (a clarification), kept for the pick. */
  readonly pendingText?: string;
  readonly label?: string;
  readonly score?: number;
  /** The knowledge-base entry this turn answered (its label): what a follow-up question is then about. */
  readonly topic?: string;
  /** The resident asked for a person: staff see the conversation flagged. */
  readonly needsStaff?: boolean;
  /** The report draft after this turn: a draft to keep, null to drop it, undefined to leave it as it was. */
  readonly draft?: ReportDraft | null;
  readonly attachments?: Attachments | null;
}

/** The options the last reply offers (a numbered list): what a digit in the next message picks from. */
export function offeredOptions(replies: readonly Reply[]): readonly ChoiceOption[] | undefined {
  const last = replies[replies.length - 1];
  return last?.kind === 'choices' ? last.options : undefined;
}
