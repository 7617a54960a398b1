import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { stripNul } from './strip-nul.ts';

export interface PostgresOptions {
  /** Connections this process may hold; several instances share the server's max_connections. */
  readonly maxConnections?: number;
  /**
   * An idle connection broke (the server restarted, a proxy cut it). The pool drops that connection and the next
   * query opens a new one, so this is worth a log line, not a crash: without a listener Node would end the process.
   */
  readonly onConnectionError?: (error: Error & { code?: string }) => void;
}

const INT8 = 20;

/** True for the URLs that select PostgreSQL (postgres:// or postgresql://). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(url.trim());
}

/**
 * Opens a pool on DATABASE_URL. Counts (COUNT(*) is int8) come back as numbers, as they do from SQLite and D1,
 * so the stores need no dialect branches; no count here comes near 2^53.
 */
export function openPostgres(url: string, options: PostgresOptions = {}): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url.trim(),
    max: options.maxConnections ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', (error) => options.onConnectionError?.(error));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [stripNul] });
}
