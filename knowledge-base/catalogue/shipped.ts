import file from './procedures.json' with { type: 'json' };
import { SHIPPED_FORMAT, type ShippedCatalogue } from './shipped-format.ts';
import type { CatalogueProcedure } from './types.ts';

/**
 * The catalogue shipped with the product (converted from the national register by convert-index.ts), seeded into
 * an empty database on first start. Imported as a module, not read from disk, so a Worker bundle carries it too.
 */
export function shippedCatalogue(): CatalogueProcedure[] {
  const catalogue = file as unknown as ShippedCatalogue;
  if (catalogue.format !== SHIPPED_FORMAT) throw new Error(`procedures.json: unknown format ${catalogue.format}`);
  return catalogue.procedures.map(([code, name, level, field, agency, record]) => ({
    code, name, level, field, agency, url: record === '' ? '' : catalogue.recordBase + record,
  }));
}
