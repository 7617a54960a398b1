/**
 * Multinomial logistic regression over sparse features, trained by plain SGD.
 * Chosen over naive Bayes because its probabilities are usable as confidence (the bot must know when it does
 * not know), and over nearest-neighbour search because a message is scored in one pass over its own features.
 * Weights are stored feature-major so scoring a message touches one contiguous row per feature.
 */
/** A class whose gradient is smaller than this is not updated for a document: most classes, after the first few. */
const GRADIENT_FLOOR = 0.01;
/** A document whose own label already has this probability rests for REST_EPOCHS epochs. */
const SETTLED = 0.9;
const REST_EPOCHS = 4;

export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

export interface LinearModel {
  readonly classCount: number;
  readonly weights: Float32Array; // featureCount × classCount (single precision: half the memory traffic)
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
  /** Another reading of the same phrasing (without its marks): each pass learns one of the two at random. */
  readonly alternative?: SparseVector;
}

/** Work done by the last training (feature-class products), for benchmarks that compare settings. */
export const trainingWork = { products: 0 };

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

/**
 * Raw class scores (before softmax) of one message, written into `out`. Four classes at a time, each summed in a
 * local over the message's features: the same additions in the same order as adding feature by feature into `out`
 * (the same figures to the last bit), without reading and writing `out` for every product. Eight classes at a time
 * take fewer machine instructions (14 a class instead of 17.5; two of the eight sums then live in memory for want of
 * registers) yet ran 0.5-0.6 µs a message slower, measured apart and alternated with this (three times now).
 */
export function logits(model: LinearModel, vector: SparseVector, out: Float64Array): Float64Array {
  const classes = model.classCount;
  const { weights, bias } = model;
  const indices = vector.indices;
  const values = vector.values;
  const n = indices.length;
  let c = 0;
  for (; c + 4 <= classes; c += 4) {
    let s0 = bias[c] as number;
    let s1 = bias[c + 1] as number;
    let s2 = bias[c + 2] as number;
    let s3 = bias[c + 3] as number;
    for (let k = 0; k < n; k++) {
      const at = (indices[k] as number) * classes + c;
      const value = values[k] as number;
      s0 += value * (weights[at] as number);
      s1 += value * (weights[at + 1] as number);
      s2 += value * (weights[at + 2] as number);
      s3 += value * (weights[at + 3] as number);
    }
    out[c] = s0;
    out[c + 1] = s1;
    out[c + 2] = s2;
    out[c + 3] = s3;
  }
  for (; c < classes; c++) {
    let sum = bias[c] as number;
    for (let k = 0; k < n; k++) sum += (values[k] as number) * (weights[(indices[k] as number) * classes + c] as number);
    out[c] = sum;
  }
  return out;
}

export function probabilities(model: LinearModel, vector: SparseVector, out?: Float64Array): Float64Array {
  const classes = model.classCount;
  const scores = logits(model, vector, out ?? new Float64Array(classes));
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
  const weights = new Float32Array(featureCount * classCount);
  const bias = new Float64Array(classCount);
  const model: LinearModel = { classCount, weights, bias };
  const order = documents.map((_, i) => i);
  const random = seededRandom(options.seed);
  const p = new Float64Array(classCount);
  // Epochs in which a document is skipped: one the model already gets right with room to spare is looked at
  // again only every few epochs. Most phrasings are learnt after two passes; this keeps many passes affordable.
  const restUntil = new Int32Array(documents.length);
  trainingWork.products = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    // A decaying step: large moves early, fine adjustments late.
    const rate = options.learningRate / (1 + epoch * 0.5);
    for (const index of order) {
      if ((restUntil[index] as number) > epoch) continue;
      const doc = documents[index] as TrainingDocument;
      const vector = doc.alternative !== undefined && random() < 0.5 ? doc.alternative : doc.vector;
      const indices = vector.indices;
      const values = vector.values;
      trainingWork.products += indices.length * classCount;
      probabilities(model, vector, p);
      if ((p[doc.label] as number) > SETTLED) restUntil[index] = epoch + REST_EPOCHS;
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
