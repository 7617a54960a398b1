import type { Logger } from '../../bot/ports/logger.ts';

/**
 * One JSON line per event; what callers may pass is said at the port (bot/ports/logger.ts).
 * `requestId` names the request the code now running serves (adapters/http/request-id.ts): every line of one
 * request, and of the background handling it started, carries the same id, so they can be read together.
 */
export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(line + '\n'), requestId: () => string | undefined = () => undefined): Logger {
  const emit = (level: string, event: string, fields?: Readonly<Record<string, unknown>>): void => {
    const id = requestId();
    write(JSON.stringify({ at: new Date().toISOString(), level, event, ...(id === undefined ? {} : { requestId: id }), ...fields }));
  };
  return { info: (e, f) => emit('info', e, f), error: (e, f) => emit('error', e, f) };
}

export const silentLogger: Logger = { info: () => {}, error: () => {} };
