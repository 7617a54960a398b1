import { typoVariant } from './augment.ts';
import { isEmergency } from './emergency.ts';
import { buildFeatureSpace, weigh, type FeatureSpace } from './feature-space.ts';
import { analyse, featuresOf, type AnalysedText } from './features.ts';
import { seededRandom, trainLinearModel, type SparseVector } from './linear-model.ts';
import { modelScorer, type ModelScorer } from './logits-kernel.ts';
import { trainedOrLoaded } from './model-io.ts';
import { buildNeighbourIndex, type NeighbourIndex } from './neighbours.ts';
import { buildSpellingIndex, type SpellingIndex } from './spelling.ts';
import { buildVaguenessIndex, type VaguenessIndex } from './vagueness.ts';
import { buildWordLookUp, type WordLookUp } from './word-lookup.ts';

export const EMERGENCY_LABEL = 'intent:emergency';
export const OUT_OF_SCOPE_LABEL = 'intent:out-of-scope';

export interface LabelledText {
  readonly label: string;
  readonly text: string;
}

export interface ScoredLabel {
  readonly label: string;
  readonly score: number;
}

export interface MatchResult extends ScoredLabel {
  /** The next best labels, best first (at most three). */
  readonly alternatives: readonly ScoredLabel[];
  /** Share of the message's syllables the knowledge base has never seen (0..1). */
  readonly unknownShare: number;
  /** True when an emergency rule (emergency.ts) fired: danger named outright, not inferred by the model. */
  readonly rule?: boolean;
  /** A short message several topics fit about equally (vagueness.ts): those topics, most likely first. */
  readonly vague?: readonly ScoredLabel[];
  /** The canonical syllables the matcher read (folded, decoded, expanded, repaired): the scope decision reuses them. */
  readonly tokens?: readonly string[];
  /** Their numbers (syllable-numbers.ts), so the scope decision looks none of them up again. */
  readonly numbers?: readonly number[];
}

export interface Matcher {
  readonly labels: readonly string[];
  readonly match: (text: string) => MatchResult;
  readonly stats: { readonly examples: number; readonly features: number; readonly buildMs: number };
}

/** Knobs of the learner; the defaults were chosen on held-out seed phrasings (bench/holdout.ts). */
export interface MatcherOptions {
  readonly epochs: number;
  readonly learningRate: number;
  /** Share of phrasings also learnt with a generated typo, so the character n-grams learn to forgive a slip. */
  readonly variantShare: number;
  /** See feature-space.ts. */
  readonly normPower: number;
  readonly idfStrength: number;
  /** How much the nearest phrasing's cosine adds to a label's score (0 turns neighbours off). */
  readonly neighbourWeight: number;
  /**
   * A phrasing written with marks is also learnt without them, so an unmarked message loses nothing: as a second
   * document ('copy') or, at half the training cost, as the other reading of the same document ('alternate').
   */
  readonly foldedCopies: 'none' | 'copy' | 'alternate';
  /** Weights of character n-gram and marked-syllable features (features.ts). */
  readonly chargramWeight: number;
  readonly markedWeight: number;
}

export const DEFAULT_OPTIONS: MatcherOptions = {
  epochs: 6,
  learningRate: 3,
  variantShare: 0.35,
  normPower: 1,
  idfStrength: 1,
  neighbourWeight: 2,
  foldedCopies: 'copy',
  // Character n-grams added nothing on held-out phrasings once marks, Telex and syllable-checked repair were in,
  // and cost two thirds of the training and matching time.
  chargramWeight: 0,
  markedWeight: 0.6,
};

const ALTERNATIVES = 3;
/** A model at least this sure of one topic is not overruled by vagueness found through common words only. */
const GENERIC_TRUST = 0.9;
const SEED = 20260701;

const withoutMarks = (analysed: AnalysedText): AnalysedText => ({ ...analysed, marks: [] });

/**
 * Builds the matcher once from labelled phrasings (the knowledge base's examples, titles and keywords).
 * Pure and deterministic: the same examples give the same answers on every instance.
 */
export function buildMatcher(examples: readonly LabelledText[], options: MatcherOptions = DEFAULT_OPTIONS): Matcher {
  const started = performance.now();
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((label, i) => [label, i]));

  const frequencies = new Map<string, number>();
  for (const example of examples) {
    for (const token of analyse(example.text).tokens) frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
  }
  const spelling = buildSpellingIndex(frequencies);

  const random = seededRandom(SEED);
  const analysed: Array<{ label: number; features: Map<string, number>; folded?: Map<string, number>; original: boolean }> = [];
  const readings: Array<{ label: number; tokens: readonly string[] }> = [];
  const featuresFor = (reading: AnalysedText): Map<string, number> => featuresOf(reading, options.chargramWeight, options.markedWeight);
  for (const example of examples) {
    const label = labelIndex.get(example.label) as number;
    const reading = analyse(example.text, spelling);
    readings.push({ label, tokens: reading.tokens });
    // A phrasing written with marks is also learnt without them, so an unmarked message loses nothing.
    const folded = options.foldedCopies !== 'none' && reading.marks.length > 0 ? featuresFor(withoutMarks(reading)) : undefined;
    if (folded && options.foldedCopies === 'copy') {
      analysed.push({ label, features: featuresFor(reading), original: true }, { label, features: folded, original: false });
    } else {
      analysed.push({ label, features: featuresFor(reading), ...(folded ? { folded } : {}), original: true });
    }
    const variant = random() < options.variantShare ? typoVariant(example.text, random) : undefined;
    if (variant !== undefined) analysed.push({ label, features: featuresFor(analyse(variant, spelling)), original: false });
  }
    const space = buildFeatureSpace(analysed.map((doc) => doc.features));
  const idf = space.idf();
  const modelVector = (features: ReadonlyMap<string, number>) => weigh(space.lookUp(features), idf, options.idfStrength, options.normPower);
  const documents = analysed.map((doc) => ({
    label: doc.label,
    vector: modelVector(doc.features),
    ...(doc.folded ? { alternative: modelVector(doc.folded) } : {}),
  }));
  // Weights trained ahead for exactly these examples are used when loaded (model-io.ts: the Worker); else trained here.
  const model = trainedOrLoaded({ examples, options, featureCount: space.size, classCount: labels.length }, () =>
    trainLinearModel(documents, space.size, labels.length, { epochs: options.epochs, learningRate: options.learningRate, seed: SEED }));

  // Neighbours compare the resident's wording with the phrasings staff wrote (not generated variants), on
  // word features only, by cosine with IDF over those phrasings.
  const isOriginal = (d: number): boolean => (analysed[d] as { original: boolean }).original;
  const wordIdf = space.idf(isOriginal);
  // Features no staff phrasing has (words only a generated typo variant produced) weigh 0 there.
  const neighbourVector = (raw: SparseVector): SparseVector => weigh(raw, wordIdf, 1, 1);
  const neighbours = options.neighbourWeight > 0
    ? buildNeighbourIndex(
        analysed.flatMap((doc) => (doc.original ? [{ label: doc.label, vector: neighbourVector(space.lookUp(doc.features)) }] : [])),
        space.size,
      )
    : undefined;

  // Without character n-grams every feature is a word feature: the fast path finds them (word-lookup.ts).
  const fastLookUp = options.chargramWeight === 0 ? buildWordLookUp(space, options.markedWeight) : undefined;

  // Only topics and reports are offered for a vague message: "đăng ký" is not a greeting or out of scope.
  const vagueness = buildVaguenessIndex(readings, labels.length, offerableAmong(labels));
  const parts: MatchingParts = { labels, spelling, space, idf, wordIdf, scorer: modelScorer(model), neighbours, fastLookUp, vagueness, options };
  return {
    labels,
    match: matchWith(parts),
    stats: { examples: documents.length, features: space.size, buildMs: performance.now() - started },
  };
}

/** Only topics and reports are offered for a vague message. */
const isOfferable = (label: string): boolean => /^(kb|report):/.test(label);
/** Made here, not in `buildMatcher`: a closure made there would keep its whole build alive (see `matchWith`). */
const offerableAmong = (labels: readonly string[]) => (c: number): boolean => isOfferable(labels[c] as string);

/** What matching a message reads: built once, kept for the matcher's life. */
interface MatchingParts {
  readonly labels: readonly string[];
  readonly spelling: SpellingIndex;
  readonly space: FeatureSpace;
  readonly idf: Float32Array;
  readonly wordIdf: Float32Array;
  /** The linear model's scores of a message (compiled to WebAssembly where it can be). */
  readonly scorer: ModelScorer;
  readonly neighbours: NeighbourIndex | undefined;
  readonly fastLookUp: WordLookUp | undefined;
  readonly vagueness: VaguenessIndex;
  readonly options: MatcherOptions;
}

/**
 * The match function, made outside `buildMatcher` on purpose: V8 keeps one context per function call for all
 * closures made in it, so any closure made there and kept (the match, the vagueness index's eligibility test)
 * kept every training document, feature map and reading alive (about 20 MB of heap for the seed knowledge base)
 * for as long as the matcher served.
 */
function matchWith(parts: MatchingParts): (text: string) => MatchResult {
  const { labels, spelling, space, idf, wordIdf, scorer, neighbours, fastLookUp, vagueness, options } = parts;
  const scores = new Float64Array(labels.length);
  const nearest = new Float64Array(labels.length);
  // Scratch for the weighed vectors of the message being matched (read within `match` only): no arrays a message.
  let modelValues = new Float32Array(64);
  let neighbourValues = new Float32Array(64);
  return function match(text: string): MatchResult {
    const reading = analyse(text, spelling);
    const tokenCount = reading.tokens.length;
    const unknownShare = tokenCount === 0 ? 1 : reading.unknown / tokenCount;
    if (isEmergency(reading.typed, reading.tokens, reading.numbers)) {
      return { label: EMERGENCY_LABEL, score: 1, alternatives: [], unknownShare, rule: true, tokens: reading.tokens, numbers: reading.numbers };
    }
    if (tokenCount === 0) return { label: OUT_OF_SCOPE_LABEL, score: 0, alternatives: [], unknownShare, tokens: reading.tokens, numbers: reading.numbers };
    const raw = fastLookUp ? fastLookUp(reading) : space.lookUp(featuresOf(reading, options.chargramWeight, options.markedWeight));
    if (modelValues.length < raw.values.length) {
      modelValues = new Float32Array(2 * raw.values.length);
      neighbourValues = new Float32Array(2 * raw.values.length);
    }
    scorer(weigh(raw, idf, options.idfStrength, options.normPower, modelValues), scores);
    if (neighbours) {
      neighbours.nearest(weigh(raw, wordIdf, 1, 1, neighbourValues), nearest);
      for (let c = 0; c < labels.length; c++) scores[c] = (scores[c] as number) + options.neighbourWeight * (nearest[c] as number);
    }
    softmax(scores);
    const result = ranked(scores, labels, unknownShare, reading.tokens, reading.numbers);
    const { labels: found, generic } = vagueness.candidates(reading.tokens);
    const vague = [...found];
    // The words fit several topics, but the model may still know better: a message it reads as one of ours
    // outside those topics, or as a greeting or thanks, is not vague. Out of scope is no answer to "đăng ký",
    // but it is to common words that merely share a topic's vocabulary ("bot có người yêu chưa").
    const top = labels.indexOf(result.label);
    if (vague.length === 0) return result;
    // Common words that merely appear across topics are weak evidence: a model that is sure of one topic
    // ("làm căn cước cho con 14 tuổi ở đâu": căn cước at 0.99) is trusted over them.
    if (generic && (scores[top] as number) >= GENERIC_TRUST) return result;
    if (generic && isOfferable(result.label) && !vague.includes(top)) vague.unshift(top);
    if (!vague.includes(top) && (generic || result.label !== OUT_OF_SCOPE_LABEL)) return result;
    // Most likely first: the model's order among the topics the words fit equally.
    const offered = vague.map((c) => ({ label: labels[c] as string, score: scores[c] as number })).sort((a, b) => b.score - a.score);
    return { ...result, vague: offered.slice(0, ALTERNATIVES) };
  };
}

function softmax(scores: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) if ((scores[c] as number) > max) max = scores[c] as number;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const e = Math.exp((scores[c] as number) - max);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) / sum;
}

function ranked(p: Float64Array, labels: readonly string[], unknownShare: number, tokens: readonly string[], numbers: readonly number[] | undefined): MatchResult {
  // The best ALTERNATIVES + 1 classes by insertion (a strictly higher score moves up, so ties keep class order).
  const best: number[] = [];
  for (let c = 0; c < labels.length; c++) {
    const score = p[c] as number;
    if (best.length > ALTERNATIVES && score <= (p[best[ALTERNATIVES] as number] as number)) continue;
    // A new last slot, or the last one (dropped) when full; then up past lower scores. By hand: splice returns an
    // array (of nothing removed) every call.
    let at = Math.min(best.length, ALTERNATIVES);
    if (at === best.length) best.push(c);
    while (at > 0 && score > (p[best[at - 1] as number] as number)) {
      best[at] = best[at - 1] as number;
      at--;
    }
    best[at] = c;
  }
  const first = best[0] as number;
  const alternatives: ScoredLabel[] = [];
  for (let i = 1; i < best.length; i++) alternatives.push({ label: labels[best[i] as number] as string, score: p[best[i] as number] as number });
  return { label: labels[first] as string, score: p[first] as number, alternatives, unknownShare, tokens, numbers };
}
