import type { LabelledText } from '../../intents/matcher.ts';
import { OUT_OF_SCOPE_LABEL } from '../../intents/matcher.ts';
import { buildRetrievalIndex, canonicalTokens, type RetrievalIndex, type RetrievalQuery } from '../../intents/retrieval.ts';
import { withOfficialWording } from '../../intents/official-wording.ts';
import type { ScopeEvidence, ScopeProbe } from '../../intents/scope.ts';
import type { CatalogueProcedure } from './types.ts';

/** Document groups of the index: their scores are compared with each other. */
const CATALOGUE = 0;
const OURS = 1;
const OUTSIDE = 2;
/** Catalogue hits kept per message: the reply offers at most three. */
const OFFERED = 3;
/** Keys ranked per group: the catalogue's best three and our best phrasing (off-topic phrasings only share term rarity). */
const LIMITS: readonly number[] = Object.assign(new Array<number>(3).fill(0), { [CATALOGUE]: OFFERED, [OURS]: 1 });

export interface ScopeIndex {
  /** The scope questions about one message, from the canonical syllables the matcher read (MatchResult.tokens). */
  probe(tokens: readonly string[]): ScopeProbe;
  /** How a text scores against the uncovered catalogue and our own phrasings. */
  evidence(text: string, label?: string): ScopeEvidence;
  procedure(code: string): CatalogueProcedure | undefined;
  /** Codes some knowledge-base entry covers: never offered as catalogue procedures. */
  readonly covered: ReadonlySet<string>;
  readonly stats: { readonly documents: number; readonly terms: number; readonly buildMs: number; readonly procedures: number };
}

/**
 * One retrieval index over three kinds of text, sharing term rarity so their scores compare: the names of
 * catalogue procedures no entry covers, our own phrasings (every label's training texts, plus the names of
 * the catalogue procedures an entry covers, filed under that entry), and the phrasings of what is out of scope.
 * Messages and our phrasings alike carry the official terms of their everyday words (intents/official-wording.ts),
 * so "lấy vợ người nước ngoài" meets "kết hôn có yếu tố nước ngoài" while our own topics, phrased the same way,
 * own those terms too and an in-scope question is not pulled away; catalogue names are official already.
 */
export function buildScopeIndex(procedures: readonly CatalogueProcedure[], phrasings: readonly LabelledText[], coveredBy: ReadonlyMap<string, string>): ScopeIndex {
  const byCode = new Map(procedures.map((p) => [p.code, p]));
  const index: RetrievalIndex = buildRetrievalIndex([
    ...procedures.map((p) => {
      const owner = coveredBy.get(p.code);
      return owner === undefined ? { key: p.code, text: p.name, group: CATALOGUE } : { key: owner, text: p.name, group: OURS };
    }),
    ...phrasings.map((t) => ({ key: t.label, text: t.text, group: t.label === OUT_OF_SCOPE_LABEL ? OUTSIDE : OURS, tokens: withOfficialWording(canonicalTokens(t.text)) })),
  ], [OURS, OUTSIDE]);

  // The one place a message's retrieval query is built: its own syllables plus the official terms of its everyday words.
  const queryOf = (tokens: readonly string[]): RetrievalQuery => index.query(withOfficialWording(tokens));

  function probeOf(query: RetrievalQuery): ScopeProbe {
    // A label with no phrasings (none: the message was not understood) lacks every word.
    const foreignTo = (label: string, counts: (i: number) => boolean): number => {
      const vocabulary = index.vocabulary(label);
      let weight = 0;
      let total = 0;
      for (let i = 0; i < query.ids.length; i++) {
        const w = query.weights[i] as number;
        total += w;
        if (counts(i) && !vocabulary.has(query.ids[i] as number)) weight += w;
      }
      return total === 0 ? 0 : weight / total;
    };
    return {
      // Words of the catalogue's procedure names that the topic's phrasings never use: what `foreign` can reach at most.
      foreignBound: (label) => foreignTo(label, (i) => index.groupHas(query.ids[i] as number, CATALOGUE)),
      catalogueReaches: (share) => index.reaches(query, CATALOGUE, share),
      evidence(label) {
        const hits = index.search(query, LIMITS);
        const catalogue = hits.filter((h) => h.group === CATALOGUE).map((h) => ({ code: h.key, score: h.score }));
        const ours = hits.find((h) => h.group === OURS);
        const best = hits.find((h) => h.group === CATALOGUE);
        const shared = best === undefined ? undefined : index.shared(query, best.doc);
        const inBest = new Set(shared?.terms ?? []);
        return {
          catalogue,
          ours: ours === undefined ? undefined : { label: ours.key, score: ours.score },
          foreign: foreignTo(label, (i) => inBest.has(i)),
          nameShare: shared === undefined || shared.docWeight === 0 ? 0 : shared.weight / shared.docWeight,
        };
      },
    };
  }

  return {
    probe: (tokens) => probeOf(queryOf(tokens)),
    evidence: (text, label = '') => probeOf(queryOf(canonicalTokens(text))).evidence(label),
    procedure: (code) => byCode.get(code),
    covered: new Set(coveredBy.keys()),
    stats: { ...index.stats, procedures: procedures.length },
  };
}
