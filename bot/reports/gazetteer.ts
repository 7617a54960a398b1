import Fuse from 'fuse.js';
import { foldKey } from '../../intents/fold.ts';
import type { GeoPoint } from './types.ts';

export interface Commune {
  readonly id: string;
  /** "phường Vị Tân", "xã Hỏa Lựu" */
  readonly name: string;
}

export interface Bounds {
  readonly minLatitude: number;
  readonly maxLatitude: number;
  readonly minLongitude: number;
  readonly maxLongitude: number;
}

export interface Gazetteer {
  readonly communes: readonly Commune[];
  byId(id: string): Commune | undefined;
  within(point: GeoPoint): boolean;
  /** Communes a free-text message names ("đèn hẻm 5 phường Vị Tân tắt"), longest name first. */
  mentionedIn(text: string): Commune[];
  /** Candidates for an answer to "which commune?", best first: typos and missing tone marks forgiven. */
  search(answer: string, limit?: number): Array<{ commune: Commune; exact: boolean }>;
}

const PREFIX = /^(phuong|xa|p|thi tran)\s+/;
// Words that name a commune but far more often mean something else in a report ("an ninh trật tự").
const NEEDS_PREFIX = new Set(['an ninh']);
const FILLER = /\b(o|tai|thuoc|ben|khu vuc|dia ban|cua|toi|tui|minh|nha|la|a|nha|nhe|ad)\b/g;

export function createGazetteer(communes: readonly Commune[], bounds: Bounds): Gazetteer {
  const entries = communes.map((commune) => {
    const folded = foldKey(commune.name);
    return { commune, folded, core: folded.replace(PREFIX, '') };
  });
  const byId = new Map(communes.map((c) => [c.id, c]));
  const fuse = new Fuse(entries, { keys: ['core'], includeScore: true, threshold: 0.34, ignoreLocation: true });

  return {
    communes,
    byId: (id) => byId.get(id),
    within: (p) =>
      p.latitude >= bounds.minLatitude && p.latitude <= bounds.maxLatitude && p.longitude >= bounds.minLongitude && p.longitude <= bounds.maxLongitude,
    mentionedIn(text) {
      const padded = ` ${foldKey(text)} `;
      const found = entries.filter((e) => padded.includes(` ${e.folded} `) || (!NEEDS_PREFIX.has(e.core) && padded.includes(` ${e.core} `)));
      // "long phu 1" also contains "long phu": keep only names not inside a longer one found.
      return found
        .filter((e) => !found.some((other) => other !== e && other.core.length > e.core.length && ` ${other.core} `.includes(` ${e.core} `)))
        .sort((a, b) => b.core.length - a.core.length)
        .map((e) => e.commune);
    },
    search(answer, limit = 5) {
      const query = foldKey(answer).replace(PREFIX, '').replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
      if (query === '') return [];
      const exact = entries.filter((e) => e.core === query);
      if (exact.length > 0) return exact.map((e) => ({ commune: e.commune, exact: true }));
      return fuse.search(query, { limit }).map((r) => ({ commune: r.item.commune, exact: (r.score ?? 1) < 0.02 }));
    },
  };
}

/** Great-circle distance in metres (haversine): good to a few metres at the 150 m scale duplicates need. */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const radians = (deg: number): number => (deg * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}
