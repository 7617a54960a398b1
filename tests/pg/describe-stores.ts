import { after, before, describe } from 'node:test';
import { postgresHarness, sqliteHarness, type StoreHarness } from '../contract/harness.ts';
import type { PostgresAvailability } from './cluster.ts';

/** `suite` on SQLite: one harness for the describe block, closed after it. */
export function describeOnSqlite(title: string, suite: (harness: () => StoreHarness) => void): void {
  describe(title, () => {
    let harness: StoreHarness;
    before(() => {
      harness = sqliteHarness();
    });
    after(() => harness.close());
    suite(() => harness);
  });
}

/**
 * `suite` on PostgreSQL (from `requirePostgres`), skipped with the reason when there is none; the harness is closed
 * and the server released after the block.
 */
export function describeOnPostgres(title: string, postgres: PostgresAvailability, suite: (harness: () => StoreHarness) => void): void {
  describe(title, postgres.ok ? {} : { skip: postgres.reason }, () => {
    let harness: StoreHarness;
    before(() => {
      if (postgres.ok) harness = postgresHarness(postgres.server.adminUrl);
    });
    after(async () => {
      await harness?.close();
      if (postgres.ok) await postgres.server.release();
    });
    suite(() => harness);
  });
}

/** `suite` twice: "<subject> on SQLite" and "<subject> on PostgreSQL". */
export function describeOnStores(subject: string, postgres: PostgresAvailability, suite: (harness: () => StoreHarness) => void): void {
  describeOnSqlite(`${subject} on SQLite`, suite);
  describeOnPostgres(`${subject} on PostgreSQL`, postgres, suite);
}
