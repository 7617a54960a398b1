/**
 * One JSON line per event. Callers pass only what is safe to keep: ids, labels, counts, durations; never a
 * phone number or a message text (residents' words stay in the database, behind staff login).
 */
export interface Logger {
  info(event: string, fields?: Readonly<Record<string, string | number | boolean | undefined>>): void;
  error(event: string, fields?: Readonly<Record<string, string | number | boolean | undefined>>): void;
}

export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(line + '\n')): Logger {
  const emit = (level: string, event: string, fields?: Readonly<Record<string, unknown>>): void =>
    write(JSON.stringify({ at: new Date().toISOString(), level, event, ...fields }));
  return { info: (e, f) => emit('info', e, f), error: (e, f) => emit('error', e, f) };
}

export const silentLogger: Logger = { info: () => {}, error: () => {} };
