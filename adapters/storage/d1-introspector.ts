import { DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE, sql, type DatabaseIntrospector, type DatabaseMetadata, type DatabaseMetadataOptions, type Kysely, type SchemaMetadata, type TableMetadata } from 'kysely';

interface ColumnRow {
  table: string;
  name: string;
  type: string;
  notnull: number;
  dflt_value: unknown;
  pk: number;
}

/**
 * Kysely's SqliteIntrospector, minus Cloudflare's own tables. D1 keeps internal tables named `_cf_*` (for
 * example `_cf_KV`) and refuses `pragma_table_info` on them with SQLITE_AUTH; kysely 0.28's Migrator lists every
 * table before migrating, so without this filter the first migration on D1 fails (kysely issues #1108, #1571).
 */
export class D1Introspector implements DatabaseIntrospector {
  readonly #db: Kysely<any>;

  constructor(db: Kysely<any>) {
    this.#db = db;
  }

  async getSchemas(): Promise<SchemaMetadata[]> {
    return [];
  }

  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const internal = options.withInternalKyselyTables ? [] : [DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE];
    // substr, not LIKE: an underscore is a LIKE wildcard.
    const tables = (await sql<{ name: string; type: string }>`
      select name, type from sqlite_master
      where type in ('table', 'view') and substr(name, 1, 7) != 'sqlite_' and substr(name, 1, 4) != '_cf_'
      order by name`.execute(this.#db)).rows.filter((t) => !internal.includes(t.name));
    if (tables.length === 0) return [];
    const columns = (await sql<ColumnRow>`
      select m.name as "table", p.name, p.type, p."notnull", p.dflt_value, p.pk
      from sqlite_master m, pragma_table_info(m.name) p
      where m.type in ('table', 'view') and substr(m.name, 1, 7) != 'sqlite_' and substr(m.name, 1, 4) != '_cf_'
      order by m.name, p.cid`.execute(this.#db)).rows;
    return tables.map((table) => {
      const own = columns.filter((c) => c.table === table.name);
      const integerKey = own.filter((c) => c.pk > 0);
      const autoIncrement = integerKey.length === 1 && integerKey[0]?.type.toLowerCase() === 'integer' ? integerKey[0].name : undefined;
      return {
        name: table.name,
        isView: table.type === 'view',
        columns: own.map((c) => ({
          name: c.name,
          dataType: c.type,
          isNullable: !c.notnull,
          isAutoIncrementing: c.name === autoIncrement,
          hasDefaultValue: c.dflt_value != null,
        })),
      };
    });
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}
