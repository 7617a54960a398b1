/**
 * Keeps this instance's matcher in step with the published revision. A publish here kicks it at once; other
 * instances sharing the database find the bumped counter on their next poll (the Node runtime polls every ~2 s).
 * The rebuild runs after the response has gone out, builds the new matcher beside the old one and swaps it in
 * (UnderstandingHolder.rebuild), so residents are answered throughout. Its training goes through the holder's
 * trainer (knowledge-base/trainer.ts): on Node a worker thread, so the event loop is held only while the matcher
 * is assembled from the returned weights; in process on a Cloudflare Worker.
 */
export interface LiveKnowledge {
  /** Rebuilds when the stored revision differs from the one built; concurrent calls share one rebuild. */
  sync(): Promise<number>;
  /** Schedules a sync without waiting for it: what a request handler calls. */
  kick(): void;
  /** The revision the current matcher was built from. */
  applied(): number;
  /** Resolves when no rebuild is running or scheduled (tests, shutdown). */
  idle(): Promise<void>;
}

export interface LiveKnowledgeDeps {
  readonly revision: () => Promise<number>;
  /** Builds and swaps in the matcher (and anything else built from the entries). */
  readonly rebuild: () => Promise<void>;
  /** The revision read before the current matcher was built. */
  readonly initial: number;
  readonly onError?: (error: unknown) => void;
  /** Told after each rebuild, with how long it took. */
  readonly onRebuilt?: (revision: number, ms: number) => void;
}

export function createLiveKnowledge(deps: LiveKnowledgeDeps): LiveKnowledge {
  let applied = deps.initial;
  let running: Promise<number> | undefined;
  let again = false;
  let scheduled: Promise<void> | undefined;

  async function loop(): Promise<number> {
    do {
      again = false;
      // Read before building: entries published during the build bump it again and are caught next round.
      const target = await deps.revision();
      if (target !== applied) {
        const started = Date.now();
        await deps.rebuild();
        applied = target;
        deps.onRebuilt?.(target, Date.now() - started);
      }
    } while (again);
    return applied;
  }

  function sync(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    sync,
    kick() {
      if (running) {
        again = true;
        return;
      }
      // A macrotask later: the handler that published answers first.
      scheduled = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => sync().then(() => undefined, (error: unknown) => deps.onError?.(error)));
    },
    applied: () => applied,
    async idle() {
      await scheduled;
      while (running) await running.catch(() => undefined);
    },
  };
}
