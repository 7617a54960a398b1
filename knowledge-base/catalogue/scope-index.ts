import type { LabelledText } from '../../intents/matcher.ts';
import { OUT_OF_SCOPE_LABEL } from '../../intents/matcher.ts';
import { buildRetrievalIndex, type RetrievalIndex } from '../../intents/retrieval.ts';
import type { ScopeEvidence } from '../../intents/scope.ts';
import type { CatalogueProcedure } from './types.ts';

/** Document groups of the index: their scores are compared with each other. */
const CATALOGUE = 0;
const OURS = 1;
const OUTSIDE = 2;
/** Catalogue hits kept per message: the reply offers at most three. */
const OFFERED = 3;

export interface ScopeIndex {
  /** How the message scores against the uncovered catalogue, our own phrasings and what we know is off-topic. */
  evidence(text: string): ScopeEvidence;
  procedure(code: string): CatalogueProcedure | undefined;
  /** Codes some knowledge-base entry covers: never offered as catalogue procedures. */
  readonly covered: ReadonlySet<string>;
  readonly stats: { readonly documents: number; readonly terms: number; readonly buildMs: number; readonly procedures: number };
}

/**
 * One retrieval index over three kinds of text, sharing term rarity so their scores compare: the names of
 * catalogue procedures no entry covers, our own phrasings (every label's training texts, plus the names of
 * the catalogue procedures an entry covers, filed under that entry), and the phrasings of what is out of scope.
 */
export function buildScopeIndex(procedures: readonly CatalogueProcedure[], phrasings: readonly LabelledText[], coveredBy: ReadonlyMap<string, string>): ScopeIndex {
  const byCode = new Map(procedures.map((p) => [p.code, p]));
  const index: RetrievalIndex = buildRetrievalIndex([
    ...procedures.map((p) => {
      const owner = coveredBy.get(p.code);
      return owner === undefined ? { key: p.code, text: p.name, group: CATALOGUE } : { key: owner, text: p.name, group: OURS };
    }),
    ...phrasings.map((t) => ({ key: t.label, text: t.text, group: t.label === OUT_OF_SCOPE_LABEL ? OUTSIDE : OURS })),
  ]);
  return {
    evidence(text) {
      const hits = index.search(text, OFFERED);
      const catalogue = hits.filter((h) => h.group === CATALOGUE).map((h) => ({ code: h.key, score: h.score }));
      const ours = hits.find((h) => h.group === OURS);
      const outside = hits.find((h) => h.group === OUTSIDE);
      return { catalogue, ours: ours === undefined ? undefined : { label: ours.key, score: ours.score }, outside: outside?.score ?? 0 };
    },
    procedure: (code) => byCode.get(code),
    covered: new Set(coveredBy.keys()),
    stats: { ...index.stats, procedures: procedures.length },
  };
}
