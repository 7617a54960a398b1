import { EMERGENCY_LABEL, OUT_OF_SCOPE_LABEL, type MatchResult, type ScoredLabel } from './matcher.ts';
import { namesNoTopic } from './no-topic.ts';

/**
 * What the bot does with a match. Confidence is read relative to the alternatives: a long or indirect question
 * spreads its probability over more features, so its best score can be modest while it still stands far ahead
 * of the next; one absolute floor refused exactly those. A wrong confident answer misleads a resident, so a
 * close call becomes a question ("Có phải bạn muốn hỏi: 1) … 2) … 3)") and only a flat, weak match an honest
 * "not known". Thresholds were chosen on held-out seed phrasings (bench/holdout.ts).
 */
export type Decision =
  | { readonly kind: 'answer'; readonly label: string; readonly score: number }
  | { readonly kind: 'clarify'; readonly options: readonly ScoredLabel[] }
  | { readonly kind: 'not-understood'; readonly guess: ScoredLabel };

export const THRESHOLDS = {
  /** The model alone sends the emergency numbers only when emergency leads this clearly (no rule fired). */
  emergency: 0.6,
  emergencyRatio: 3,
  /** Answered directly when the best is at least this many times the runner-up. */
  ratio: 2.5,
  /** Below this, and not clearly ahead (ratio `aheadRatio`), the match is too weak to offer anything. */
  weak: 0.2,
  aheadRatio: 1.5,
  /** An option is offered in a clarification list only with at least this share of the best score. */
  optionShare: 0.12,
  /** A message mostly made of words the knowledge base has never seen is about something else. */
  unknownShare: 0.5,
  /**
   * A flat, weak match whose three best readings are all street reports holding this much together is asked about
   * among them. No prediction of the development set or the ten scope sets changed.
   */
  reportsTogether: 0.4,
  unknownConfident: 0.7,
} as const;

export function decide(result: MatchResult): Decision {
  if (result.label === EMERGENCY_LABEL && result.rule === true) return { kind: 'answer', label: EMERGENCY_LABEL, score: result.score };
  // The readings best first with the emergency set aside (built by hand: this runs for every message).
  let emergencyScore = result.label === EMERGENCY_LABEL ? result.score : 0;
  const others: ScoredLabel[] = result.label === EMERGENCY_LABEL ? [] : [{ label: result.label, score: result.score }];
  for (const alternative of result.alternatives) {
    if (alternative.label !== EMERGENCY_LABEL) others.push(alternative);
    else if (emergencyScore === 0) emergencyScore = alternative.score;
  }
  if (result.label === EMERGENCY_LABEL && emergencyScore >= THRESHOLDS.emergency && emergencyScore >= THRESHOLDS.emergencyRatio * (others[0]?.score ?? 0)) {
    return { kind: 'answer', label: EMERGENCY_LABEL, score: emergencyScore };
  }
  // A weak emergency reading is set aside: the numbers need real evidence, and the rest still gets its answer.
  const best = others[0];
  if (best === undefined) return { kind: 'not-understood', guess: { label: result.label, score: result.score } };
  if (result.unknownShare >= THRESHOLDS.unknownShare && best.score < THRESHOLDS.unknownConfident) {
    return { kind: 'answer', label: OUT_OF_SCOPE_LABEL, score: 1 - best.score };
  }
  if (result.vague && result.vague.length >= 2) return { kind: 'clarify', options: result.vague.slice(0, 3) };
  // Words that name no topic ("chưa có", "rồi sao") get no topic's answer or option, however the model leans.
  const noTopic = namesNoTopic(result.tokens);
  if (noTopic && isTopic(best.label)) return { kind: 'not-understood', guess: best };
  const runnerUp = others[1]?.score ?? 0;
  if (best.score < THRESHOLDS.weak && best.score < THRESHOLDS.aheadRatio * runnerUp) {
    // ... unless the best readings are all street reports, together likely: a report of some kind ("cột điện nghiêng
    // sắp đổ": street lights, trees, other), asked which rather than not understood.
    const reports = others.slice(0, 3);
    const someReport = reports.length === 3 && reports.every((o) => o.label.startsWith(REPORT_PREFIX)) && reports.reduce((sum, o) => sum + o.score, 0) >= THRESHOLDS.reportsTogether;
    return someReport ? { kind: 'clarify', options: reports } : { kind: 'not-understood', guess: best };
  }
  if (best.score >= THRESHOLDS.ratio * runnerUp) return { kind: 'answer', label: best.label, score: best.score };
  const options = others.filter((o, i) => (i === 0 || o.score >= THRESHOLDS.optionShare * best.score) && o.label !== OUT_OF_SCOPE_LABEL && !(noTopic && isTopic(o.label))).slice(0, 3);
  if (options.length < 2) return { kind: 'answer', label: best.label, score: best.score };
  return { kind: 'clarify', options };
}

const REPORT_PREFIX = 'report:';
const isTopic = (label: string): boolean => label.startsWith('kb:') || label.startsWith(REPORT_PREFIX);

/** The score of a decision's leading reading: the answer's, or the first option's of a close call; 0 when not understood. */
export function leadingScore(decision: Decision): number {
  return decision.kind === 'answer' ? decision.score : decision.kind === 'clarify' ? (decision.options[0]?.score ?? 0) : 0;
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
