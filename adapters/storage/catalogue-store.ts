import type { Kysely } from 'kysely';
import type { CatalogueStore } from '../../knowledge-base/catalogue/store.ts';
import type { CatalogueProcedure } from '../../knowledge-base/catalogue/types.ts';
import type { CatalogueProcedureTable, Database } from './schema.ts';

/** Columns a row binds: D1 allows 100 bound parameters a statement, so a batch holds 100 / 7 = 14 rows. */
const COLUMNS = 7;
const D1_MAX_PARAMETERS = 100;
export const CATALOGUE_BATCH = Math.floor(D1_MAX_PARAMETERS / COLUMNS);

function fromRow(row: CatalogueProcedureTable): CatalogueProcedure {
  return { code: row.code, name: row.name, level: row.level, field: row.field, agency: row.agency, url: row.url };
}

export function createCatalogueStore(db: Kysely<Database>, now: () => Date = () => new Date()): CatalogueStore {
  async function upsert(procedures: readonly CatalogueProcedure[]): Promise<number> {
    const updatedAt = now().toISOString();
    for (let i = 0; i < procedures.length; i += CATALOGUE_BATCH) {
      const rows = procedures.slice(i, i + CATALOGUE_BATCH).map((p) => ({ ...p, updated_at: updatedAt }));
      await db
        .insertInto('catalogue_procedures')
        .values(rows)
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            level: eb.ref('excluded.level'),
            field: eb.ref('excluded.field'),
            agency: eb.ref('excluded.agency'),
            url: eb.ref('excluded.url'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    return procedures.length;
  }
  async function count(): Promise<number> {
    const row = await db.selectFrom('catalogue_procedures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }
  return {
    count,
    async list() {
      const rows = await db.selectFrom('catalogue_procedures').selectAll().orderBy('code').execute();
      return rows.map(fromRow);
    },
    async get(code) {
      const row = await db.selectFrom('catalogue_procedures').selectAll().where('code', '=', code).executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },
    upsert,
    async remove(codes) {
      let removed = 0;
      for (let i = 0; i < codes.length; i += D1_MAX_PARAMETERS) {
        const result = await db.deleteFrom('catalogue_procedures').where('code', 'in', codes.slice(i, i + D1_MAX_PARAMETERS)).executeTakeFirst();
        removed += Number(result.numDeletedRows);
      }
      return removed;
    },
    async seedIfEmpty(procedures) {
      if ((await count()) > 0) return 0;
      return upsert(procedures);
    },
  };
}
