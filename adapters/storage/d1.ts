import { Kysely } from 'kysely';
import { D1Dialect } from './d1-dialect.ts';
import type { D1Database } from './d1-types.ts';
import type { Database } from './schema.ts';
import { stripNul } from './strip-nul.ts';

/**
 * A Kysely instance over a D1 binding. Cheap to make: the Worker makes one per invocation, so nothing (not even
 * Kysely's driver-init promise) is carried from one request into another.
 */
export function openD1(database: D1Database): Kysely<Database> {
  return new Kysely<Database>({ dialect: new D1Dialect(database) }).withPlugin(stripNul);
}
