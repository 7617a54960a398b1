/**
 * Runs `run` after the I/O callbacks already due (webhooks read in this turn of the event loop): `setImmediate` on
 * Node, a zero timeout where there is none (Workers).
 */
export function afterPendingIo(run: () => void): void {
  if (typeof setImmediate === 'function') setImmediate(run);
  else setTimeout(run, 0);
}

/** Resolves after the I/O callbacks already due: webhooks waiting to be read and acknowledged run first. */
export const yieldToIo = (): Promise<void> => new Promise((resolve) => afterPendingIo(resolve));
