import { SEED_COMMUNES } from '../../knowledge-base/seed-modules.ts';
import { createGazetteer, type Bounds, type Commune, type Gazetteer } from './gazetteer.ts';

/** Builds the gazetteer from the communes file's JSON; `source` names it in the error. */
export function gazetteerFrom(json: unknown, source: string): Gazetteer {
  const data = json as { bounds?: Bounds; communes?: Commune[] };
  if (!Array.isArray(data.communes) || data.communes.length === 0 || typeof data.bounds?.minLatitude !== 'number') {
    throw new Error(`${source}: expected { bounds, communes: [{ id, name }] }`);
  }
  return createGazetteer(data.communes, data.bounds);
}

/** The communes shipped in seed/communes.json, bundled as a module (no file system: works in a Worker). */
export function shippedGazetteer(): Gazetteer {
  return gazetteerFrom(SEED_COMMUNES, 'seed/communes.json');
}
