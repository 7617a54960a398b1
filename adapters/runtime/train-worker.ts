/**
 * The worker thread behind thread-trainer.ts: receives training examples and options, trains the matcher's
 * weights (the CPU-heavy half of a build) and posts them back, their buffers transferred rather than copied.
 * One job at a time, in the order they arrive; the thread stays up for the next publish.
 */
import { parentPort } from 'node:worker_threads';
import type { LabelledText, MatcherOptions } from '../../intents/matcher.ts';
import { inProcessTrainer } from '../../knowledge-base/trainer.ts';

export interface TrainRequest {
  readonly id: number;
  readonly examples: readonly LabelledText[];
  readonly options: MatcherOptions;
}

export type TrainReply =
  | { readonly id: number; readonly ok: true; readonly fingerprint: string; readonly featureCount: number; readonly classCount: number; readonly weights: Float32Array; readonly bias: Float64Array; readonly ms: number }
  | { readonly id: number; readonly ok: false; readonly error: string };

if (!parentPort) throw new Error('train-worker.ts runs as a worker thread (adapters/runtime/thread-trainer.ts)');
const port = parentPort;

port.on('message', (request: TrainRequest) => {
  const started = performance.now();
  inProcessTrainer.train(request.examples, request.options).then(
    ({ fingerprint, featureCount, model }) => {
      const reply: TrainReply = {
        id: request.id, ok: true, fingerprint, featureCount, classCount: model.classCount, weights: model.weights, bias: model.bias, ms: performance.now() - started,
      };
      // The weights are this thread's own arrays, made for this job: hand the memory over instead of copying it.
      port.postMessage(reply, [model.weights.buffer as ArrayBuffer, model.bias.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      port.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies TrainReply);
    },
  );
});
