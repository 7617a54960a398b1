import { decide, decidedLabel, type Decision } from '../../intents/decide.ts';
import type { MatchResult } from '../../intents/matcher.ts';
import { OUT_OF_SCOPE_LABEL } from '../../intents/matcher.ts';
import { canonicalTokens } from '../../intents/retrieval.ts';
import { decideScope, type ScopeOutcome } from '../../intents/scope.ts';
import type { ScopeIndex } from './scope-index.ts';
import { catalogueLabel } from './types.ts';

/** What the bot makes of a message: which of ours it is, and whether it is ours at all. */
export interface MessageReading {
  readonly decision: Decision;
  readonly scope: ScopeOutcome;
}

/**
 * The one decision path the bot and the evaluation share: the matcher's decision, then the scope decision
 * against the catalogue. Without a catalogue (none loaded) the matcher's decision stands. The scope reads the
 * syllables the matcher already folded and expanded (result.tokens), so the message is not analysed twice.
 */
export function readMessage(text: string, result: MatchResult, scope: ScopeIndex | undefined): MessageReading {
  const decision = decide(result);
  if (scope === undefined) return { decision, scope: { kind: 'ours' } };
  const tokens = result.tokens ?? canonicalTokens(text);
  return { decision, scope: decideScope(decision, scope.probe(tokens), tokens.join(' ')) };
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
  return { label, options: label === OUT_OF_SCOPE_LABEL ? [] : [label] };
}
