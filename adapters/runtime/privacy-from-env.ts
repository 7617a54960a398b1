import type { PrivacyRetention } from '../../bot/retention.ts';
import { redactContacts } from '../../bot/reports/redact-contacts.ts';

/**
 * PRIVACY_REPORT_DAYS (365) and PRIVACY_TEXT_DAYS (180, like the message log): a value that is not a positive
 * number is reported and the default kept, as for the RETENTION_* settings.
 */
export function privacyFromEnv(env: Readonly<Record<string, string | undefined>>): { privacy: PrivacyRetention; problems: string[] } {
  const problems: string[] = [];
  const days = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (Number.isFinite(value) && value > 0) return value;
    problems.push(`${name} must be a positive number of days; using ${fallback}`);
    return fallback;
  };
  return { privacy: { reportDays: days('PRIVACY_REPORT_DAYS', 365), textDays: days('PRIVACY_TEXT_DAYS', 180), redact: redactContacts }, problems };
}
