import { open } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import type { DurableStep } from './durable-step.ts';
import type { Database } from './schema.ts';

export type SqliteSynchronous = 'EXTRA' | 'FULL' | 'NORMAL' | 'OFF';

export interface GroupCommitOptions {
  /** The connection's level for every other commit. */
  readonly normal: SqliteSynchronous;
  /** The level the group's commit must reach: FULL unless the database is opened with OFF (throwaway test files). */
  readonly durable: SqliteSynchronous;
  /**
   * The database's write-ahead log file (`<path>-wal`). Given, a group commits at the connection's own level and
   * is then made durable by an fdatasync of this file on libuv's thread pool, off the event loop; without it
   * (an in-memory database) the group's commit is raised to `durable` with PRAGMA synchronous.
   */
  readonly walPath?: string;
  /** Replaces the WAL sync (tests: to hold it and see that nobody is answered before it). */
  readonly syncWal?: () => Promise<void>;
}

interface Waiting {
  readonly work: (db: Kysely<Database>) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

export interface GroupCommit extends DurableStep {
  /** Groups committed so far (tests, benchmarks). */
  readonly groups: () => number;
  /** WAL syncs run so far (fewer than groups when groups committed during one sync share the next). */
  readonly syncs: () => number;
}

/** fdatasync of the WAL file through a descriptor of our own: the kernel flushes the file, whoever wrote it. */
function walSync(walPath: string): () => Promise<void> {
  return async () => {
    const handle = await open(walPath, 'r+');
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  };
}

/**
 * Group commit on the single better-sqlite3 connection: the steps queued together, and those of every caller
 * that arrives while one group is being written, go into the next group, which runs as ONE transaction followed
 * by ONE sync of the write-ahead log; each caller resolves only after that sync returned. (The inbox hands it the
 * accept step of all the webhooks read in one turn of the event loop as one step: coalesce-calls.ts.)
 *
 * Why a resolved step is durable (survives a power cut, not only a crash), with WAL and the connection at
 * synchronous=NORMAL:
 * - At NORMAL, COMMIT appends the transaction's frames (ending with its commit frame) to the WAL file with
 *   write() and returns without syncing. This code then calls fdatasync on the WAL file (its own descriptor:
 *   fdatasync flushes the file's dirty pages whoever wrote them) and only then resolves the callers. That is
 *   the sync synchronous=FULL would have made inside COMMIT (https://sqlite.org/pragma.html#pragma_synchronous,
 *   https://sqlite.org/wal.html), done on libuv's thread pool so the event loop keeps answering webhooks and
 *   handling messages meanwhile instead of blocking for the disk's flush. The WAL is append-only until a
 *   checkpoint, so the sync also covers every frame written before it (by NORMAL commits too).
 * - A checkpoint (which may copy those frames into the database file and later restart the WAL) syncs the WAL
 *   before and the database file after copying, in NORMAL mode too; the first frame after a restart rewrites
 *   the WAL header with a new salt and SQLite syncs that header at NORMAL as well, so stale frames are never
 *   replayed and a frame checkpointed before our sync ran is already durable in the database file.
 * - Syncs overlap with the next group: a group that commits while an earlier group's sync is running waits for
 *   the next sync (started after that one ends, so after its own write); groups that commit meanwhile share it.
 * Without a WAL file (in-memory databases) `PRAGMA synchronous` is raised to `durable` around the group's
 * transaction instead (it cannot change inside one), as before.
 * The other writes (turn state, replies queued, "sent" marks) stay at NORMAL: a power cut can roll back their
 * last few commits, never a crash; the inbox row (durable) makes the message handled again, and a lost "sent"
 * mark means at most one resend (README "Channels").
 *
 * In a group of several, each caller's work runs inside its own SAVEPOINT: one that throws is rolled back alone
 * and its caller gets the error; the others still commit.
 */
export function createGroupCommit(db: Kysely<Database>, options: GroupCommitOptions): GroupCommit {
  let queue: Waiting[] = [];
  let scheduled = false;
  let writing = false;
  let groups = 0;
  let syncs = 0;
  // The WAL sync is needed only when the connection does not already sync every commit at the durable level.
  const syncAfter = options.durable !== 'OFF' && options.normal !== 'FULL' && options.normal !== 'EXTRA' && (options.walPath !== undefined || options.syncWal !== undefined);
  const raiseLevel = !syncAfter && options.durable !== options.normal;
  const raise = sql.raw(`pragma synchronous = ${options.durable}`);
  const restore = sql.raw(`pragma synchronous = ${options.normal}`);
  const syncWal = options.syncWal ?? (options.walPath !== undefined ? walSync(options.walPath) : async () => undefined);

  // One sync at a time; a group that committed while one runs waits for the next, shared by all such groups.
  let running: Promise<void> | undefined;
  let next: { promise: Promise<void>; start: () => void } | undefined;
  function startSync(): Promise<void> {
    syncs++;
    const promise = syncWal().finally(() => {
      running = undefined;
      const waiting = next;
      next = undefined;
      waiting?.start();
    });
    running = promise;
    return promise;
  }
  function syncCovering(): Promise<void> {
    if (running === undefined) return startSync();
    if (next === undefined) {
      let start!: () => void;
      const promise = new Promise<void>((resolve, reject) => {
        start = () => startSync().then(resolve, reject);
      });
      next = { promise, start };
    }
    return next.promise;
  }

  function schedule(): void {
    if (scheduled || writing) return;
    scheduled = true;
    // Once the caller's synchronous code is done: the steps it queued together form one group. Not a turn of
    // the event loop later: callers that gather the work of many requests (the inbox's accept, coalesce-calls.ts)
    // have already waited for one, and a second would hold every 200 back by another turn.
    queueMicrotask(() => void flush());
  }

  async function flush(): Promise<void> {
    scheduled = false;
    const group = queue;
    queue = [];
    if (group.length === 0) return;
    writing = true;
    groups++;
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    let committed = false;
    try {
      await db.connection().execute(async (connection) => {
        if (raiseLevel) await raise.execute(connection);
        try {
          await sql`begin immediate`.execute(connection);
          try {
            if (group.length === 1) {
              // Alone in its group: its failure rolls back the whole transaction (below), so no savepoint is needed.
              outcomes.push({ ok: true, value: await (group[0] as Waiting).work(connection) });
            } else {
              for (const waiting of group) {
                await sql`savepoint step`.execute(connection);
                try {
                  outcomes.push({ ok: true, value: await waiting.work(connection) });
                  await sql`release step`.execute(connection);
                } catch (error) {
                  await sql`rollback to step`.execute(connection);
                  await sql`release step`.execute(connection);
                  outcomes.push({ ok: false, error });
                }
              }
            }
            await sql`commit`.execute(connection);
          } catch (error) {
            await sql`rollback`.execute(connection).catch(() => undefined);
            throw error;
          }
        } finally {
          if (raiseLevel) await restore.execute(connection);
        }
      });
      committed = true;
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of the group is promised.
      for (const waiting of group) waiting.reject(error);
    } finally {
      // The next group may form and commit while this one's sync runs.
      writing = false;
      if (queue.length > 0) schedule();
    }
    if (!committed) return;
    try {
      if (syncAfter) await syncCovering();
    } catch (error) {
      // Committed but not known to be on disk: no 200 for it (the platform retries; the repeat is acknowledged
      // and the stored row handled as usual).
      for (const waiting of group) waiting.reject(error);
      return;
    }
    group.forEach((waiting, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome?.error ?? new Error('step not run'));
    });
  }

  const step = (<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      schedule();
    })) as GroupCommit & { groups: () => number; syncs: () => number };
  step.groups = () => groups;
  step.syncs = () => syncs;
  return step;
}
