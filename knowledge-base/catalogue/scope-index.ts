import type { LabelledText } from '../../intents/matcher.ts';
import { OUT_OF_SCOPE_LABEL } from '../../intents/matcher.ts';
import { buildRetrievalIndex, canonicalTokens, type RetrievalIndex, type RetrievalQuery, type TermSet } from '../../intents/retrieval.ts';
import { officialWording, withOfficialWording } from '../../intents/official-wording.ts';
import { SCOPE_THRESHOLDS, type ScopeEvidence, type ScopeProbe } from '../../intents/scope.ts';
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
const BEST_LIMITS = limits(CATALOGUE, 1);
/**
 * Out-of-scope phrasings ranked per message: enough to find the best one that is not itself about a catalogue
 * procedure (the label's examples include "nhận con nuôi", "nhập quốc tịch": procedures we hold no entry for).
 */
const OUTSIDE_RANKED = 8;
const OUTSIDE_LIMITS = limits(OUTSIDE, OUTSIDE_RANKED);
/** No other topics of a close call: `foreignTo` of one label. */
const NO_VOCABULARIES: readonly TermSet[] = [];
/**
 * An out-of-scope phrasing the catalogue explains this well (share of its score, and of the procedure's name it
 * covers) is about a procedure: it is no evidence that a message like it is outside every procedure. Chosen by
 * reading the label's 238 examples: "con nuôi", "quốc tịch", "giấy phép thăm dò khoáng sản" pass; "xổ số",
 * "bóng đá", "ly hôn", "đăng ký nhãn hiệu", "giá vàng" do not.
 */
const PROCEDURE_PHRASING_SCORE = 0.2;
const PROCEDURE_PHRASING_NAME_SHARE = 0.15;
/**
 * When a reply of ours names which of its entry's procedures the message is about (`coveredProcedure`): another than
 * the entry's main one needs twice its fit (score × name share) and 1.3× its score, and the one named must have a
 * third of its name in the message. Read on the calibration sets' questions about covered procedures (10 of 16 named
 * right, 2 a sibling, 4 none) and on our in-scope questions, where these bars keep sibling names out: "đổi bằng lái" is not the exchange
 * of a foreigner's licence, "mua xe mới đăng ký biển số" not the re-issue of a registration, "kích hoạt VNeID mức 2"
 * not level 1 (numbers are read as one token).
 */
/**
 * "về" and "của" (folded), and the pairs they form, say nothing about which procedure a message is about, so they are
 * never `foreign` to a topic whose phrasings happen to lack them: "hỏi về trợ cấp người già" had the pair "về trợ" (of
 * "khiếu nại về trợ giúp pháp lý") count as words the social allowance never uses, and the confident answer became a
 * question between it and two unrelated procedures. A content word beside one still counts on its own. Residents put
 * both in front of what they ask about ("cho hỏi về ...", "giấy ... của tôi"). A longer list of function words ("với",
 * "vào", "các", "theo"...) was tried: "đối với" is how formal questions name what a procedure applies to, and two
 * of them lost the procedure they named (one filed as a street report); with these two, across the development set
 * and the ten scope sets, three predictions changed, none for the worse.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(['ve', 'cua']);
const SIBLING_FIT_RATIO = 2;
const SIBLING_SCORE_RATIO = 1.3;
const NAMED_SHARE = 0.3;

/** The scope questions about one message, and which of an entry's own procedures it is about. */
export interface CatalogueProbe extends ScopeProbe {
  /**
   * The catalogue procedure, among those the entry behind `label` covers, that the message is about: the one whose
   * official name it matches best, or the entry's main one when two are close, with its score; undefined when the
   * entry covers none or the message holds less than a third of the name (by term weight).
   */
  coveredProcedure(label: string): { readonly code: string; readonly score: number } | undefined;
}

export interface ScopeIndex {
  /** The scope questions about one message, from the canonical syllables the matcher read (MatchResult.tokens). */
  /** `numbers`: their numbers (MatchResult.numbers), when the matcher gave them. */
  probe(tokens: readonly string[], numbers?: readonly number[]): CatalogueProbe;
  /** How a text scores against the uncovered catalogue and our own phrasings. */
  evidence(text: string, label?: string): ScopeEvidence;
  procedure(code: string): CatalogueProcedure | undefined;
  /** Codes some knowledge-base entry covers: never offered as catalogue procedures. */
  readonly covered: ReadonlySet<string>;
  /**
   * The procedure an entry covers that is the same as `code` carried out at another level (the register lists
   * "Trình báo mất hộ chiếu" at commune, district and province level under three codes), and that entry.
   */
  coveredTwin(code: string): { readonly code: string; readonly label: string } | undefined;
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
  // Each out-of-scope phrasing is its own key (ranked apart), all sharing the label's vocabulary.
  const outsidePhrasings: Array<{ key: string; tokens: readonly string[] }> = [];
  const index: RetrievalIndex = buildRetrievalIndex([
    ...procedures.map((p) => {
      const owner = coveredBy.get(p.code);
      const text = searchableName(p.name);
      // A ministry's namesake must not push a commune's procedure out of the three offered: the level weighs in.
      return owner === undefined ? { key: p.code, text, group: CATALOGUE, weight: levelWeight(p.level) } : { key: owner, text, group: OURS };
    }),
    ...phrasings.map((t) => {
      const tokens = withOfficialWording(canonicalTokens(t.text));
      if (t.label !== OUT_OF_SCOPE_LABEL) return { key: t.label, text: t.text, group: OURS, tokens };
      const key = `${t.label}#${outsidePhrasings.length}`;
      outsidePhrasings.push({ key, tokens });
      return { key, vocabularyKey: t.label, text: t.text, group: OUTSIDE, tokens };
    }),
  ], [OURS, OUTSIDE]);
  const aboutProcedures = new Set(outsidePhrasings.filter(({ tokens }) => explainedByCatalogue(index, tokens)).map(({ key }) => key));
  // The documents of the procedure names each entry covers, in the entry's order of codes (its main one first).
  const givenAt = new Map(procedures.map((p, given) => [p.code, given]));
  const coveredDocs = new Map<string, Array<{ readonly code: string; readonly doc: number }>>();
  // ... and the same by name without the level, for the same procedure listed at another level (`coveredTwin`).
  const coveredByName = new Map<string, { code: string; label: string }>();
  for (const [code, owner] of coveredBy) {
    const given = givenAt.get(code);
    if (given === undefined) continue;
    const docs = coveredDocs.get(owner) ?? [];
    docs.push({ code, doc: index.documentOf(given) });
    coveredDocs.set(owner, docs);
    const key = sameProcedureKey((procedures[given] as CatalogueProcedure).name);
    if (!coveredByName.has(key)) coveredByName.set(key, { code, label: owner });
  }
  const twins = new Map<string, { code: string; label: string } | null>();
  const common = index.termsWhere((term) => term.split(' ').some((word) => FUNCTION_WORDS.has(word)));
  return {
    probe: (tokens, numbers) => new MessageProbe(index, tokens, numbers, aboutProcedures, coveredDocs, common),
    evidence: (text, label = '') => new MessageProbe(index, canonicalTokens(text), undefined, aboutProcedures, coveredDocs, common).evidence(label),
    procedure: (code) => byCode.get(code),
    covered: new Set(coveredBy.keys()),
    coveredTwin: (code) => {
      // Asked for every message offered procedures; the name's key (a few regular expressions) is worked out once a code.
      let twin = twins.get(code);
      if (twin === undefined) {
        const name = byCode.get(code)?.name;
        twin = (name === undefined ? undefined : coveredByName.get(sameProcedureKey(name))) ?? null;
        twins.set(code, twin);
      }
      return twin ?? undefined;
    },
    stats: { ...index.stats, procedures: procedures.length },
  };
}

// From strings, written as ASCII escapes in the bundle (see tests/one-byte-bundle.test.ts).
const LEVEL_IN_BRACKETS = new RegExp('\\((?:thực hiện )?(?:tại |ở )?cấp [^()]*\\)', 'gu');
const LEVEL_AFTER_DASH = new RegExp('\\s[-–]\\s*(?:thực hiện )?(?:tại )?cấp [^,]*$', 'u');

/**
 * A procedure's name without where it is carried out, in letters and digits only: the same key for the same
 * procedure at another level ("(thực hiện tại cấp xã)", "(cấp tỉnh)", "- cấp Trung ương").
 */
function sameProcedureKey(name: string): string {
  return searchableName(name).toLowerCase().replace(LEVEL_IN_BRACKETS, ' ').replace(LEVEL_AFTER_DASH, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Whether any of the sets holds the term (a loop, not `some`: its callback was a closure made per term). */
function anyHas(sets: readonly TermSet[], id: number): boolean {
  for (let i = 0; i < sets.length; i++) if ((sets[i] as TermSet).has(id)) return true;
  return false;
}

/** Share of a procedure's name (by term weight) a query covers, from `RetrievalIndex.shared`. */
const nameShareOf = (shared: { readonly weight: number; readonly docWeight: number } | undefined): number =>
  shared === undefined || shared.docWeight === 0 ? 0 : shared.weight / shared.docWeight;

/** Whether the catalogue explains a text as well as it explains a question about one of its procedures. */
function explainedByCatalogue(index: RetrievalIndex, tokens: readonly string[]): boolean {
  const query = index.query(tokens);
  // The best procedure alone (the search is exact: the same first hit as a ranking of three, for less work).
  const best = index.search(query, BEST_LIMITS)[0];
  if (best === undefined || best.score < PROCEDURE_PHRASING_SCORE) return false;
  return nameShareOf(index.shared(query, best.doc)) >= PROCEDURE_PHRASING_NAME_SHARE;
}

/**
 * The scope questions about one message. Its retrieval query (its own syllables plus the official terms of its
 * everyday words) is built on the first question: many decisions ask none. A class, so a message creates no
 * closures (run through tsx, each named closure is also given its name at creation).
 */
class MessageProbe implements CatalogueProbe {
  private built: RetrievalQuery | undefined;

  constructor(
    private readonly index: RetrievalIndex,
    private readonly tokens: readonly string[],
    private readonly numbers: readonly number[] | undefined,
    /** Keys of the out-of-scope phrasings that are themselves about a catalogue procedure. */
    private readonly aboutProcedures: ReadonlySet<string>,
    /** Each entry's covered procedures and their documents. */
    private readonly coveredDocs: ReadonlyMap<string, ReadonlyArray<{ readonly code: string; readonly doc: number }>>,
    /** Function words and the pairs they form (FUNCTION_WORDS): never foreign to a topic. */
    private readonly common: TermSet,
  ) {}

  coveredProcedure(label: string): { code: string; score: number } | undefined {
    const docs = this.coveredDocs.get(label);
    if (docs === undefined || docs.length === 0) return undefined;
    const query = this.query();
    const rated = this.index.documentMatches(query, docs.map((d) => d.doc)).map((match, i) => {
      const share = nameShareOf(match);
      return { code: (docs[i] as { code: string }).code, score: match.score, share, fit: match.score * share };
    });
    const main = rated[0] as (typeof rated)[number];
    let best = main;
    for (const r of rated) if (r.fit > best.fit) best = r;
    // Another of the entry's procedures is named only when the message plainly speaks of it rather than the main one
    // ("chấm dứt" a household business, "báo mất" a passport): sibling names share most words, so a close call
    // between them says nothing ("mua xe mới đăng ký biển số" reads a little closer to the re-issue's longer name).
    const specific = best !== main && best.fit >= SIBLING_FIT_RATIO * main.fit && best.score >= SIBLING_SCORE_RATIO * main.score;
    const named = specific ? best : main;
    // ... and any only when the message covers a good part of its name, not one word of it.
    return named.share >= NAMED_SHARE ? { code: named.code, score: named.score } : undefined;
  }

  private query(): RetrievalQuery {
    if (this.built === undefined) {
      const worded = officialWording(this.tokens, this.numbers);
      this.built = this.index.query(worded.tokens, worded.numbers);
    }
    return this.built;
  }

  /**
   * Share of the message's weight in terms no phrasing of `label` uses (a label with none lacks every word), among
   * the terms of the catalogue's names (`among` undefined) or the query positions `among` lists (ascending).
   */
  private foreignTo(label: string, among: readonly number[] | undefined, alsoOurs?: readonly string[]): number {
    const { ids, weights } = this.query();
    const vocabulary = this.index.vocabulary(label);
    const others = alsoOurs === undefined || alsoOurs.length === 0 ? NO_VOCABULARIES : alsoOurs.map((other) => this.index.vocabulary(other));
    let weight = 0;
    let total = 0;
    let next = 0;
    for (let i = 0; i < ids.length; i++) {
      const w = weights[i] as number;
      total += w;
      const id = ids[i] as number;
      let counted: boolean;
      if (among === undefined) counted = this.index.groupHas(id, CATALOGUE);
      else if ((counted = among[next] === i)) next++;
      if (counted && !vocabulary.has(id) && !this.common.has(id) && !anyHas(others, id)) weight += w;
    }
    return total === 0 ? 0 : weight / total;
  }

  /** Words of the catalogue's procedure names that the topic's phrasings never use: what `foreign` can reach at most. */
  foreignBound(label: string): number {
    return this.foreignTo(label, undefined);
  }

  catalogueReaches(share: number): boolean {
    return this.index.reaches(this.query(), CATALOGUE, share);
  }

  /** The last evidence ranked, by label: the reading asks again after an ask (read-message.ts). */
  private ranked: { readonly key: string; readonly evidence: ScopeEvidence } | undefined;

  evidence(label: string, alsoOurs?: readonly string[]): ScopeEvidence {
    const key = alsoOurs === undefined || alsoOurs.length === 0 ? label : [label, ...alsoOurs].join(' ');
    if (this.ranked?.key !== key) this.ranked = { key, evidence: this.rank(label, alsoOurs) };
    return this.ranked.evidence;
  }

  private rank(label: string, alsoOurs: readonly string[] | undefined): ScopeEvidence {
    const { index } = this;
    const query = this.query();
    // Only the procedures a reply could offer beside the best: far ones are not followed (a third fewer postings
    // walked on the bench's messages than for the best three whatever their scores).
    const hits = index.search(query, CATALOGUE_LIMITS, SCOPE_THRESHOLDS.offerShareOfBest);
    const best = hits[0];
    const shared = best === undefined ? undefined : index.shared(query, best.doc);
    return new RankedEvidence(
      index,
      query,
      hits.map((h) => ({ code: h.key, score: h.score })),
      this.foreignTo(label, shared?.terms ?? [], alsoOurs),
      nameShareOf(shared),
      this.aboutProcedures,
    );
  }
}

/**
 * One message's evidence, its rankings of our phrasings and of the outside ones made when first read (most decisions
 * read the catalogue alone). A class, not an object literal with getters: each literal's getters were closures of
 * their own, which V8 keeps in the object's shape, so every message's evidence had a shape never seen before, each
 * decision's property reads went through the generic look-up (a cache simulation counted some 10,000 machine
 * instructions a message there) and every literal was reshaped at run time when made.
 */
class RankedEvidence implements ScopeEvidence {
  /** Our best phrasing once ranked (undefined: none scores); null until then. */
  private oursRanked: { readonly label: string; readonly score: number } | undefined | null = null;
  /** The best outside phrasing's score once ranked (a share, 0..1); -1 until then. */
  private outsideRanked = -1;

  constructor(
    private readonly index: RetrievalIndex,
    private readonly query: RetrievalQuery,
    readonly catalogue: ReadonlyArray<{ readonly code: string; readonly score: number }>,
    readonly foreign: number,
    readonly nameShare: number,
    /** Keys of the out-of-scope phrasings that are themselves about a catalogue procedure. */
    private readonly aboutProcedures: ReadonlySet<string>,
  ) {}

  get ours(): { readonly label: string; readonly score: number } | undefined {
    if (this.oursRanked === null) {
      const hit = this.index.search(this.query, OURS_LIMITS)[0];
      this.oursRanked = hit === undefined ? undefined : { label: hit.key, score: hit.score };
    }
    return this.oursRanked;
  }

  oursReach(share: number): boolean {
    return this.index.reaches(this.query, OURS, share);
  }

  get outside(): number {
    if (this.outsideRanked < 0) {
      const hits = this.index.search(this.query, OUTSIDE_LIMITS);
      // The best phrasing not about a procedure; if all ranked are, the last of them bounds it from above.
      this.outsideRanked = (hits.find((h) => !this.aboutProcedures.has(h.key)) ?? hits[hits.length - 1])?.score ?? 0;
    }
    return this.outsideRanked;
  }
}
