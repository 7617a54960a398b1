import { readFileSync } from 'node:fs';
import { gazetteerFrom, shippedGazetteer } from './gazetteer-data.ts';
import type { Gazetteer } from './gazetteer.ts';

/** The province's communes and area from a file (COMMUNES_FILE, Node only), else the shipped seed/communes.json. */
export function readGazetteer(file?: string): Gazetteer {
  return file === undefined ? shippedGazetteer() : gazetteerFrom(JSON.parse(readFileSync(file, 'utf8')), file);
}
