import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001-initial.ts';
import { delivery } from './0002-delivery.ts';
import { reports } from './0003-reports.ts';

/** The static list every dialect runs (no file-system scan, so it also works inside a Worker bundle). */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-delivery': delivery,
  '0003-reports': reports,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
