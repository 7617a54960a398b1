import Fuse from 'fuse.js';
import { foldKey } from '../../intents/fold.ts';
import { communeNames, findMentions, type CommuneName } from './commune-mentions.ts';
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

/** What a message says about its commune: one when clear, several when a name fits more than one. */
export interface Located {
  readonly commune?: Commune;
  /** "xã Vị Thanh" when the list has phường Vị Thanh and xã Vị Thanh 1: the resident chooses. */
  readonly choices: readonly Commune[];
  /** Where the name sits in the folded text, in words [start, end): the rest of the text is the address. */
  readonly words?: readonly [number, number];
}

export interface Gazetteer {
  readonly communes: readonly Commune[];
  byId(id: string): Commune | undefined;
  within(point: GeoPoint): boolean;
  /** Communes a free-text message clearly names ("đèn hẻm 5 phường Vị Tân tắt"), longest name first. */
  mentionedIn(text: string): Commune[];
  /** The commune a message names, or the choices when the name is unclear. */
  locate(text: string): Located;
  /** Candidates for an answer to "which commune?", best first: typos and missing tone marks forgiven. */
  search(answer: string, limit?: number): Array<{ commune: Commune; exact: boolean }>;
}

const PREFIX = /^(phuong|xa|p|thi tran|tt)\s+/;
/** "phuong vi tan" → "vi tan": the part of a folded name residents always say. */
export const nameCore = (folded: string): string => folded.replace(PREFIX, '');

const FUZZY_THRESHOLD = 0.34;
/** How an answer is compared with names (exported for the test that checks `search` against one Fuse over all). */
export function communeFuse<N extends { core: string }>(names: readonly N[]): Fuse<N> {
  return new Fuse(names, { keys: ['core'], includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true });
}
/** Fuse cuts a longer query into pieces of this many characters and matches each piece on its own (its MAX_BITS). */
const FUSE_PIECE = 32;
const FILLER = /\b(o|tai|thuoc|ben|khu vuc|dia ban|cua|toi|tui|minh|nha|la|a|nha|nhe|ad)\b/g;

export function createGazetteer(communes: readonly Commune[], bounds: Bounds): Gazetteer {
  const names: CommuneName<Commune>[] = communes.map((commune) => {
    const folded = foldKey(commune.name);
    return { item: commune, folded, core: nameCore(folded) };
  });
  const mentions = communeNames(names);
  const byId = new Map(communes.map((c) => [c.id, c]));
  const fuzzy = fuzzyByLength(names);

  return {
    communes,
    byId: (id) => byId.get(id),
    within: (p) =>
      p.latitude >= bounds.minLatitude && p.latitude <= bounds.maxLatitude && p.longitude >= bounds.minLongitude && p.longitude <= bounds.maxLongitude,
    mentionedIn: (text) => findMentions(foldKey(text), mentions).filter((m) => m.candidates.length === 1).map((m) => m.candidates[0] as Commune),
    locate(text) {
      const [first] = findMentions(foldKey(text), mentions);
      if (first === undefined) return { choices: [] };
      const words = [first.start, first.end] as const;
      return first.candidates.length === 1 ? { commune: first.candidates[0] as Commune, choices: [], words } : { choices: first.candidates, words };
    },
    search(answer, limit = 5) {
      const query = foldKey(answer).replace(PREFIX, '').replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
      if (query === '') return [];
      const exact = names.filter((e) => e.core === query);
      if (exact.length > 0) return exact.map((e) => ({ commune: e.item, exact: true }));
      return fuzzy(query, limit).map((r) => ({ commune: r.name.item, exact: r.score < 0.02 }));
    },
  };
}

/**
 * Fuse's search over the names, asking only the names long enough to match. Its bitap search counts an error for
 * every character of the query (or of each 32-character piece of a longer one) that a name lacks, so against a
 * name of n characters a piece of m needs at least m - n errors, and it matches only with at most threshold x m.
 * A question sent at the commune step ("đăng ký khai sinh cho con cần gì") is longer than any name: one Fuse over
 * all 103 communes spent 0.3-2.5 ms to find nothing. So for each name length there is a Fuse over the names at
 * least that long, in the list's order (so ties are broken as one Fuse over all of them would), and a query asks
 * the one that holds every name it could match (one character of margin keeps Fuse's own rounding on the safe
 * side): the outcome is Fuse's, which tests/gazetteer-search.test.ts checks against one Fuse over every name.
 */
export function fuzzyByLength<N extends { core: string }>(names: readonly N[]): (query: string, limit: number) => Array<{ name: N; score: number }> {
  const lengthOf = (name: N): number => name.core.toLowerCase().length;
  // Shortest first: the first that a query's piece could match holds all the longer ones too.
  const atLeast = [...new Set(names.map(lengthOf))].sort((a, b) => a - b).map((length) => ({ length, fuse: communeFuse(names.filter((name) => lengthOf(name) >= length)) }));
  return (query, limit) => {
    const piece = Math.min(query.toLowerCase().length, FUSE_PIECE);
    const names = atLeast.find(({ length }) => piece - length <= FUZZY_THRESHOLD * piece + 1);
    return names === undefined ? [] : names.fuse.search(query, { limit }).map((r) => ({ name: r.item, score: r.score ?? 1 }));
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
