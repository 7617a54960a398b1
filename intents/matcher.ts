import { isEmergency } from './emergency.ts';
import { analyse, featuresOf } from './features.ts';
import { foldKey } from './fold.ts';
import { probabilities, seededRandom, trainLinearModel, type LinearModel, type SparseVector } from './linear-model.ts';
import { buildSpellingIndex, type SpellingIndex } from './spelling.ts';
import { typoVariant } from './augment.ts';

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
}

export interface Matcher {
  readonly labels: readonly string[];
  readonly match: (text: string) => MatchResult;
  readonly stats: { readonly examples: number; readonly features: number; readonly buildMs: number };
}

const ALTERNATIVES = 3;
// Three passes are enough once each document updates only the classes it confuses (see linear-model.ts);
// chosen with index build time under 500 ms on 2 cores in mind.
const TRAINING = { epochs: 3, learningRate: 1.5, seed: 20260701 } as const;
/** Share of phrasings also learnt with a generated typo: more costs build time for little gain. */
const VARIANT_SHARE = 0.35;

function toVector(features: Map<string, number>, index: ReadonlyMap<string, number>): SparseVector {
  const indices: number[] = [];
  const values: number[] = [];
  let norm = 0;
  for (const [feature, weight] of features) {
    const at = index.get(feature);
    if (at === undefined) continue;
    indices.push(at);
    values.push(weight);
    norm += weight * weight;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return { indices: Int32Array.from(indices), values: Float32Array.from(values, (v) => v * scale) };
}

/**
 * Builds the matcher once from labelled phrasings (the knowledge base's examples, titles and keywords).
 * Pure and deterministic: the same examples give the same answers on every instance.
 */
export function buildMatcher(examples: readonly LabelledText[]): Matcher {
  const started = performance.now();
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((label, i) => [label, i]));

  const frequencies = new Map<string, number>();
  for (const example of examples) {
    for (const token of analyse(example.text).tokens) frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
  }
  const spelling: SpellingIndex = buildSpellingIndex(frequencies);

  // Each phrasing is also learnt with one typo, so the character n-grams learn to forgive a slip.
  const random = seededRandom(TRAINING.seed);
  const featureIndex = new Map<string, number>();
  const analysed = examples.flatMap((example) => {
    const variant = random() < VARIANT_SHARE ? typoVariant(example.text, random) : undefined;
    const texts = variant === undefined ? [example.text] : [example.text, variant];
    return texts.map((text) => ({ label: labelIndex.get(example.label) as number, features: featuresOf(analyse(text, spelling)) }));
  });
  for (const doc of analysed) {
    for (const feature of doc.features.keys()) if (!featureIndex.has(feature)) featureIndex.set(feature, featureIndex.size);
  }
  const documents = analysed.map((doc) => ({ label: doc.label, vector: toVector(doc.features, featureIndex) }));
  const model: LinearModel = trainLinearModel(documents, featureIndex.size, labels.length, TRAINING);

  const scratch = new Float64Array(labels.length);
  function match(text: string): MatchResult {
    const reading = analyse(text, spelling);
    const tokenCount = reading.tokens.length;
    const unknownShare = tokenCount === 0 ? 1 : reading.unknown / tokenCount;
    if (isEmergency(foldKey(text), reading.tokens.join(' '))) {
      return { label: EMERGENCY_LABEL, score: 1, alternatives: [], unknownShare };
    }
    if (tokenCount === 0) return { label: OUT_OF_SCOPE_LABEL, score: 0, alternatives: [], unknownShare };
    const p = probabilities(model, toVector(featuresOf(reading), featureIndex), scratch);
    const ranked: ScoredLabel[] = [];
    for (let c = 0; c < labels.length; c++) {
      const score = p[c] as number;
      if (ranked.length <= ALTERNATIVES || score > (ranked[ranked.length - 1] as ScoredLabel).score) {
        ranked.push({ label: labels[c] as string, score });
        ranked.sort((a, b) => b.score - a.score);
        if (ranked.length > ALTERNATIVES + 1) ranked.pop();
      }
    }
    const [best, ...alternatives] = ranked as [ScoredLabel, ...ScoredLabel[]];
    return { label: best.label, score: best.score, alternatives, unknownShare };
  }

  return {
    labels,
    match,
    stats: { examples: documents.length, features: featureIndex.size, buildMs: performance.now() - started },
  };
}
