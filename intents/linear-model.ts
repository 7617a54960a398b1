/**
 * Multinomial logistic regression over sparse features, trained by plain SGD.
 * Chosen over naive Bayes because its probabilities are usable as confidence (the bot must know when it does
 * not know), and over nearest-neighbour search because a message is scored in one pass over its own features.
 * Weights are stored feature-major so scoring a message touches one contiguous row per feature.
 */
const GRADIENT_FLOOR = Number(process.env.GF ?? 1e-3);

export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

export interface LinearModel {
  readonly classCount: number;
  readonly weights: Float64Array; // featureCount × classCount
  readonly bias: Float32Array;
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
  const scores = out ?? new Float64Array(classes);
  for (let c = 0; c < classes; c++) scores[c] = model.bias[c] as number;
  for (let k = 0; k < vector.indices.length; k++) {
    const row = (vector.indices[k] as number) * classes;
    const value = vector.values[k] as number;
    for (let c = 0; c < classes; c++) scores[c] = (scores[c] as number) + value * (model.weights[row + c] as number);
  }
  let max = -Infinity;
  for (let c = 0; c < classes; c++) max = Math.max(max, scores[c] as number);
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
  const model: LinearModel = {
    classCount,
    weights: new Float64Array(featureCount * classCount),
    bias: new Float32Array(classCount),
  };
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
      probabilities(model, doc.vector, p);
      p[doc.label] = (p[doc.label] as number) - 1;
      for (let c = 0; c < classCount; c++) {
        const gradient = p[c] as number;
        // Most classes are already near zero probability: skipping them keeps training within budget.
        if (gradient > -GRADIENT_FLOOR && gradient < GRADIENT_FLOOR) continue;
        model.bias[c] = (model.bias[c] as number) - rate * gradient * 0.1;
        for (let k = 0; k < doc.vector.indices.length; k++) {
          const at = (doc.vector.indices[k] as number) * classCount + c;
          model.weights[at] = (model.weights[at] as number) - rate * gradient * (doc.vector.values[k] as number);
        }
      }
    }
  }
  return model;
}
