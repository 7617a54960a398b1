import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001-initial.ts';

/** The static list every dialect runs (no file-system scan, so it also works inside a Worker bundle). */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
