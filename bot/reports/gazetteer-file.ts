import { readFileSync } from 'node:fs';
import { SEED_DIRECTORY } from '../../knowledge-base/seed-files.ts';
import { createGazetteer, type Bounds, type Commune, type Gazetteer } from './gazetteer.ts';

/** The province's communes and area from configuration (seed/communes.json, or COMMUNES_FILE). */
export function readGazetteer(file = SEED_DIRECTORY + 'communes.json'): Gazetteer {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { bounds: Bounds; communes: Commune[] };
  if (!Array.isArray(data.communes) || data.communes.length === 0 || typeof data.bounds?.minLatitude !== 'number') {
    throw new Error(`${file}: expected { bounds, communes: [{ id, name }] }`);
  }
  return createGazetteer(data.communes, data.bounds);
}
