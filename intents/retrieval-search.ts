import type { IndexArray } from './index-array.ts';
// Type only (erased): retrieval.ts builds the search and owns the query's shape.
import type { RetrievalQuery } from './retrieval.ts';

/**
 * The best keys of each document group for one query, exactly as scoring every document would rank them, without
 * scoring every document. Walking every posting of a query cost most of the scope decision: "thủ tục", "cấp",
 * "đăng ký", "có", "không" are in thousands of procedure names and phrasings, and a message holds several of them.
 *
 * Max-score pruning, per group: the query's terms are walked from the one that can add most to a document for each
 * posting walked (its bound, weight × the term's largest BM25 factor in the group, over its postings in the group) to
 * the least. Once what the terms not yet walked could add together (the sum of their bounds) is below the k-th best
 * key's score so far, no document they alone reach can enter the top k, so they need not be walked (they still are
 * while walking costs less than what stopping leaves to score). The terms left unwalked must add up to little, and
 * the ones worth leaving are those with many postings for their bound: ordered by bound alone, a common syllable's
 * long list with a middling bound came before rarer terms' short lists with smaller bounds and was walked, where
 * leaving it for last would have cost the bar no more (3,240 postings a message on the bench's texts against 2,614
 * in this order). The order changes no result, only the work. The documents already reached
 * that could still enter (their score so far plus the weight left times their own largest factor) are scored exactly
 * from their own terms (a forward index). Exact scores are summed in the
 * query's term order, as a walk over every posting sums them, so the figures are the same to the last bit; ties keep
 * the order such a walk gives (the key reached by an earlier query term first, then the earlier document).
 */

/** The index's postings and documents, as the search reads them (built by retrieval.ts). */
export interface PostingLists {
  readonly groupCount: number;
  /** Postings of term t in group g: docs/factors[slices[t·groups + g] .. slices[t·groups + g + 1]], ascending. */
  readonly slices: Int32Array;
  readonly docs: IndexArray;
  /** Each posting's BM25 factor (tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen))). */
  readonly factors: Float32Array;
  /** The largest factor of term t in group g: what one query term can add to a document of the group, at most. */
  readonly maxFactors: Float32Array;
  /** Terms of document d (ascending) with their factors: terms/termFactors[termStarts[d] .. termStarts[d + 1]]. */
  readonly termStarts: Int32Array;
  readonly terms: IndexArray;
  readonly termFactors: Float32Array;
  /** The largest factor in document d: what any one term can add to it, at most (long names get less). */
  readonly docMaxFactors: Float32Array;
  readonly termCount: number;
  readonly keyOfDoc: IndexArray;
  readonly keyCount: number;
}

/** One ranked key: its exact score (not yet a share of what the query could attain) and the document that gave it. */
export interface RankedKey {
  readonly key: number;
  readonly group: number;
  readonly score: number;
  readonly doc: number;
}

export interface GroupSearch {
  /**
   * The best `limits[g]` keys of each group g (none when absent or 0), group by group, best first within a group;
   * only those scoring at least `closeTo` of their group's best (0: all). Such a floor prunes: a document that cannot
   * reach that share of the best partial score so far is not followed.
   */
  top(query: RetrievalQuery, limits: readonly number[], closeTo?: number): RankedKey[];
  /** Whether some document of group g scores at least `share` of what the query could attain. */
  reaches(query: RetrievalQuery, group: number, share: number): boolean;
  /** The query positions of the terms document `doc` holds, ascending, and their summed query weight. */
  sharedTerms(query: RetrievalQuery, doc: number): { readonly weight: number; readonly terms: number[] };
  /** Each document's exact score and the query weight of the terms it shares with the query (its coverage). */
  scoreDocuments(query: RetrievalQuery, documents: readonly number[]): Array<{ readonly score: number; readonly sharedWeight: number }>;
}

/**
 * Builds the search over `lists`; it keeps scratch space, so one search runs at a time (JavaScript is single-threaded).
 * Self-contained (no binding of this module is used inside, only its parameter and globals), so that each index can be
 * given a fresh copy of it (fresh-code.ts): its loops then run on code compiled for that index's own arrays.
 */
export function createSearch(lists: PostingLists): GroupSearch {
  // Bounds are compared with a margin, so rounding in sums taken in another order never prunes a document that ties.
  const ABOVE = 1 + 1e-9;
  const BELOW = 1 - 1e-9;
  const { groupCount: groups, slices, docs, factors, maxFactors, termStarts, terms, termFactors, docMaxFactors, keyOfDoc } = lists;
  const partial = new Float64Array(termStarts.length - 1);
  // One slot more than documents: the walk writes each posting's document at `count` before knowing whether it is new.
  const touched = new Int32Array(partial.length + 1);
  /** The documents to score exactly once a walk stops (`candidates` of them). */
  const candidateDocs = new Int32Array(partial.length);
  const keyScore = new Float64Array(lists.keyCount);
  const keyFirst = new Int32Array(lists.keyCount);
  const keyDoc = new Int32Array(lists.keyCount);
  const keysSeen = new Int32Array(lists.keyCount);
  /** 1 + the query position of each term during a search, 0 otherwise. */
  const position = new Int32Array(lists.termCount);
  // The same as one bit per term: small enough to stay in the fastest cache while a document's terms are checked.
  const inQuery = new Int32Array((lists.termCount >> 5) + 1);
  // Which 32-bit word of a float64 holds the low bits of its fraction (`orderTerms`): the first, on a little-endian machine.
  const LOW_WORD = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0 : 1;
  const sortKeys = (length: number): { keys: Float64Array; keyBits: Uint32Array } => {
    const keys = new Float64Array(length);
    return { keys, keyBits: new Uint32Array(keys.buffer) };
  };
  // Each group's query terms in walking order, kept for the last query searched in it: a scope decision asks a
  // group several questions about one message (reaches at one share, at another, then its ranking).
  const orders = Array.from({ length: groups }, (): TermOrder => ({ query: undefined, count: 0, order: new Int32Array(64), ...sortKeys(64), rest: new Float64Array(65), restWeight: new Float64Array(65) }));
  // The order of the group being searched.
  let order = (orders[0] as TermOrder).order;
  let rest = (orders[0] as TermOrder).rest;
  let restWeight = (orders[0] as TermOrder).restWeight;
  let matched = new Int32Array(64);
  let matchedFactors = new Float64Array(64);

  /**
   * The query whose terms `position` and `inQuery` mark. They stay marked between questions: a scope decision asks
   * several about one message (does a group reach a share, its ranking, the terms a document shares), and marking
   * and clearing them for each question cost some 2,500 machine instructions a question.
   */
  let marked: RetrievalQuery | undefined;

  function prepare(query: RetrievalQuery): void {
    if (marked === query) return;
    if (marked !== undefined) unmark(marked);
    marked = query;
    const n = query.ids.length;
    // One slot more than the query's terms: each of a document's terms is written at the count before it is known.
    if (matched.length < n + 1) {
      matched = new Int32Array(2 * n + 1);
      matchedFactors = new Float64Array(2 * n + 1);
    }
    for (let i = 0; i < n; i++) {
      const t = query.ids[i] as number;
      if (t < 0) continue;
      position[t] = i + 1;
      inQuery[t >> 5] = (inQuery[t >> 5] as number) | (1 << (t & 31));
    }
  }

  function unmark(query: RetrievalQuery): void {
    for (let i = 0; i < query.ids.length; i++) {
      const t = query.ids[i] as number;
      if (t < 0) continue;
      position[t] = 0;
      inQuery[t >> 5] = 0;
    }
  }

  /** Orders group g's query terms by what each can add at most per posting, largest first; returns how many there are. */
  function termsInWalkingOrder(query: RetrievalQuery, g: number): number {
    const ordered = orders[g] as TermOrder;
    if (ordered.query !== query) orderTerms(query, g, ordered);
    ({ order, rest, restWeight } = ordered);
    return ordered.count;
  }

  /** How many documents of group g hold term t (its postings there). */
  function postingCount(t: number, g: number): number {
    return (slices[t * groups + g + 1] as number) - (slices[t * groups + g] as number);
  }

  /** What query term i can add to a document of group g at most: its weight × its largest factor there. */
  function boundOf(query: RetrievalQuery, i: number, g: number): number {
    return (query.weights[i] as number) * (maxFactors[(query.ids[i] as number) * groups + g] as number);
  }

  /**
   * Sorted by insertion into one array of keys: each term's priority with its query position in the last bits of the
   * fraction, as `mask − i`, so an earlier term comes first among equal priorities. Shifting one array, where a
   * priority and a position were shifted side by side, took the sort from 36 to 24 machine instructions a step (some
   * 500 steps a message, counted in a cache simulation). The position changes a priority by less than 2^-20 of it: the
   * order of two terms that close may change, which changes no result (see above), only, imperceptibly, the work.
   */
  function orderTerms(query: RetrievalQuery, g: number, into: TermOrder): void {
    const n = query.ids.length;
    if (into.order.length < n) {
      into.order = new Int32Array(2 * n);
      Object.assign(into, sortKeys(2 * n));
      into.rest = new Float64Array(2 * n + 1);
      into.restWeight = new Float64Array(2 * n + 1);
    }
    const { order, keys, keyBits, rest, restWeight } = into;
    const mask = (2 ** (32 - Math.clz32(n)) - 1) | 0;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const t = query.ids[i] as number;
      const postings = t < 0 ? 0 : postingCount(t, g);
      if (postings === 0) continue;
      keys[m] = boundOf(query, i, g) / postings;
      const low = 2 * m + LOW_WORD;
      keyBits[low] = ((keyBits[low] as number) & ~mask) | (mask - i);
      const key = keys[m] as number;
      let at = m++;
      while (at > 0 && (keys[at - 1] as number) < key) {
        keys[at] = keys[at - 1] as number;
        at--;
      }
      keys[at] = key;
    }
    for (let j = 0; j < m; j++) order[j] = mask - ((keyBits[2 * j + LOW_WORD] as number) & mask);
    rest[m] = 0;
    restWeight[m] = 0;
    for (let j = m - 1; j >= 0; j--) {
      rest[j] = (rest[j + 1] as number) + boundOf(query, order[j] as number, g);
      restWeight[j] = (restWeight[j + 1] as number) + (query.weights[order[j] as number] as number);
    }
    into.query = query;
    into.count = m;
  }

  // State of the walk in progress: documents reached, and the bar a document's partial score must pass to matter.
  let count = 0;
  // The bar in a one-slot array, not a variable: a number with a fraction stored into a variable that closures share
  // is boxed, one small object for every term walked. The second slot: the share of the leader a key must reach to
  // be ranked (`top`'s `closeTo`), boxed likewise as a variable.
  const bar = new Float64Array(2);
  /**
   * What a partial score past the bar does: in a ranking (`topOfGroup`) the document joins the leaders and the bar
   * becomes the k-th leader's score; in `reaches` the question is settled (the bar becomes infinite). A flag read on
   * that rare path, not a function held in a variable: called through one, the leaders' update could not be inlined
   * and every bar it returned was boxed.
   */
  let ranking = false;

  /**
   * Adds term `i`'s postings of group g to the partial scores. The count and the bar are copied into locals for the
   * loop: as variables of this closure they were read and written in memory at every posting (the catalogue's walk
   * took 4.4 ns a posting), since the call past the bar could, for all the compiler knows, change them.
   */
  function walkTerm(query: RetrievalQuery, i: number, g: number): void {
    const t = query.ids[i] as number;
    const w = query.weights[i] as number;
    // `| 0` on the count: read from this closure's variable, it was kept as a tagged small integer, shifted and
    // checked at every posting (the loop took 43 machine instructions a posting, 32 now; about 2,800 postings a
    // message, counted in a cache simulation).
    let reached = count | 0;
    let over = bar[0] as number;
    for (let p = slices[t * groups + g] as number, end = slices[t * groups + g + 1] as number; p < end; p++) {
      const d = docs[p] as number;
      const before = partial[d] as number;
      // Recorded as reached without a branch (kept only when it is new): whether a posting's document was reached
      // before is a coin toss the processor cannot predict, and mispredicting it cost a sixth of the scope decision.
      touched[reached] = d;
      reached = (reached + +(before === 0)) | 0;
      const score = before + w * (factors[p] as number);
      partial[d] = score;
      if (score > over) over = ranking ? lead(d, score) : Infinity;
    }
    count = reached;
    bar[0] = over;
  }

  /** What the terms after the first `walked` could add to a document, per unit of its largest factor (with the margin). */
  const weightLeft = (walked: number): number => (restWeight[walked] as number) * ABOVE;

  /**
   * Whether reached document d could still score `threshold` (a bar less the margin): its score so far plus the
   * weight left (`weightLeft`) times its own largest factor.
   */
  function couldStillPass(d: number, leftWeight: number, threshold: number): boolean {
    return (partial[d] as number) + leftWeight * (docMaxFactors[d] as number) >= threshold;
  }

  /**
   * Whether walking term i's postings of group g (the next in walking order) costs less than stopping before
   * it: then every document reached that could still pass `threshold` is scored exactly, at the cost of its own
   * terms. A walk stops only once what is left could not lift a document it has not reached past the bar (that is
   * what keeps the search exact) and stopping is the cheaper way on. Stopping at a fixed share of the bar instead
   * scored over a thousand documents exactly for a long message that scores low against every name (a resident's
   * story: "Bữa bán hàng tui nhận tờ 500 ngàn nghi là tiền giả..." cost 250 us in the scope, 100 us with this).
   */
  function cheaperToWalk(query: RetrievalQuery, i: number, g: number, walked: number, threshold: number): boolean {
    const postings = postingCount(query.ids[i] as number, g);
    const leftWeight = weightLeft(walked);
    const bar = threshold * BELOW;
    let exactCost = 0;
    let found = 0;
    for (let j = 0, reached = count; j < reached; j++) {
      const d = touched[j] as number;
      if (!couldStillPass(d, leftWeight, bar)) continue;
      candidateDocs[found++] = d;
      exactCost += (termStarts[d + 1] as number) - (termStarts[d] as number);
      if (exactCost > postings) return true;
    }
    // The walk stops here: the documents found are those to score exactly (see `candidates`).
    candidates = found;
    return false;
  }

  /**
   * How many documents `candidateDocs` holds: those reached that could still pass the bar when the walk stopped.
   * A walk that stops before its last term stops because `cheaperToWalk` answered no, having just looked at every
   * document reached with the same bar and weight left: its list is taken as it is (looking again cost some 14,000
   * machine instructions a message). A walk that ran to its last term looks for them (`gather`).
   */
  let candidates = 0;

  /** Finds the candidates (see `candidates`) among the documents reached; `clear`: resets their partial scores too. */
  function gather(leftWeight: number, threshold: number, clear: boolean): void {
    let found = 0;
    for (let j = 0, reached = count; j < reached; j++) {
      const d = touched[j] as number;
      const reachable = couldStillPass(d, leftWeight, threshold);
      if (clear) partial[d] = 0;
      candidateDocs[found] = d;
      found = (found + +reachable) | 0;
    }
    candidates = found;
  }

  /** The first query term the document holds, as found by the last `exactScore` (its order among ties). */
  let firstTerm = -1;
  /** How many query terms the document holds, as found by the last `exactScore` (their positions in `matched`). */
  let matchedCount = 0;

  /** Document d's exact score, summed in query order as a walk over every posting sums it. */
  function exactScore(d: number, query: RetrievalQuery): number {
    // Locals, not the closure's variables (reassigned when they grow), so the loop reads them from registers.
    const positions = matched;
    const positionFactors = matchedFactors;
    let n = 0;
    // The document's terms that are in the query, collected without a branch (kept only when in it): whether a
    // name's term is in the query is a coin toss the processor cannot predict.
    for (let p = termStarts[d] as number, end = termStarts[d + 1] as number; p < end; p++) {
      const t = terms[p] as number;
      positions[n] = t;
      positionFactors[n] = termFactors[p] as number;
      n = (n + (((inQuery[t >> 5] as number) >>> (t & 31)) & 1)) | 0;
    }
    // Their query positions, ascending by insertion (a document holds a handful of the query's terms).
    for (let j = 0; j < n; j++) {
      const at = (position[positions[j] as number] as number) - 1;
      const factor = positionFactors[j] as number;
      let i = j;
      while (i > 0 && (positions[i - 1] as number) > at) {
        positions[i] = positions[i - 1] as number;
        positionFactors[i] = positionFactors[i - 1] as number;
        i--;
      }
      positions[i] = at;
      positionFactors[i] = factor;
    }
    let score = 0;
    for (let i = 0; i < n; i++) score += (query.weights[positions[i] as number] as number) * (positionFactors[i] as number);
    firstTerm = n === 0 ? -1 : (positions[0] as number);
    matchedCount = n;
    return score;
  }

  // The best k keys by partial score during a walk for the top k, best first: the k-th is the bar.
  let leaderKeys = new Int32Array(4);
  let leaderScores = new Float64Array(4);
  let leaders = 0;
  let wanted = 0;
  let topKeys = new Int32Array(8);

  function lead(d: number, score: number): number {
    const key = keyOfDoc[d] as number;
    let at = 0;
    while (at < leaders && leaderKeys[at] !== key) at++;
    if (at === leaders) {
      if (leaders < wanted) leaders++;
      at = leaders - 1;
    } else if ((leaderScores[at] as number) >= score) {
      return leadersBar();
    }
    insertDescending(leaderScores, leaderKeys, at, score, key);
    return leadersBar();
  }

  /**
   * What a document must pass to matter: the k-th leader's score (below it, k keys are ahead of it), or the share of
   * the first leader's score `closeTo` asks for when that is higher (a partial score is never above the exact one, so
   * the best key's exact score is at least the first leader's).
   */
  function leadersBar(): number {
    const kth = leaders < wanted ? 0 : (leaderScores[wanted - 1] as number);
    const close = (bar[1] as number) * (leaderScores[0] as number);
    return kth > close ? kth : close;
  }

  const keyAhead = (key: number, other: number): boolean =>
    ahead(keyScore[key] as number, keyFirst[key] as number, keyDoc[key] as number, keyScore[other] as number, keyFirst[other] as number, keyDoc[other] as number);

  function topOfGroup(query: RetrievalQuery, g: number, k: number, closeTo: number, out: RankedKey[]): void {
    const m = termsInWalkingOrder(query, g);
    if (leaderKeys.length < k) {
      leaderKeys = new Int32Array(k);
      leaderScores = new Float64Array(k);
    }
    leaders = 0;
    wanted = k;
    ranking = true;
    bar[1] = closeTo;
    // The walk `reaches` just made for this query and group is carried on, not made again: its terms came first in
    // the same order; the leaders are found again among the documents it reached.
    let walked = resumeWalk(query, g);
    let leadersBar = 0;
    for (let j = 0, reached = count; j < reached; j++) {
      const d = touched[j] as number;
      if ((partial[d] as number) > leadersBar) leadersBar = lead(d, partial[d] as number);
    }
    bar[0] = leadersBar;
    while (walked < m && ((rest[walked] as number) * ABOVE >= (bar[0] as number) * BELOW || cheaperToWalk(query, order[walked] as number, g, walked, bar[0] as number))) walkTerm(query, order[walked++] as number, g);
    const threshold = (bar[0] as number) * BELOW;
    const leftWeight = weightLeft(walked);

    // The documents that can still enter, gathered while every partial score is cleared: a loop with no call in it,
    // so V8 keeps its values in registers (with the exact scoring in the same loop, it stored and reloaded them at
    // each of the thousand documents reached, for the dozen that are scored: a cache simulation counted 44 machine
    // instructions a document reached, 24 now). Or only cleared, when the walk's last question found them.
    if (walked === m) gather(leftWeight, threshold, true);
    else for (let j = 0, reached = count; j < reached; j++) partial[touched[j] as number] = 0;
    // Their exact scores; the best document per key, then the best k keys.
    let seen = 0;
    for (let j = 0, found = candidates; j < found; j++) {
      const d = candidateDocs[j] as number;
      const score = exactScore(d, query);
      const first = firstTerm;
      const key = keyOfDoc[d] as number;
      if (keyScore[key] === 0) keysSeen[seen++] = key;
      else if (!ahead(score, first, d, keyScore[key] as number, keyFirst[key] as number, keyDoc[key] as number)) continue;
      keyScore[key] = score;
      keyFirst[key] = first;
      keyDoc[key] = d;
    }
    // The best k keys by insertion into scratch space (k is small: three procedures, one phrasing, eight outside).
    if (topKeys.length < k) topKeys = new Int32Array(k);
    let kept = 0;
    for (let j = 0; j < seen; j++) {
      const key = keysSeen[j] as number;
      if (kept === k && !keyAhead(key, topKeys[k - 1] as number)) continue;
      let at = kept < k ? kept++ : k - 1;
      while (at > 0 && keyAhead(key, topKeys[at - 1] as number)) {
        topKeys[at] = topKeys[at - 1] as number;
        at--;
      }
      topKeys[at] = key;
    }
    // Best first: the keys from the first below the floor on were pruned, or could have been.
    const floor = closeTo * (keyScore[topKeys[0] as number] as number);
    for (let j = 0; j < kept && (keyScore[topKeys[j] as number] as number) >= floor; j++) {
      const key = topKeys[j] as number;
      out.push({ key, group: g, score: keyScore[key] as number, doc: keyDoc[key] as number });
    }
    for (let j = 0; j < seen; j++) keyScore[keysSeen[j] as number] = 0;
    count = 0;
  }

  /** A walk left with its partial scores in place (by `reaches`), to be carried on for the same query and group. */
  let paused: { readonly query: RetrievalQuery; readonly group: number; readonly walked: number } | undefined;

  /** Terms already walked for this query and group (their partial scores in place), or 0 with every score cleared. */
  function resumeWalk(query: RetrievalQuery, g: number): number {
    const carried = paused !== undefined && paused.query === query && paused.group === g ? paused.walked : 0;
    paused = undefined;
    if (carried > 0) return carried;
    for (let j = 0, reached = count; j < reached; j++) partial[touched[j] as number] = 0;
    count = 0;
    return 0;
  }

  function reachesInGroup(query: RetrievalQuery, g: number, share: number): boolean {
    const m = termsInWalkingOrder(query, g);
    const floor = share * query.attainable;
    // A partial score past the floor (with the margin) settles the question at once.
    ranking = false;
    bar[0] = floor * ABOVE;
    let walked = resumeWalk(query, g);
    // Terms are walked until what is left could not lift a document past the floor on its own, and stopping is cheaper.
    while (walked < m && bar[0] !== Infinity && ((rest[walked] as number) * ABOVE >= floor * BELOW || cheaperToWalk(query, order[walked] as number, g, walked, floor))) walkTerm(query, order[walked++] as number, g);
    let found = bar[0] === Infinity;
    // The documents that could still reach the floor (found by the walk's last question when it stopped early).
    if (!found && walked === m) gather(weightLeft(walked), floor * BELOW, false);
    for (let j = 0; j < candidates && !found; j++) found = exactScore(candidateDocs[j] as number, query) / query.attainable >= share;
    // The partial scores are kept: ranking this group next (the usual sequel of a yes) carries the walk on.
    paused = { query, group: g, walked };
    return found;
  }

  /** Puts (value, id) into the descending `values` (ids beside them) at or above position `from`, shifting the rest down. */
  function insertDescending(values: Float64Array, ids: Int32Array, from: number, value: number, id: number): void {
    let at = from;
    while (at > 0 && (values[at - 1] as number) < value) {
      values[at] = values[at - 1] as number;
      ids[at] = ids[at - 1] as number;
      at--;
    }
    values[at] = value;
    ids[at] = id;
  }

  /** Ranking order: higher score first; among equal scores, reached by an earlier query term, then the earlier document. */
  function ahead(score: number, first: number, doc: number, otherScore: number, otherFirst: number, otherDoc: number): boolean {
    if (score !== otherScore) return score > otherScore;
    return first !== otherFirst ? first < otherFirst : doc < otherDoc;
  }

  return {
    top(query, limits, closeTo = 0) {
      prepare(query);
      const out: RankedKey[] = [];
      for (let g = 0; g < groups; g++) if ((limits[g] ?? 0) > 0) topOfGroup(query, g, limits[g] as number, closeTo, out);
      return out;
    },
    sharedTerms(query, doc) {
      prepare(query);
      exactScore(doc, query);
      const terms = new Array<number>(matchedCount);
      let weight = 0;
      for (let i = 0; i < matchedCount; i++) {
        terms[i] = matched[i] as number;
        weight += query.weights[matched[i] as number] as number;
      }
      return { weight, terms };
    },
    scoreDocuments(query, documents) {
      prepare(query);
      const scored = documents.map((d) => {
        const score = exactScore(d, query);
        let sharedWeight = 0;
        for (let i = 0; i < matchedCount; i++) sharedWeight += query.weights[matched[i] as number] as number;
        return { score, sharedWeight };
      });
      return scored;
    },
    reaches(query, group, share) {
      if (group >= groups) return false;
      prepare(query);
      const found = reachesInGroup(query, group, share);
      return found;
    },
  };
}

/** A group's query terms in walking order (see `termsInWalkingOrder`), with what the terms from each position on can add. */
interface TermOrder {
  /** The query they were ordered for (by identity: a query is built once per message and never changed). */
  query: RetrievalQuery | undefined;
  count: number;
  /** Query positions, largest bound per posting first. */
  order: Int32Array;
  /** Scratch of the sort: priorities with their positions (`orderTerms`), and the same memory as 32-bit words. */
  keys: Float64Array;
  keyBits: Uint32Array;
  /** Sum of the bounds from position j on; `restWeight`: of the query weights. */
  rest: Float64Array;
  restWeight: Float64Array;
}
