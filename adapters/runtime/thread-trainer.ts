/**
 * Node: the matcher's weights are trained in a worker thread (train-worker.ts), so the event loop keeps
 * answering residents while staff publish. The thread starts at a training and stays for the next one for a
 * while (`idleMs`), then ends: a thread is a second V8 heap with the matcher's modules loaded (tens of MB of
 * resident memory), kept for nothing between publishes that come hours apart. It never holds the process open;
 * if it cannot start or dies, that training runs in process instead (logged), and the next one starts a new thread.
 *
 * The worker is train-worker.js beside this file in the compiled server (`npm start` bundles both,
 * build-node.ts), or the TypeScript file through tsx's loader (`node --import tsx --test`, see spawn).
 */
import { Worker } from 'node:worker_threads';
import type { LabelledText, MatcherOptions } from '../../intents/matcher.ts';
import type { TrainedModel } from '../../intents/model-io.ts';
import { inProcessTrainer, type Trainer } from '../../knowledge-base/trainer.ts';
import type { TrainReply, TrainRequest } from './train-worker.ts';

export interface ThreadTrainerOptions {
  /** Told when a training fell back to this thread, and why. */
  readonly onFallback?: (reason: string) => void;
  /** Told after each training in the thread, with how long it took there. */
  readonly onTrained?: (ms: number) => void;
  /** How long the thread waits for another training before it ends; 60 s unless given. */
  readonly idleMs?: number;
}

export interface ThreadTrainer extends Trainer {
  /** Whether a thread is up now (tests). */
  readonly running: () => boolean;
  readonly close: () => Promise<void>;
  /** Trainings done in the thread / in process after a failure (tests, logs). */
  readonly counts: () => { thread: number; fallback: number };
}

// Compiled (this file is part of a bundled .js), the worker is the bundle's second entry beside it.
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './train-worker.ts' : './train-worker.js', import.meta.url);

/**
 * A TypeScript worker goes through tsx. On Node 20 `execArgv: ['--import', 'tsx']` does not reach a worker's
 * entry module ("Unknown file extension .ts"), so a two-line bootstrap registers tsx's loader in the thread
 * (tsx/esm/api, resolved from here whatever the working directory) and then imports the worker.
 */
function spawn(): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, { name: 'matcher-trainer' });
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const bootstrap = `import(${api}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(bootstrap, { eval: true, execArgv: [], name: 'matcher-trainer' });
}

export function createThreadTrainer(options: ThreadTrainerOptions = {}): ThreadTrainer {
  type Job = { resolve: (trained: TrainedModel) => void; reject: (error: Error) => void };
  let worker: { thread: Worker; pending: Map<number, Job> } | undefined;
  let nextId = 1;
  const counts = { thread: 0, fallback: 0 };
  const idleMs = options.idleMs ?? 60_000;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  /** Ends the thread once it has had no job for idleMs; a new job cancels the countdown. */
  function endWhenIdle(thread: Worker): void {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (worker?.thread !== thread || worker.pending.size > 0) return;
      worker = undefined;
      void thread.terminate();
    }, idleMs);
    idleTimer.unref();
  }

  function start(): { thread: Worker; pending: Map<number, Job> } {
    if (worker) return worker;
    const thread = spawn();
    // Each thread answers for its own jobs: a dead thread's exit must not fail the next thread's.
    const pending = new Map<number, Job>();
    const ended = (error: Error): void => {
      if (worker?.thread === thread) worker = undefined;
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    };
    thread.on('message', (reply: TrainReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if (pending.size === 0) {
        thread.unref();
        endWhenIdle(thread);
      }
      if (!reply.ok) return job.reject(new Error(reply.error));
      options.onTrained?.(reply.ms);
      job.resolve({ fingerprint: reply.fingerprint, featureCount: reply.featureCount, model: { classCount: reply.classCount, weights: reply.weights, bias: reply.bias } });
    });
    thread.on('error', ended);
    thread.on('exit', (code) => ended(new Error(`matcher training thread exited (code ${code})`)));
    // Idle, the thread does not keep the process alive; a job in flight does (see inThread).
    thread.unref();
    worker = { thread, pending };
    return worker;
  }

  function inThread(examples: readonly LabelledText[], matcherOptions: MatcherOptions): Promise<TrainedModel> {
    return new Promise<TrainedModel>((resolve, reject) => {
      const { thread, pending } = start();
      const id = nextId++;
      clearTimeout(idleTimer);
      pending.set(id, { resolve, reject });
      thread.ref();
      thread.postMessage({ id, examples, options: matcherOptions } satisfies TrainRequest);
    });
  }

  return {
    async train(examples, matcherOptions) {
      try {
        const trained = await inThread(examples, matcherOptions);
        counts.thread++;
        return trained;
      } catch (error) {
        counts.fallback++;
        options.onFallback?.(error instanceof Error ? error.message : String(error));
        return inProcessTrainer.train(examples, matcherOptions);
      }
    },
    running: () => worker !== undefined,
    async close() {
      clearTimeout(idleTimer);
      const stopping = worker;
      worker = undefined;
      if (stopping) await stopping.thread.terminate();
    },
    counts: () => ({ ...counts }),
  };
}
