import type { LabelledText } from '../../intents/matcher.ts';
import { OUT_OF_SCOPE_LABEL } from '../../intents/matcher.ts';
import { buildRetrievalIndex, canonicalTokens, type RetrievalIndex, type RetrievalQuery } from '../../intents/retrieval.ts';
import { withOfficialWording } from '../../intents/official-wording.ts';
import type { ScopeEvidence, ScopeProbe } from '../../intents/scope.ts';
import { levelWeight, searchableName } from './search-name.ts';
import type { CatalogueProcedure } from './types.ts';

/** Document groups of the index: their scores are compared with each other. */
const CATALOGUE = 0;
const OURS = 1;
const OUTSIDE = 2;
/** Catalogue hits kept per message: the reply offers at most three. */
const OFFERED = 3;
/** Keys ranked per group, asked apart: the catalogue's best three; our best phrasing only when a decision reads it. */
const limits = (group: number, count: number): readonly number[] => Object.assign(new Array<number>(3).fill(0), { [group]: count });
const CATALOGUE_LIMITS = limits(CATALOGUE, OFFERED);
const OURS_LIMITS = limits(OURS, 1);

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
      const text = searchableName(p.name);
      // A ministry's namesake must not push a commune's procedure out of the three offered: the level weighs in.
      return owner === undefined ? { key: p.code, text, group: CATALOGUE, weight: levelWeight(p.level) } : { key: owner, text, group: OURS };
    }),
    ...phrasings.map((t) => ({ key: t.label, text: t.text, group: t.label === OUT_OF_SCOPE_LABEL ? OUTSIDE : OURS, tokens: withOfficialWording(canonicalTokens(t.text)) })),
  ], [OURS, OUTSIDE]);

  return {
    probe: (tokens) => new MessageProbe(index, tokens),
    evidence: (text, label = '') => new MessageProbe(index, canonicalTokens(text)).evidence(label),
    procedure: (code) => byCode.get(code),
    covered: new Set(coveredBy.keys()),
    stats: { ...index.stats, procedures: procedures.length },
  };
}

/**
 * The scope questions about one message. Its retrieval query (its own syllables plus the official terms of its
 * everyday words) is built on the first question: many decisions ask none. A class, so a message creates no
 * closures (run through tsx, each named closure is also given its name at creation).
 */
class MessageProbe implements ScopeProbe {
  private built: RetrievalQuery | undefined;

  constructor(
    private readonly index: RetrievalIndex,
    private readonly tokens: readonly string[],
  ) {}

  private query(): RetrievalQuery {
    return (this.built ??= this.index.query(withOfficialWording(this.tokens)));
  }

  /** Share of the message's weight in terms `counts` picks that no phrasing of `label` uses (a label with none lacks every word). */
  private foreignTo(label: string, counts: (i: number, id: number) => boolean): number {
    const { ids, weights } = this.query();
    const vocabulary = this.index.vocabulary(label);
    let weight = 0;
    let total = 0;
    for (let i = 0; i < ids.length; i++) {
      const w = weights[i] as number;
      total += w;
      if (counts(i, ids[i] as number) && !vocabulary.has(ids[i] as number)) weight += w;
    }
    return total === 0 ? 0 : weight / total;
  }

  /** Words of the catalogue's procedure names that the topic's phrasings never use: what `foreign` can reach at most. */
  foreignBound(label: string): number {
    return this.foreignTo(label, (_, id) => this.index.groupHas(id, CATALOGUE));
  }

  catalogueReaches(share: number): boolean {
    return this.index.reaches(this.query(), CATALOGUE, share);
  }

  evidence(label: string): ScopeEvidence {
    const { index } = this;
    const query = this.query();
    const hits = index.search(query, CATALOGUE_LIMITS);
    const best = hits[0];
    const shared = best === undefined ? undefined : index.shared(query, best.doc);
    const inBest = new Set(shared?.terms ?? []);
    let ours: { label: string; score: number } | undefined | null = null;
    return {
      catalogue: hits.map((h) => ({ code: h.key, score: h.score })),
      // Ranked only when a decision reads it: most read the catalogue alone.
      get ours() {
        if (ours === null) {
          const hit = index.search(query, OURS_LIMITS)[0];
          ours = hit === undefined ? undefined : { label: hit.key, score: hit.score };
        }
        return ours;
      },
      oursReach(share) {
        return index.reaches(query, OURS, share);
      },
      foreign: this.foreignTo(label, (i) => inBest.has(i)),
      nameShare: shared === undefined || shared.docWeight === 0 ? 0 : shared.weight / shared.docWeight,
    };
  }
}
