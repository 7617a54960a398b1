/**
 * Multinomial logistic regression over sparse features, trained by plain SGD.
 * Chosen over naive Bayes because its probabilities are usable as confidence (the bot must know when it does
 * not know), and over nearest-neighbour search because a message is scored in one pass over its own features.
 * Weights are stored feature-major so scoring a message touches one contiguous row per feature.
 */
/** A class whose gradient is smaller than this is not updated for a document: most classes, after the first few. */
const GRADIENT_FLOOR = 0.01;

export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

export interface LinearModel {
  readonly classCount: number;
  readonly weights: Float64Array; // featureCount × classCount
  readonly bias: Float64Array;
}

export interface TrainingOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly seed: number;
}

export interface TrainingDocument {
  readonly vector: SparseVector;
  readonly label: number;
}

/** A small deterministic PRNG so the same knowledge base always builds the same model. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

export function probabilities(model: LinearModel, vector: SparseVector, out?: Float64Array): Float64Array {
  const classes = model.classCount;
  const weights = model.weights;
  const scores = out ?? new Float64Array(classes);
  scores.set(model.bias);
  const indices = vector.indices;
  const values = vector.values;
  for (let k = 0; k < indices.length; k++) {
    const row = (indices[k] as number) * classes;
    const value = values[k] as number;
    for (let c = 0; c < classes; c++) scores[c] = (scores[c] as number) + value * (weights[row + c] as number);
  }
  let max = -Infinity;
  for (let c = 0; c < classes; c++) if ((scores[c] as number) > max) max = scores[c] as number;
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    const e = Math.exp((scores[c] as number) - max);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < classes; c++) scores[c] = (scores[c] as number) / sum;
  return scores;
}

export function trainLinearModel(
  documents: readonly TrainingDocument[],
  featureCount: number,
  classCount: number,
  options: TrainingOptions,
): LinearModel {
  const weights = new Float64Array(featureCount * classCount);
  const bias = new Float64Array(classCount);
  const model: LinearModel = { classCount, weights, bias };
  const order = documents.map((_, i) => i);
  const random = seededRandom(options.seed);
  const p = new Float64Array(classCount);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    // A decaying step: large moves early, fine adjustments late.
    const rate = options.learningRate / (1 + epoch * 0.5);
    for (const index of order) {
      const doc = documents[index] as TrainingDocument;
      const indices = doc.vector.indices;
      const values = doc.vector.values;
      probabilities(model, doc.vector, p);
      p[doc.label] = (p[doc.label] as number) - 1;
      for (let c = 0; c < classCount; c++) {
        const gradient = p[c] as number;
        // Most classes are already near zero probability: skipping them keeps training within budget.
        if (gradient > -GRADIENT_FLOOR && gradient < GRADIENT_FLOOR) continue;
        const step = rate * gradient;
        bias[c] = (bias[c] as number) - step * 0.1;
        for (let k = 0; k < indices.length; k++) {
          const at = (indices[k] as number) * classCount + c;
          weights[at] = (weights[at] as number) - step * (values[k] as number);
        }
      }
    }
  }
  return model;
}
