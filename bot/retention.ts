/**
 * Retention: what the delivery path keeps only for a while. Every webhook message leaves about 7 KB behind
 * (inbox payload, outbox rows, message log); without a limit the database grows forever and keeps residents'
 * words longer than the service needs them (Decree 13/2023 on personal data: no longer than necessary).
 * Messages not yet handled are never touched: recovery still needs them.
 */

/** How long each kind of row is kept, in days. */
export interface RetentionPolicy {
  /** A handled inbox message's content (its payload) is dropped after this; its key stays to catch late redeliveries. */
  readonly inboxPayloadDays: number;
  /** A handled inbox row is deleted after this (every platform stops redelivering within two days). */
  readonly inboxDays: number;
  /** Replies sent. */
  readonly outboxSentDays: number;
  /** Replies that could not be sent, kept longer for staff to look into. */
  readonly outboxDeadDays: number;
  /** The conversation transcript staff read. */
  readonly messageLogDays: number;
  /** Per-sender rate-limit windows (a window is a minute; a day-old one counts for nothing). */
  readonly rateWindowDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  inboxPayloadDays: 7,
  inboxDays: 30,
  outboxSentDays: 30,
  outboxDeadDays: 90,
  messageLogDays: 180,
  rateWindowDays: 1,
};

/**
 * The store's side: each call is one statement that touches at most `limit` rows older than `before` and says how
 * many it touched. Single statements, so they run the same on SQLite, PostgreSQL and D1 (no transactions).
 */
export interface RetentionStore {
  dropInboxPayloads(before: Date, limit: number): Promise<number>;
  deleteInbox(before: Date, limit: number): Promise<number>;
  deleteOutbox(status: 'sent' | 'dead', before: Date, limit: number): Promise<number>;
  deleteMessageLog(before: Date, limit: number): Promise<number>;
  deleteRateWindows(before: Date, limit: number): Promise<number>;
  /** Reports last changed before `before` lose their conversation link, contact details and subscribers; descriptions are redacted. */
  anonymiseReports(before: Date, limit: number, redact: (text: string) => string): Promise<number>;
  /** Questions kept for staff (unanswered inbox): the resident's words. */
  deleteUnanswered(before: Date, limit: number): Promise<number>;
  /** Web chat notices (report updates) waiting in or fetched from the mailbox. */
  deleteMailbox(before: Date, limit: number): Promise<number>;
}

/**
 * Decree 13/2023 on personal data (bot/personal-data.ts for deletion on request): residents' words and contact
 * details go after these many days; reports stay, anonymised. Off unless given, so the delivery retention above
 * keeps its own meaning.
 */
export interface PrivacyRetention {
  /** PRIVACY_REPORT_DAYS: after this long without a change, a report no longer names or links its reporter. */
  readonly reportDays: number;
  /** Unanswered questions and web chat notices (the message log has messageLogDays). */
  readonly textDays: number;
  readonly redact: (text: string) => string;
}

export type RetentionReport = Readonly<Record<RetentionTask, number>> & { readonly complete: boolean };
type RetentionTask = 'inboxPayloads' | 'inbox' | 'outboxSent' | 'outboxDead' | 'messageLog' | 'rateWindows' | 'reportsAnonymised' | 'unanswered' | 'mailbox';

export interface RetentionOptions {
  readonly store: RetentionStore;
  readonly policy?: RetentionPolicy;
  readonly now?: () => Date;
  /** Rows per statement: small enough that one statement never holds the database for long. */
  readonly batchSize?: number;
  /** Statements per task per run; what is left waits for the next run, so one run has a bounded cost. */
  readonly maxBatches?: number;
  /** Anonymising reports and removing other texts (Decree 13/2023); the runtime passes it from PRIVACY_* settings. */
  readonly privacy?: PrivacyRetention;
}

const DAY_MS = 86_400_000;

export function createRetention(options: RetentionOptions) {
  const policy = options.policy ?? DEFAULT_RETENTION;
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 500;
  const maxBatches = options.maxBatches ?? 20;

  /** Runs one task batch by batch; true when nothing older is left. Yields between batches so requests go on. */
  async function drain(batch: (limit: number) => Promise<number>): Promise<{ rows: number; complete: boolean }> {
    let rows = 0;
    for (let i = 0; i < maxBatches; i++) {
      const touched = await batch(batchSize);
      rows += touched;
      if (touched < batchSize) return { rows, complete: true };
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return { rows, complete: false };
  }

  /** One pass over every kind of row; cut-offs are taken once, at the start. */
  async function run(): Promise<RetentionReport> {
    const at = now().getTime();
    const before = (days: number): Date => new Date(at - days * DAY_MS);
    const { store } = options;
    const tasks: Array<[RetentionTask, (limit: number) => Promise<number>]> = [
      // Rows to be deleted go first, so their payloads are not rewritten just before.
      ['inbox', (limit) => store.deleteInbox(before(policy.inboxDays), limit)],
      ['inboxPayloads', (limit) => store.dropInboxPayloads(before(policy.inboxPayloadDays), limit)],
      ['outboxSent', (limit) => store.deleteOutbox('sent', before(policy.outboxSentDays), limit)],
      ['outboxDead', (limit) => store.deleteOutbox('dead', before(policy.outboxDeadDays), limit)],
      ['messageLog', (limit) => store.deleteMessageLog(before(policy.messageLogDays), limit)],
      ['rateWindows', (limit) => store.deleteRateWindows(before(policy.rateWindowDays), limit)],
    ];
    const privacy = options.privacy;
    if (privacy !== undefined) {
      tasks.push(
        ['reportsAnonymised', (limit) => store.anonymiseReports(before(privacy.reportDays), limit, privacy.redact)],
        ['unanswered', (limit) => store.deleteUnanswered(before(privacy.textDays), limit)],
        ['mailbox', (limit) => store.deleteMailbox(before(privacy.textDays), limit)],
      );
    }
    const report: Record<string, number | boolean> = { complete: true };
    for (const [name, batch] of tasks) {
      const result = await drain(batch);
      report[name] = result.rows;
      if (!result.complete) report.complete = false;
    }
    return report as RetentionReport;
  }

  return { run };
}

export type Retention = ReturnType<typeof createRetention>;
