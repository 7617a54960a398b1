import {
  Kysely,
  BinaryOperationNode,
  InsertQueryNode,
  OperatorNode,
  PrimitiveValueListNode,
  SqliteAdapter,
  SqliteQueryCompiler,
  ValuesNode,
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
export class D1Adapter extends SqliteAdapter {
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

/**
 * SQLite's SQL; with `listsAsJson`, a list after IN or NOT IN (of strings and numbers) is bound as one JSON
 * parameter read back by `json_each`: `code in (select value from json_each(?))`. Used only to recompile a
 * statement that would otherwise bind more than D1's 100 parameters, so ordinary statements stay as they are.
 */
class D1QueryCompiler extends SqliteQueryCompiler {
  readonly #listsAsJson: boolean;

  constructor(listsAsJson = false) {
    super();
    this.#listsAsJson = listsAsJson;
  }

  protected override visitBinaryOperation(node: BinaryOperationNode): void {
    const operator = OperatorNode.is(node.operator) ? node.operator.operator : undefined;
    const list = node.rightOperand;
    if (
      this.#listsAsJson &&
      (operator === 'in' || operator === 'not in') &&
      PrimitiveValueListNode.is(list) &&
      list.values.length > 1 &&
      list.values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
    ) {
      this.visitNode(node.leftOperand);
      this.append(` ${operator} (select value from json_each(`);
      this.appendValue(JSON.stringify(list.values));
      this.append('))');
      return;
    }
    super.visitBinaryOperation(node);
  }
}

const tooMany = (count: number) =>
  // D1 would refuse it too ("too many SQL variables"); this names the limit so the caller knows to chunk.
  new Error(`a statement with ${count} bound parameters: D1 takes at most ${D1_MAX_BOUND_PARAMETERS}`);

/** An INSERT of `rows` of the original's VALUES, everything else (ON CONFLICT, RETURNING) kept. */
function insertOf(node: InsertQueryNode, values: ValuesNode, rows: ValuesNode['values']): InsertQueryNode {
  return { ...node, values: { ...values, values: rows } as ValuesNode };
}

/**
 * The statements to send for one query, each within D1's 100 bound parameters (Workers limits, "D1"). Most
 * queries are one statement as compiled. A longer one is recompiled with its IN lists as one JSON parameter
 * each; a multi-row INSERT still too long is split into INSERTs of fewer rows, which the connection sends as
 * one atomic batch. Anything else is refused with the limit named.
 */
function fitted(query: CompiledQuery): CompiledQuery[] {
  if (query.parameters.length <= D1_MAX_BOUND_PARAMETERS) return [query];
  const compiler = new D1QueryCompiler(true);
  const node = query.query;
  const recompiled = compiler.compileQuery(node, query.queryId);
  if (recompiled.parameters.length <= D1_MAX_BOUND_PARAMETERS) return [recompiled];
  const values = InsertQueryNode.is(node) && node.values !== undefined && ValuesNode.is(node.values) ? node.values : undefined;
  if (values === undefined || !InsertQueryNode.is(node) || values.values.length < 2) throw tooMany(query.parameters.length);
  const rows = values.values;
  const split = (part: ValuesNode['values']): CompiledQuery[] => {
    const compiled = compiler.compileQuery(insertOf(node, values, part), query.queryId);
    if (compiled.parameters.length <= D1_MAX_BOUND_PARAMETERS) return [compiled];
    if (part.length < 2) throw tooMany(compiled.parameters.length);
    // As many rows per statement as the first ones' size allows (rows of one INSERT bind alike), then again.
    const perRow = Math.max(1, Math.floor((part.length * D1_MAX_BOUND_PARAMETERS) / compiled.parameters.length));
    const size = Math.min(perRow, Math.ceil(part.length / 2));
    const out: CompiledQuery[] = [];
    for (let start = 0; start < part.length; start += size) out.push(...split(part.slice(start, start + size)));
    return out;
  };
  return split(rows);
}

function statement(database: D1Database, query: CompiledQuery): D1PreparedStatement {
  if (query.parameters.length > D1_MAX_BOUND_PARAMETERS) throw tooMany(query.parameters.length);
  return database.prepare(query.sql).bind(...query.parameters);
}

function resultOf<R>(result: D1Result): QueryResult<R> {
  return resultOfAll<R>([result]);
}

/** One query's result from the results of the statements it was sent as (their rows and changes together). */
function resultOfAll<R>(results: readonly D1Result[]): QueryResult<R> {
  for (const result of results) if (!result.success) throw new Error(result.error ?? 'D1 query failed');
  const changes = results.reduce((sum, r) => sum + (r.meta.changes ?? 0), 0);
  const lastRowId = results.at(-1)?.meta.last_row_id;
  return {
    rows: results.flatMap((r) => r.results ?? []) as R[],
    ...(changes > 0 ? { numAffectedRows: BigInt(changes) } : {}),
    ...(lastRowId !== undefined && lastRowId !== null ? { insertId: BigInt(lastRowId) } : {}),
  };
}

/**
 * True for statements whose result the caller reads: they cannot wait for a batch to run. Raw SQL (sql``, or a
 * CompiledQuery.raw such as adapters/storage/fixed-shape-query.ts binds) is read by its text: an INSERT, UPDATE,
 * DELETE or REPLACE without RETURNING is a write; anything else counts as a read.
 */
function readsResult(query: CompiledQuery): boolean {
  const node = query.query as { kind: string; returning?: unknown };
  if (node.kind === 'RawNode') return !/^\s*(insert|update|delete|replace)\b/i.test(query.sql) || /\breturning\b/i.test(query.sql);
  return node.kind === 'SelectQueryNode' || node.returning !== undefined;
}

/**
 * One D1 "connection" per use; D1 has no sessions. A Kysely transaction becomes one `batch()`: D1 has no
 * interactive transactions, but a batch is atomic. Writes inside it are collected and sent together at commit;
 * a read (or RETURNING) inside it is refused, because its answer would only exist after the commit. This fits
 * write-batch.ts, whose statements are all built before any runs.
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
      this.#batch.push(...fitted(query));
      return { rows: [] };
    }
    const statements = fitted(query);
    if (statements.length === 1) return resultOf<R>(await statement(this.#database, statements[0]!).all());
    // An INSERT split to fit the parameter limit: its parts land together or not at all.
    return resultOfAll<R>(await this.#database.batch(statements.map((q) => statement(this.#database, q))));
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
    return new D1QueryCompiler();
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new D1Introspector(db);
  }
}
