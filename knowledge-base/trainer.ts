import { buildMatcher, DEFAULT_OPTIONS, type LabelledText, type Matcher, type MatcherOptions } from '../intents/matcher.ts';
import { fingerprint, recordTrainedModels, withTrainedModels, type TrainedModel } from '../intents/model-io.ts';

/**
 * The port through which the matcher's weights are trained. Training is most of a matcher build (about half of
 * it, a second or so of CPU on the seed): where it runs decides whether residents wait while staff publish.
 *
 * - In process (the default, and the Cloudflare Worker's: an isolate has no threads): buildMatcher trains in
 *   the calling thread, as it always has.
 * - In a thread (Node: adapters/runtime/thread-trainer.ts): the examples and options go to a worker thread,
 *   which trains and posts back the weights (their buffers transferred, not copied); this thread then builds
 *   the matcher through model-io's loading path, which skips training (the rest of the build: reading the
 *   phrasings, the feature space and the indexes, a few hundred milliseconds).
 *
 * Either way the matcher is the same: training is deterministic, and the weights are used only when their
 * fingerprint (examples, options, dimensions) matches the build's (model-io.ts).
 */
export interface Trainer {
  /** Trains the model for exactly these examples and options. */
  readonly train: (examples: readonly LabelledText[], options: MatcherOptions) => Promise<TrainedModel>;
  /** Trains where the caller runs: buildMatcher is called directly (one pass instead of train then load). */
  readonly inProcess?: boolean;
  /** Stops a thread kept for training (shutdown, tests). */
  readonly close?: () => Promise<void>;
}

/** Trains in the calling thread (the default; what a Cloudflare Worker uses). */
export const inProcessTrainer: Trainer = {
  inProcess: true,
  async train(examples, options) {
    const recorded = await recordTrainedModels(async () => {
      buildMatcher(examples, options);
    });
    const trained = recorded[0];
    if (!trained) throw new Error('matcher training recorded no model');
    return trained;
  },
};

/** Builds a matcher from already trained weights: the cheap half of a build, in the calling thread. */
export function matcherFromWeights(examples: readonly LabelledText[], options: MatcherOptions, trained: TrainedModel): { matcher: Matcher; loaded: boolean } {
  const matcher = withTrainedModels([trained], () => buildMatcher(examples, options));
  // buildMatcher quietly trains itself when the weights do not fit: still the right matcher, but trained here.
  const loaded = fingerprint({ examples, options, featureCount: matcher.stats.features, classCount: matcher.labels.length }) === trained.fingerprint;
  return { matcher, loaded };
}

/** The matcher for these examples, its weights trained by `trainer` (in process unless given). */
export async function trainMatcher(examples: readonly LabelledText[], trainer: Trainer = inProcessTrainer, options: MatcherOptions = DEFAULT_OPTIONS): Promise<Matcher> {
  if (trainer.inProcess) return buildMatcher(examples, options);
  const trained = await trainer.train(examples, options);
  return matcherFromWeights(examples, options, trained).matcher;
}
