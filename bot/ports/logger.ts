/**
 * The logger port. The core logs through this; adapters/http/logger.ts holds the implementations (one JSON line
 * per event, and a silent one for tests). Callers pass only what is safe to keep: ids, labels, counts, durations;
 * never a phone number or a message text (residents' words stay in the database, behind staff login).
 */
export interface Logger {
  info(event: string, fields?: Readonly<Record<string, string | number | boolean | undefined>>): void;
  error(event: string, fields?: Readonly<Record<string, string | number | boolean | undefined>>): void;
}
