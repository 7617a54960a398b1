import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001-initial.ts';
import { delivery } from './0002-delivery.ts';

/** The static list every dialect runs (no file-system scan, so it also works inside a Worker bundle). */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-delivery': delivery,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
