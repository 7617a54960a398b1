import { sql, type Kysely } from 'kysely';
import type { DurableStep } from '../../bot/durable-step.ts';
import type { Database } from './schema.ts';

export type SqliteSynchronous = 'EXTRA' | 'FULL' | 'NORMAL' | 'OFF';

export interface GroupCommitOptions {
  /** The connection's level for every other commit (restored after each group). */
  readonly normal: SqliteSynchronous;
  /** The level of the group's commit: FULL unless the database is opened with OFF (throwaway test files). */
  readonly durable: SqliteSynchronous;
}

interface Waiting {
  readonly work: (db: Kysely<Database>) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit on the single better-sqlite3 connection: the steps of every caller that arrives while one group
 * is being written (concurrent webhooks) go into the next group, which runs as ONE transaction with ONE sync
 * to disk; each caller resolves only after that commit returned.
 *
 * Why a resolved step is durable (survives a power cut, not only a crash), with WAL and the connection at
 * synchronous=NORMAL otherwise:
 * - `PRAGMA synchronous` cannot change inside a transaction, so it is raised to FULL right before BEGIN and put
 *   back right after COMMIT, while this code holds Kysely's only connection (nothing else runs in between).
 * - With journal_mode=WAL and synchronous=FULL, SQLite fsyncs the WAL file after writing the commit frame and
 *   before COMMIT returns (https://sqlite.org/pragma.html#pragma_synchronous). The WAL is append-only until a
 *   checkpoint, so that fsync also covers every frame written before it by NORMAL commits.
 * - A checkpoint (which may later copy those frames into the database file and restart the WAL) syncs the WAL
 *   before and the database file after copying, in NORMAL mode too; a restarted WAL gets a new salt, so stale
 *   frames are never replayed. Nothing that a FULL commit made durable can be lost by what comes after it.
 * The other writes (turn state, replies queued, "sent" marks) stay at NORMAL: a power cut can roll back their
 * last few commits, never a crash; the inbox row (durable) makes the message handled again, and a lost "sent"
 * mark means at most one resend (README "Channels").
 *
 * Each caller's work runs inside its own SAVEPOINT: one that throws is rolled back alone and its caller gets
 * the error; the others still commit.
 */
export function createGroupCommit(db: Kysely<Database>, options: GroupCommitOptions): DurableStep & { readonly groups: () => number } {
  let queue: Waiting[] = [];
  let scheduled = false;
  let writing = false;
  let groups = 0;
  const raise = sql.raw(`pragma synchronous = ${options.durable}`);
  const restore = sql.raw(`pragma synchronous = ${options.normal}`);

  function schedule(): void {
    if (scheduled || writing) return;
    scheduled = true;
    // After the current I/O phase: every request that arrived with this one joins its group.
    setImmediate(() => void flush());
  }

  async function flush(): Promise<void> {
    scheduled = false;
    const group = queue;
    queue = [];
    if (group.length === 0) return;
    writing = true;
    groups++;
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await db.connection().execute(async (connection) => {
        await raise.execute(connection);
        try {
          await sql`begin immediate`.execute(connection);
          try {
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
            await sql`commit`.execute(connection);
          } catch (error) {
            await sql`rollback`.execute(connection).catch(() => undefined);
            throw error;
          }
        } finally {
          await restore.execute(connection);
        }
      });
      group.forEach((waiting, index) => {
        const outcome = outcomes[index];
        if (outcome?.ok) waiting.resolve(outcome.value);
        else waiting.reject(outcome?.error ?? new Error('step not run'));
      });
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of the group is promised.
      for (const waiting of group) waiting.reject(error);
    } finally {
      writing = false;
      if (queue.length > 0) schedule();
    }
  }

  const step = (<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      schedule();
    })) as DurableStep & { groups: () => number };
  step.groups = () => groups;
  return step;
}
