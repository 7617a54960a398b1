/**
 * The part of Cloudflare's D1 binding this project uses, written out structurally so the storage code type-checks
 * beside Node's types without @cloudflare/workers-types (whose globals clash with @types/node).
 */
export interface D1Result {
  readonly results?: unknown[];
  readonly success: boolean;
  readonly error?: string;
  readonly meta: { readonly changes?: number; readonly last_row_id?: number | null };
}

export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  all(): Promise<D1Result>;
}

export interface D1Database {
  prepare(sql: string): D1PreparedStatement;
  /** Runs the statements as one transaction: all land or none do. */
  batch(statements: D1PreparedStatement[]): Promise<D1Result[]>;
}

/** D1 refuses a statement with more than this many bound parameters (Workers limits, "D1"). */
export const D1_MAX_BOUND_PARAMETERS = 100;
