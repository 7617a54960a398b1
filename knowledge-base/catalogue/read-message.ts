import { decide, decidedLabel, leadingScore, type Decision } from '../../intents/decide.ts';
import type { MatchResult } from '../../intents/matcher.ts';
import { OUT_OF_SCOPE_LABEL } from '../../intents/matcher.ts';
import { canonicalTokens } from '../../intents/retrieval.ts';
import { decideScope, type ScopeOutcome } from '../../intents/scope.ts';
import { firstIssueFirst } from './first-issue-first.ts';
import type { ScopeIndex } from './scope-index.ts';
import { catalogueLabel } from './types.ts';
import { KB_PREFIX } from '../types.ts';

/** What the bot makes of a message: which of ours it is, and whether it is ours at all. */
export interface MessageReading {
  readonly decision: Decision;
  readonly scope: ScopeOutcome;
  /**
   * When the message is answered with one of our entries: the catalogue procedure among those the entry covers that
   * the message is about ("chấm dứt hộ kinh doanh" within the household-business entry), named in the reply.
   */
  readonly procedure?: string;
}

/**
 * The one decision path the bot and the evaluation share: the matcher's decision, then the scope decision
 * against the catalogue. Without a catalogue (none loaded) the matcher's decision stands. The scope reads the
 * syllables the matcher already folded and expanded (result.tokens), so the message is not analysed twice.
 */
export function readMessage(text: string, result: MatchResult, scope: ScopeIndex | undefined): MessageReading {
  const decision = decide(result);
  // A very short message several of our topics fit ("đăng ký", "chứng thực", "mất giấy tờ") is asked about among them:
  // it names no procedure, so the catalogue's names that begin with its word are no evidence of one.
  if (scope === undefined || (decision.kind === 'clarify' && (result.vague?.length ?? 0) > 1)) return { decision, scope: { kind: 'ours' } };
  const tokens = result.tokens ?? canonicalTokens(text);
  const probe = scope.probe(tokens, result.tokens === undefined ? undefined : result.numbers);
  const said = tokens.join(' ');
  const scored = decideScope(decision, probe, said);
  // Among procedures offered, a follow-up (re-issue, exchange, extension...) the message does not ask for comes after
  // the first issue it follows (first-issue-first.ts).
  const outcome = scored.kind === 'catalogue' || scored.kind === 'ask' ? { ...scored, codes: firstIssueFirst(scored.codes, (code) => scope.procedure(code)?.name, said) } : scored;
  // The procedure to be offered first is one an entry covers, carried out at another level ("trình báo mất hộ chiếu"
  // at district or province level, our passport entry covering the commune's): we hold guidance, so that entry
  // answers, naming the procedure it covers.
  const twin = (outcome.kind === 'ask' || outcome.kind === 'catalogue') && outcome.codes[0] !== undefined ? scope.coveredTwin(outcome.codes[0]) : undefined;
  if (twin !== undefined) return { decision: { kind: 'answer', label: twin.label, score: leadingScore(decision) }, scope: { kind: 'ours' }, procedure: twin.code };
  const ours = outcome.kind === 'ask' ? outcome.label : outcome.kind === 'ours' && decision.kind === 'answer' ? decision.label : undefined;
  const covered = ours?.startsWith(KB_PREFIX) ? probe.coveredProcedure(ours) : undefined;
  if (ours === undefined || covered === undefined) return { decision, scope: outcome };
  if (outcome.kind === 'ours') return { decision, scope: outcome, procedure: covered.code };
  // An ask between our entry and procedures next to it, when the message names one of the entry's own procedures at
  // least as well as the best of theirs, is about ours: answered, with that procedure named. (Calibration sets:
  // right procedure offered +1.7 points on two, unchanged on the others; at 0.75 of theirs, as many lost as gained.)
  if (covered.score < (probe.evidence(ours).catalogue[0]?.score ?? 0)) return { decision, scope: outcome };
  return { decision: { kind: 'answer', label: ours, score: leadingScore(decision) }, scope: { kind: 'ours' }, procedure: covered.code };
}

/** The reading as the evaluation contract counts it: the decided label and the labels offered, best first. */
export function readingLabels(reading: MessageReading): { label: string; options: string[] } {
  const { decision, scope } = reading;
  if (scope.kind === 'catalogue') {
    const options = scope.codes.slice(0, 3).map(catalogueLabel);
    return { label: options[0] as string, options };
  }
  if (scope.kind === 'ask') return { label: scope.label, options: [scope.label, ...scope.codes.slice(0, 2).map(catalogueLabel)] };
  if (scope.kind === 'not-covered') return { label: OUT_OF_SCOPE_LABEL, options: [] };
  const label = decidedLabel(decision);
  if (decision.kind === 'clarify') return { label, options: decision.options.slice(0, 3).map((o) => o.label) };
  if (label === OUT_OF_SCOPE_LABEL) return { label, options: [] };
  // Our entry's answer names the official procedure it applies to: offered after the entry itself.
  return { label, options: reading.procedure === undefined ? [label] : [label, catalogueLabel(reading.procedure)] };
}
