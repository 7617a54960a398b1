import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../adapters/storage/open-database.ts';
import { DEFAULT_SQLITE_CACHE_KIB } from '../adapters/storage/sqlite.ts';

/** The page cache SQLite may keep resident, as the server opens its file (a real file, read back by PRAGMA). */
async function cacheSizeWith(env: Record<string, string>): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'sqlite-cache-'));
  const { db } = openDatabase({ DATABASE_PATH: join(folder, 'app.db'), ...env });
  try {
    const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
    return Number(rows[0]?.cache_size);
  } finally {
    await db.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}

test('the SQLite page cache is bounded by default, below the 16,000 KiB better-sqlite3 builds SQLite with', async () => {
  assert.equal(await cacheSizeWith({}), -DEFAULT_SQLITE_CACHE_KIB);
  assert.ok(DEFAULT_SQLITE_CACHE_KIB < 16_000);
});

test('SQLITE_CACHE_KIB sets it; a value that is not a positive number is ignored', async () => {
  assert.equal(await cacheSizeWith({ SQLITE_CACHE_KIB: '32000' }), -32000);
  assert.equal(await cacheSizeWith({ SQLITE_CACHE_KIB: 'lots' }), -DEFAULT_SQLITE_CACHE_KIB);
  assert.equal(await cacheSizeWith({ SQLITE_CACHE_KIB: '-5' }), -DEFAULT_SQLITE_CACHE_KIB);
});
