import type { Decision } from './decide.ts';

/** How a message scores against the catalogue, our own phrasings and known off-topic phrasings (0..1 each). */
export interface ScopeEvidence {
  /** Catalogue procedures no entry covers, best first (at most three). */
  readonly catalogue: ReadonlyArray<{ readonly code: string; readonly score: number }>;
  readonly ours: { readonly label: string; readonly score: number } | undefined;
  readonly outside: number;
}

export type ScopeOutcome =
  /** One of our topics (or not understood): the matcher's decision stands. */
  | { readonly kind: 'ours' }
  /** An official procedure we hold no vetted entry for: offer these, best first. */
  | { readonly kind: 'catalogue'; readonly codes: readonly string[] }
  /** Neither ours nor in the catalogue (or not about a procedure at all): say so honestly. */
  | { readonly kind: 'not-covered' };

/**
 * Calibrated on bench/scope-dev.jsonl (questions written for this purpose: catalogue procedures without an entry,
 * things in neither, and fresh in-scope controls), never on the evaluation sets. Scores are shares of the
 * message's attainable BM25 score (intents/retrieval.ts), so they do not grow with message length.
 */
export const SCOPE_THRESHOLDS = {
  /** The matcher's answer counts as confident from this probability, when retrieval agrees on the label. */
  confident: 0.7,
  /** Against a confident answer, the catalogue must reach this score and beat our own phrasings by this factor. */
  catalogueOverConfident: 0.15,
  ratioOverConfident: 1.2,
  /** Against a weak, unsure or out-of-scope decision, a lower bar: the catalogue explains the message better. */
  catalogueOverWeak: 0.12,
  ratioOverWeak: 0.8,
  /** When the matcher itself is this sure a message is off-topic, the catalogue must reach a higher score. */
  outOfScope: 0.8,
  catalogueOverOutOfScope: 0.2,
} as const;

// Questions about fines and about what the law allows are not procedures: no catalogue record answers them.
const NOT_A_PROCEDURE = /\b(?:phat bao nhieu|bi phat|muc phat|xu phat|phat tien|phap luat|theo luat|luat (?:moi|quy dinh|dat dai|hon nhan)|co hop phap|co vi pham|co quyen|kien (?:o dau|ai|ra toa))\b/;

/** Labels the bot answers itself (social turns, reports, emergencies): the catalogue has nothing to add. */
function isOwnConversation(label: string): boolean {
  return label.startsWith('report:') || ['intent:greeting', 'intent:thanks', 'intent:goodbye', 'intent:report-status', 'intent:human', 'intent:emergency'].includes(label);
}

/**
 * "Is this about something we hold?", decided apart from "which of ours is it?": the matcher's decision, the
 * message's best retrieval score against the catalogue's uncovered procedures and against our own phrasings.
 * `folded` is the message's folded key (intents/fold.ts foldKey). Pure.
 */
export function decideScope(decision: Decision, evidence: ScopeEvidence, folded: string): ScopeOutcome {
  if (decision.kind === 'answer' && isOwnConversation(decision.label)) return { kind: 'ours' };
  const confident = decision.kind === 'answer' && decision.label !== 'intent:out-of-scope' && decision.score >= SCOPE_THRESHOLDS.confident && evidence.ours?.label === decision.label;
  const top = decision.kind === 'answer' ? decision.label : decision.kind === 'clarify' ? decision.options[0]?.label ?? '' : '';
  // "Is it fined if I register late?" belongs to the entry it names; a fine with no topic of ours is not covered.
  if (NOT_A_PROCEDURE.test(folded)) return confident || top.startsWith('kb:') ? { kind: 'ours' } : { kind: 'not-covered' };
  // A close call between reports stays a question about reports: street problems are not in the catalogue.
  if (decision.kind === 'clarify' && isOwnConversation(decision.options[0]?.label ?? '')) return { kind: 'ours' };
  const best = evidence.catalogue[0]?.score ?? 0;
  const ours = evidence.ours?.score ?? 0;
  const surelyOutside = decision.kind === 'answer' && decision.label === 'intent:out-of-scope' && decision.score >= SCOPE_THRESHOLDS.outOfScope;
  const offered = confident
    ? best >= SCOPE_THRESHOLDS.catalogueOverConfident && best >= SCOPE_THRESHOLDS.ratioOverConfident * ours
    : best >= (surelyOutside ? SCOPE_THRESHOLDS.catalogueOverOutOfScope : SCOPE_THRESHOLDS.catalogueOverWeak) && best >= SCOPE_THRESHOLDS.ratioOverWeak * ours;
  return offered ? { kind: 'catalogue', codes: evidence.catalogue.map((c) => c.code) } : { kind: 'ours' };
}
