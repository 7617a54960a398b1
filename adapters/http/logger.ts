/**
 * One JSON line per event. Callers pass only what is safe to keep: ids, labels, counts, durations; never a
 * phone number or a message text (residents' words stay in the database, behind staff login).
 */
export interface Logger {
  info(event: string, fields?: Readonly<Record<string, string | number | boolean | undefined>>): void;
  error(event: string, fields?: Readonly<Record<string, string | number | boolean | undefined>>): void;
}

/**
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
