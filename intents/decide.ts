import { EMERGENCY_LABEL, OUT_OF_SCOPE_LABEL, type MatchResult, type ScoredLabel } from './matcher.ts';

/**
 * What the bot does with a match. Thresholds were calibrated on held-back knowledge-base phrasings: a wrong
 * confident answer misleads a resident, so a close call becomes a question and a weak one an honest "not known".
 */
export type Decision =
  | { readonly kind: 'answer'; readonly label: string; readonly score: number }
  | { readonly kind: 'clarify'; readonly options: readonly ScoredLabel[] }
  | { readonly kind: 'not-understood'; readonly guess: ScoredLabel };

export const THRESHOLDS = {
  /** Emergency probability above which the emergency numbers are sent anyway: safety over precision. */
  emergency: 0.3,
  /** A top score at least this high, and this far ahead of the next, is answered directly. */
  confident: 0.5,
  margin: 0.2,
  /** Below this the bot says it did not understand. */
  floor: 0.22,
  /** An option is offered in a clarification list only with at least this score. */
  option: 0.08,
  /** A message mostly made of words the knowledge base has never seen is about something else. */
  unknownShare: 0.5,
} as const;

export function decide(result: MatchResult): Decision {
  const { label, score, alternatives } = result;
  if (label === EMERGENCY_LABEL) return { kind: 'answer', label, score };
  const emergency = alternatives.find((a) => a.label === EMERGENCY_LABEL);
  if (emergency && emergency.score >= THRESHOLDS.emergency) return { kind: 'answer', label: EMERGENCY_LABEL, score: emergency.score };
  if (result.unknownShare >= THRESHOLDS.unknownShare && score < THRESHOLDS.confident + THRESHOLDS.margin) {
    return { kind: 'answer', label: OUT_OF_SCOPE_LABEL, score: 1 - score };
  }
  if (score < THRESHOLDS.floor) return { kind: 'not-understood', guess: { label, score } };
  const runnerUp = alternatives[0]?.score ?? 0;
  if (score >= THRESHOLDS.confident && score - runnerUp >= THRESHOLDS.margin) return { kind: 'answer', label, score };
  const options = [{ label, score }, ...alternatives.filter((a) => a.score >= THRESHOLDS.option)]
    .filter((o) => o.label !== OUT_OF_SCOPE_LABEL)
    .slice(0, 3);
  if (options.length < 2) return { kind: 'answer', label, score };
  return { kind: 'clarify', options };
}

/** The label a decision stands for, as evaluation counts it: not understood is out of scope. */
export function decidedLabel(decision: Decision): string {
  switch (decision.kind) {
    case 'answer':
      return decision.label;
    case 'clarify':
      return (decision.options[0] as ScoredLabel).label;
    case 'not-understood':
      return OUT_OF_SCOPE_LABEL;
  }
}
