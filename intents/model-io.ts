import type { LinearModel } from './linear-model.ts';
import type { LabelledText, MatcherOptions } from './matcher.ts';

/**
 * Weights trained ahead (at build time) instead of in every process or isolate: a Worker must not spend a
 * second of CPU training on the request path. buildMatcher asks `trainedOrLoaded` for its model; when weights
 * were loaded for exactly the same examples, options and dimensions they are used, otherwise it trains as
 * always (after a staff publish, the content no longer matches the weights shipped with the build).
 */

/** A model with the fingerprint of the training that made it. */
export interface TrainedModel {
  /** Of the examples, options and dimensions the model was trained on (see fingerprint). */
  readonly fingerprint: string;
  readonly featureCount: number;
  readonly model: LinearModel;
}

export interface TrainingKey {
  readonly examples: readonly LabelledText[];
  readonly options: MatcherOptions;
  readonly featureCount: number;
  readonly classCount: number;
}

const loaded = new Map<string, LinearModel>();
let recorder: ((trained: TrainedModel) => void) | undefined;

/** cyrb53: fast and well spread; this guards against stale weights, not against an adversary. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * How feature numbers map to weight rows (feature-space.ts numbers them by frequency since layout 2): weights saved
 * under another layout must not be read as these, so the layout is part of the fingerprint.
 */
const ROW_LAYOUT = 2;

/** Two seeds: 106 bits, so unrelated trainings do not collide by chance. */
export function fingerprint(key: TrainingKey): string {
  const text = JSON.stringify([key.examples.map((e) => [e.label, e.text]), key.options, key.featureCount, key.classCount, ROW_LAYOUT]);
  return `${hash53(text, 1).toString(36)}-${hash53(text, 2).toString(36)}`;
}

/** The hook in buildMatcher: loaded weights for this exact training, else a fresh training (recorded when asked). */
export function trainedOrLoaded(key: TrainingKey, train: () => LinearModel): LinearModel {
  if (loaded.size === 0 && recorder === undefined) return train();
  const id = fingerprint(key);
  const found = loaded.get(id);
  if (found !== undefined) {
    recorder?.({ fingerprint: id, featureCount: key.featureCount, model: found });
    return found;
  }
  const model = train();
  recorder?.({ fingerprint: id, featureCount: key.featureCount, model });
  return model;
}

/** Makes weights trained ahead available to buildMatcher (the Worker does this once per isolate). */
export function useTrainedModels(models: readonly TrainedModel[]): void {
  for (const trained of models) loaded.set(trained.fingerprint, trained.model);
}

/**
 * Runs a synchronous `build` (buildMatcher) with these weights loaded, then forgets them: weights trained in
 * another thread (knowledge-base/trainer.ts) serve one build and are not kept for the life of the process.
 */
export function withTrainedModels<T>(models: readonly TrainedModel[], build: () => T): T {
  const added = models.filter((trained) => !loaded.has(trained.fingerprint));
  for (const trained of added) loaded.set(trained.fingerprint, trained.model);
  try {
    return build();
  } finally {
    for (const trained of added) loaded.delete(trained.fingerprint);
  }
}

/** Runs `build` and returns every model it trained or loaded (the train-ahead script, the trainers). */
export async function recordTrainedModels(build: () => Promise<void>): Promise<TrainedModel[]> {
  const recorded: TrainedModel[] = [];
  recorder = (trained) => recorded.push(trained);
  try {
    await build();
  } finally {
    recorder = undefined;
  }
  return recorded;
}
