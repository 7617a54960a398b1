import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** How many prepared statements a connection keeps: the webhook path uses about 60 distinct SQL texts. */
export const DEFAULT_STATEMENT_CACHE_SIZE = 512;

/**
 * The better-sqlite3 handle as Kysely's SQLite driver sees it, with `prepare(sql)` memoised by SQL text in a
 * bounded LRU. Kysely prepares every statement again on each call; compiling SQL costs more than running most
 * of our statements. A statement is only reused when it is not in the middle of an `iterate()` (a streamed
 * query): then a fresh one is prepared for that call. A schema change (a migration) is handled by SQLite
 * itself, which re-prepares a stale statement on its next run.
 */
export function cachedStatements(database: SQLite.Database, capacity = DEFAULT_STATEMENT_CACHE_SIZE): SqliteDatabase & { readonly size: () => number } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit !== undefined && !hit.busy) {
        // Map order is insertion order: moving the hit to the end keeps the least recently used first.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = database.prepare(sql);
      if (hit === undefined) {
        cache.set(sql, statement);
        if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
    close() {
      cache.clear();
      database.close();
    },
    size: () => cache.size,
  };
}
