import {
  Kysely,
  SqliteAdapter,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type MigrationLockOptions,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import { D1Introspector } from './d1-introspector.ts';
import { D1_MAX_BOUND_PARAMETERS, type D1Database, type D1PreparedStatement, type D1Result } from './d1-types.ts';

/** A migration lock older than this belongs to an isolate that died mid-migration and is taken over. */
const STALE_LOCK_MS = 60_000;
const LOCK_WAIT_STEP_MS = 200;
const LOCK_WAIT_MS = 30_000;

/**
 * SQLite's SQL with a migration lock that works across isolates. Kysely's SQLite adapter has no lock (one
 * process, one connection); on D1 several isolates may start migrating at once after a deploy. `is_locked`
 * holds the time the lock was taken, so a lock left by a dead isolate expires.
 */
class D1Adapter extends SqliteAdapter {
  override async acquireMigrationLock(db: Kysely<any>, options: MigrationLockOptions): Promise<void> {
    for (let waited = 0; ; waited += LOCK_WAIT_STEP_MS) {
      const now = Date.now();
      const taken = await db
        .updateTable(options.lockTable)
        .set({ is_locked: now })
        .where('id', '=', options.lockRowId)
        .where((eb) => eb.or([eb('is_locked', '=', 0), eb('is_locked', '<', now - STALE_LOCK_MS)]))
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) > 0) return;
      if (waited >= LOCK_WAIT_MS) throw new Error('another isolate has held the migration lock for too long');
      await new Promise((resolve) => setTimeout(resolve, LOCK_WAIT_STEP_MS));
    }
  }

  override async releaseMigrationLock(db: Kysely<any>, options: MigrationLockOptions): Promise<void> {
    await db.updateTable(options.lockTable).set({ is_locked: 0 }).where('id', '=', options.lockRowId).execute();
  }
}

function statement(database: D1Database, query: CompiledQuery): D1PreparedStatement {
  if (query.parameters.length > D1_MAX_BOUND_PARAMETERS) {
    // D1 would refuse it too ("too many SQL variables"); this names the limit so the caller knows to chunk.
    throw new Error(`a statement with ${query.parameters.length} bound parameters: D1 takes at most ${D1_MAX_BOUND_PARAMETERS}`);
  }
  return database.prepare(query.sql).bind(...query.parameters);
}

function resultOf<R>(result: D1Result): QueryResult<R> {
  if (!result.success) throw new Error(result.error ?? 'D1 query failed');
  const changes = result.meta.changes ?? 0;
  const lastRowId = result.meta.last_row_id;
  return {
    rows: (result.results ?? []) as R[],
    ...(changes > 0 ? { numAffectedRows: BigInt(changes) } : {}),
    ...(lastRowId !== undefined && lastRowId !== null ? { insertId: BigInt(lastRowId) } : {}),
  };
}

/** True for statements whose result the caller reads: they cannot wait for a batch to run. */
function readsResult(query: CompiledQuery): boolean {
  const node = query.query as { kind: string; returning?: unknown };
  return node.kind === 'SelectQueryNode' || node.kind === 'RawNode' || node.returning !== undefined;
}

/**
 * One D1 "connection" per use; D1 has no sessions. A Kysely transaction becomes one `batch()`: D1 has no
 * interactive transactions, but a batch is atomic. Writes inside it are collected and sent together at commit;
 * a read (or RETURNING) inside it is refused, because its answer would only exist after the commit. This fits
 * bot/write-batch.ts, whose statements are all built before any runs.
 */
class D1Connection implements DatabaseConnection {
  readonly #database: D1Database;
  #batch: CompiledQuery[] | undefined;

  constructor(database: D1Database) {
    this.#database = database;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#batch !== undefined) {
      if (readsResult(query)) throw new Error('D1 has no interactive transactions: only writes without RETURNING may run inside one (they go as one batch)');
      statement(this.#database, query);
      this.#batch.push(query);
      return { rows: [] };
    }
    return resultOf<R>(await statement(this.#database, query).all());
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('D1 does not stream results');
  }

  begin(): void {
    if (this.#batch !== undefined) throw new Error('a D1 batch is already open on this connection');
    this.#batch = [];
  }

  async commit(): Promise<void> {
    const queries = this.#batch ?? [];
    this.#batch = undefined;
    if (queries.length === 0) return;
    const results = await this.#database.batch(queries.map((q) => statement(this.#database, q)));
    for (const result of results) resultOf(result);
  }

  rollback(): void {
    this.#batch = undefined;
  }
}

class D1Driver implements Driver {
  readonly #database: D1Database;

  constructor(database: D1Database) {
    this.#database = database;
  }

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new D1Connection(this.#database);
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as D1Connection).begin();
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as D1Connection).commit();
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as D1Connection).rollback();
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/**
 * Kysely on Cloudflare D1, written here instead of taking kysely-d1 because three things had to change anyway:
 * the introspector (Cloudflare's `_cf_*` tables), a migration lock across isolates, and transactions as batches.
 */
export class D1Dialect implements Dialect {
  readonly #database: D1Database;

  constructor(database: D1Database) {
    this.#database = database;
  }

  createAdapter(): DialectAdapter {
    return new D1Adapter();
  }
  createDriver(): Driver {
    return new D1Driver(this.#database);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new D1Introspector(db);
  }
}
