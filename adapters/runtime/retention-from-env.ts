import { DEFAULT_RETENTION, type RetentionPolicy } from '../../bot/retention.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Env var → policy field; each is a number of days (fractions allowed). */
const DAY_SETTINGS: ReadonlyArray<[string, keyof RetentionPolicy]> = [
  ['RETENTION_INBOX_PAYLOAD_DAYS', 'inboxPayloadDays'],
  ['RETENTION_INBOX_DAYS', 'inboxDays'],
  ['RETENTION_OUTBOX_SENT_DAYS', 'outboxSentDays'],
  ['RETENTION_OUTBOX_DEAD_DAYS', 'outboxDeadDays'],
  ['RETENTION_MESSAGE_LOG_DAYS', 'messageLogDays'],
  ['RETENTION_RATE_WINDOW_DAYS', 'rateWindowDays'],
];

export interface RetentionSettings {
  readonly policy: RetentionPolicy;
  /** How often the Node runtime runs retention; it also runs once at start. */
  readonly intervalMs: number;
  readonly problems: readonly string[];
}

/**
 * Retention periods from the environment. A value that is not a positive number is reported and the default kept:
 * a typo must not turn into "delete everything older than 0 days".
 */
export function retentionFromEnv(env: Env): RetentionSettings {
  const problems: string[] = [];
  const positive = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (Number.isFinite(value) && value > 0) return value;
    problems.push(`${name} must be a positive number; using ${fallback}`);
    return fallback;
  };
  const policy = { ...DEFAULT_RETENTION };
  for (const [name, key] of DAY_SETTINGS) policy[key] = positive(name, DEFAULT_RETENTION[key]);
  return { policy, intervalMs: positive('RETENTION_INTERVAL_MINUTES', 60) * 60_000, problems };
}
