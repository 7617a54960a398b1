import type { CatalogueProcedure } from './types.ts';

/**
 * The procedure catalogue as stored (port; adapters/storage/catalogue-store.ts implements it with Kysely).
 * Writes are single statements in batches small enough for D1 (at most 100 bound parameters a statement), and
 * idempotent: importing the same file twice changes nothing.
 */
export interface CatalogueStore {
  count(): Promise<number>;
  /** Every procedure, ordered by code. */
  list(): Promise<CatalogueProcedure[]>;
  get(code: string): Promise<CatalogueProcedure | undefined>;
  /** Inserts new codes and updates known ones; returns how many were written. */
  upsert(procedures: readonly CatalogueProcedure[]): Promise<number>;
  /** Removes these codes; returns how many existed. */
  remove(codes: readonly string[]): Promise<number>;
  /** Loads the shipped catalogue into an empty table; returns how many were written (0 when not empty). */
  seedIfEmpty(procedures: readonly CatalogueProcedure[]): Promise<number>;
}
