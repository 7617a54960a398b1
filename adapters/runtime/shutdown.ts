import type { Logger } from '../../bot/ports/logger.ts';

/** The parts of a Node HTTP server shutdown needs (structural, so http and http2 servers both fit). */
interface ClosableServer {
  close(callback?: (error?: Error) => void): unknown;
  closeIdleConnections?(): void;
  closeAllConnections?(): void;
}

export interface ShutdownDeps {
  readonly signal: string;
  /** The whole shutdown's budget; past it the process exits with 1 and says what was still running. */
  readonly graceMs: number;
  readonly server: ClosableServer;
  /** Periodic jobs (delivery pass, hand-off check, retention...): no new runs; a run under way ends first. */
  readonly timers: ReadonlyArray<{ stop(): Promise<void> }>;
  /** The outbox worker: stop() starts no new send (no new claims); sends already in flight finish. */
  readonly worker: { stop(): void };
  /** Resolves when background handling and the worker are idle. */
  readonly settled: () => Promise<void>;
  readonly db: { destroy(): Promise<void> };
  readonly logger: Logger;
}

export const DEFAULT_GRACE_MS = 10_000;

/** SHUTDOWN_GRACE_MS, when it is a sensible number of milliseconds; else the default. */
export function graceMsFrom(value: string | undefined): number {
  const ms = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(ms) && ms >= 100 ? ms : DEFAULT_GRACE_MS;
}

/**
 * Stops in an order that leaves nothing half-done: the listener first (no new request), then the periodic jobs
 * and the worker's claims; then waits for requests in flight, the handling they deferred and the sends under
 * way; the database closes last. Every accepted message is then handled (its replies stored) and no reply is
 * left 'sending'. Replies stored but not yet sent stay 'pending' and go out from the next process. Resolves with
 * the exit code: 0 when all of it finished within the grace period, 1 when the grace ran out first.
 */
export async function shutdownGracefully(deps: ShutdownDeps): Promise<number> {
  const started = Date.now();
  deps.logger.info('shutdown.start', { signal: deps.signal, graceMs: deps.graceMs });
  const closed = new Promise<void>((resolve) => deps.server.close(() => resolve()));
  // Keep-alive connections would hold close() open: close each one as soon as it has no request running.
  const idleSweep = setInterval(() => deps.server.closeIdleConnections?.(), 50);
  deps.server.closeIdleConnections?.();
  deps.worker.stop();
  let stage = 'requests in flight';
  const work = (async () => {
    await Promise.all([closed, ...deps.timers.map((t) => t.stop())]);
    stage = 'background handling and sends in flight';
    await deps.settled();
    stage = 'closing the database';
    await deps.db.destroy();
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), deps.graceMs);
  });
  try {
    const outcome = await Promise.race([work.then(() => 'done' as const), expired]);
    if (outcome === 'expired') {
      deps.logger.error('shutdown.grace-expired', { waitingFor: stage, graceMs: deps.graceMs });
      deps.server.closeAllConnections?.();
      return 1;
    }
    deps.logger.info('shutdown.done', { ms: Date.now() - started });
    return 0;
  } catch (error) {
    deps.logger.error('shutdown.failed', { waitingFor: stage, error: error instanceof Error ? error.name : 'unknown' });
    return 1;
  } finally {
    clearInterval(idleSweep);
    clearTimeout(timer);
  }
}
