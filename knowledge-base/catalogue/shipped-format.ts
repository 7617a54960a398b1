/** The shipped catalogue file (procedures.json), written by convert-index.ts. */
export const SHIPPED_FORMAT = 'procedure-catalogue/1';

export interface ShippedCatalogue {
  readonly format: string;
  readonly source: string;
  /** Every record link is this base followed by the row's record id. */
  readonly recordBase: string;
  /** [code, name, level, field, agency, record id] */
  readonly procedures: ReadonlyArray<readonly [string, string, string, string, string, string]>;
}
