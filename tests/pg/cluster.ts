import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Where tests find a PostgreSQL server: its admin URL and how to let it go. */
export interface PostgresServer {
  /** A URL with the right to CREATE DATABASE (the `postgres` database of the cluster). */
  readonly adminUrl: string;
  /** Stops the cluster this process started; nothing for one it was given. */
  readonly release: () => Promise<void>;
}

export type PostgresAvailability = { readonly ok: true; readonly server: PostgresServer } | { readonly ok: false; readonly reason: string };

/**
 * TEST_DATABASE_URL when CI (or a developer) started a cluster; otherwise a throwaway cluster of this test
 * process's own, on a port of its own, when the PostgreSQL 15 binaries are installed. Without either, the
 * caller decides: a developer's run skips with the reason, a CI run (CI=true) must fail (see `requirePostgres`).
 */
export async function postgresForTests(): Promise<PostgresAvailability> {
  const given = process.env.TEST_DATABASE_URL?.trim();
  if (given) return { ok: true, server: { adminUrl: given, release: async () => {} } };
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    return { ok: false, reason: `no TEST_DATABASE_URL and no PostgreSQL binaries in ${PG_BIN} (apt-get install -y postgresql-15, or run tests/pg/start-cluster.sh)` };
  }
  // Ports 56000-56999 by process id: test files may run side by side, each with its own cluster.
  const port = String(56000 + (process.pid % 1000));
  const env = { ...process.env, PG_TEST_PORT: port, PG_TEST_DIR: `/tmp/assistant-pg-test-${process.pid}`, PG_BIN };
  try {
    const { stdout } = await run('bash', [join(HERE, 'start-cluster.sh')], { env, timeout: 60_000 });
    const adminUrl = stdout.trim().split('\n').at(-1) ?? '';
    let released = false;
    const release = async (): Promise<void> => {
      if (released) return;
      released = true;
      await run('bash', [join(HERE, 'stop-cluster.sh')], { env, timeout: 60_000 });
    };
    // A test file that throws before its `after` still stops its cluster.
    process.once('exit', () => {
      if (!released) execFileSync('bash', [join(HERE, 'stop-cluster.sh')], { env, stdio: 'ignore' });
    });
    return { ok: true, server: { adminUrl, release } };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    return { ok: false, reason: `could not start a throwaway PostgreSQL cluster: ${stderr.trim()}` };
  }
}

/**
 * The server, or why the PostgreSQL half of a suite is skipped. In CI a missing PostgreSQL is an error, never a
 * silent skip: CI=true turns the reason into a thrown error, so the test file fails with it.
 */
export async function requirePostgres(): Promise<PostgresAvailability> {
  const found = await postgresForTests();
  if (!found.ok && process.env.CI === 'true') {
    throw new Error(`PostgreSQL is required in CI and is not available: ${found.reason}. .ci/run starts one with tests/pg/start-cluster.sh and exports TEST_DATABASE_URL.`);
  }
  return found;
}
