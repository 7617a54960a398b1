import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely';
import { withoutNul } from './strip-nul.ts';

/**
 * A statement whose shape never changes (same SQL text whatever its values), built and compiled by Kysely once;
 * each call only binds its values. Kysely otherwise builds an operation tree, freezes it and compiles it to SQL
 * on every call: for the hot delivery statements (accept, claim, "sent" mark: several per message) that costs
 * more than SQLite running them.
 *
 * `build` receives one placeholder per named value and must use each only as a bound value (never as an
 * identifier or inside raw SQL text); every other value in it is a constant. The first call compiles it with
 * unique placeholders and records which parameter position takes which value; a placeholder that does not come
 * back as a whole parameter is an error, so a shape this cannot reuse fails loudly instead of binding wrongly.
 * The compiled text is the dialect's own (the Kysely instance given to the first call), so one FixedShape
 * serves one database. Plugins transform the statement when it is compiled, not the values bound later: the only
 * one that changes values (stripNul) is applied to them here.
 */
export function fixedShape<K extends string>(keys: readonly K[], build: (values: Readonly<Record<K, string>>) => Compilable) {
  let compiled: { sql: string; plan: ReadonlyArray<{ key: K } | { value: unknown }> } | undefined;

  function compile(): NonNullable<typeof compiled> {
    const marks = Object.fromEntries(keys.map((key, i) => [key, `\uffff fixed-shape ${i} ${key} \uffff`])) as Record<K, string>;
    const byMark = new Map<unknown, K>(keys.map((key) => [marks[key], key]));
    const query = build(marks).compile();
    if (keys.some((key) => query.sql.includes(marks[key]))) throw new Error('fixedShape: a value ended up in the SQL text');
    const plan = query.parameters.map((parameter) => (byMark.has(parameter) ? { key: byMark.get(parameter) as K } : { value: parameter }));
    for (const key of keys) if (!plan.some((p) => 'key' in p && p.key === key)) throw new Error(`fixedShape: value ${key} is not a parameter`);
    return { sql: query.sql, plan };
  }

  /** The statement with these values, as a Compilable (for write batches) or to execute. */
  function bind(values: Readonly<Record<K, unknown>>): CompiledQuery {
    compiled ??= compile();
    // Values bound here skip the plugins' transforms: NUL characters are removed as stripNul (strip-nul.ts) does.
    return CompiledQuery.raw(compiled.sql, compiled.plan.map((p) => ('key' in p ? withoutNul(values[p.key]) : p.value)));
  }

  return {
    bind,
    compilable: (values: Readonly<Record<K, unknown>>): Compilable => ({ compile: () => bind(values) }),
    execute: <R = unknown>(db: Kysely<any>, values: Readonly<Record<K, unknown>>): Promise<QueryResult<R>> => db.executeQuery<R>(bind(values)),
  };
}

/** Rows changed by an INSERT/UPDATE/DELETE run through `fixedShape` (0 when the driver says nothing). */
export const affectedRows = (result: QueryResult<unknown>): number => Number(result.numAffectedRows ?? 0);
