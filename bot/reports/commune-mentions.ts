/**
 * Finding commune names in a folded message, word by word. Names overlap ("phuong binh thuy" holds the core of
 * xã Phương Bình, "long phu 1" holds xã Long Phú), so every place a name could sit is found first and the
 * longest, most specific reading of each stretch of words wins; a shorter name inside it is not a mention.
 */

export interface CommuneName<T> {
  readonly item: T;
  /** The whole name folded: "phuong binh thuy". */
  readonly folded: string;
  /** The name without its unit word: "binh thuy". */
  readonly core: string;
}

export interface Mention<T> {
  /** Word positions [start, end) in the folded text, the unit word included when typed. */
  readonly start: number;
  readonly end: number;
  /** One when the name is clear; several when the typed unit word fits another name better. */
  readonly candidates: readonly T[];
}

// Unit words as residents type them, with the form the list uses.
const UNITS: ReadonlyArray<{ readonly words: readonly string[]; readonly unit: string }> = [
  { words: ['thi', 'tran'], unit: 'thi tran' },
  { words: ['phuong'], unit: 'phuong' },
  { words: ['xa'], unit: 'xa' },
  { words: ['p'], unit: 'phuong' },
  { words: ['tt'], unit: 'thi tran' },
];
// Cores that far more often mean something else in a report ("an ninh trật tự"): a mention only with the unit word.
const NEEDS_UNIT = new Set(['an ninh']);

type Kind = 'full' | 'bare' | 'other-unit';
const RANK: Readonly<Record<Kind, number>> = { full: 0, bare: 1, 'other-unit': 2 };

interface Hit<T> {
  readonly start: number;
  readonly end: number;
  readonly kind: Kind;
  readonly name: CommuneName<T>;
  readonly typedUnit?: string;
}

function unitBefore(words: readonly string[], at: number): { unit: string; length: number } | undefined {
  for (const { words: unitWords, unit } of UNITS) {
    const from = at - unitWords.length;
    if (from >= 0 && unitWords.every((w, k) => words[from + k] === w)) return { unit, length: unitWords.length };
  }
  return undefined;
}

/** A name as the search reads it: its unit word ("xa", "phuong", "" when none) and its core's words. */
interface NameParts<T> {
  readonly name: CommuneName<T>;
  readonly unit: string;
  readonly coreWords: readonly string[];
}

/**
 * The names split once, and found by the first word of their core: a message is compared only with the names whose
 * first word it holds. Splitting every name again for every message (103 communes) was most of what a message at
 * the commune step allocated, and such messages are read twice there (as an answer, and for a question asked aside).
 */
export interface CommuneNames<T> {
  readonly names: readonly CommuneName<T>[];
  readonly parts: readonly NameParts<T>[];
  /** Positions in `names` of the names whose core begins with a word, ascending. */
  readonly byFirstWord: ReadonlyMap<string, readonly number[]>;
}

export function communeNames<T>(names: readonly CommuneName<T>[]): CommuneNames<T> {
  const parts = names.map((name) => ({ name, unit: name.folded.slice(0, name.folded.length - name.core.length).trim(), coreWords: name.core.split(' ') }));
  const byFirstWord = new Map<string, number[]>();
  parts.forEach(({ coreWords }, position) => {
    const first = coreWords[0] as string;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), position]);
  });
  return { names, parts, byFirstWord };
}

/** Whether `needle` sits in `words` at `at`. */
function sitsAt(words: readonly string[], needle: readonly string[], at: number): boolean {
  if (at + needle.length > words.length) return false;
  for (let k = 0; k < needle.length; k++) if (words[at + k] !== needle[k]) return false;
  return true;
}

/** Every place a name could sit, in the list's order of names, then by position (the order a walk over all gives). */
function hitsIn<T>(words: readonly string[], index: CommuneNames<T>): Hit<T>[] {
  const candidates = new Set<number>();
  for (const word of words) for (const position of index.byFirstWord.get(word) ?? []) candidates.add(position);
  const hits: Hit<T>[] = [];
  for (const position of [...candidates].sort((a, b) => a - b)) {
    const { name, unit, coreWords } = index.parts[position] as NameParts<T>;
    for (let at = 0; at < words.length; at++) {
      if (!sitsAt(words, coreWords, at)) continue;
      const end = at + coreWords.length;
      const typed = unitBefore(words, at);
      if (typed === undefined) {
        if (!NEEDS_UNIT.has(name.core)) hits.push({ start: at, end, kind: 'bare', name });
      } else {
        const kind = typed.unit === unit ? 'full' : 'other-unit';
        hits.push({ start: at - typed.length, end, kind, name, ...(kind === 'other-unit' ? { typedUnit: typed.unit } : {}) });
      }
    }
  }
  return hits;
}

/** The communes a folded text names, each stretch of words read once, longest reading first. */
export function findMentions<T>(folded: string, index: CommuneNames<T>): Mention<T>[] {
  const words = folded.split(' ').filter((w) => w !== '');
  const hits = hitsIn(words, index).sort((a, b) => b.end - b.start - (a.end - a.start) || RANK[a.kind] - RANK[b.kind]);
  const chosen: Hit<T>[] = [];
  for (const hit of hits) if (!chosen.some((c) => hit.start < c.end && c.start < hit.end)) chosen.push(hit);
  return chosen.map((hit) => {
    if (hit.kind !== 'other-unit') return { start: hit.start, end: hit.end, candidates: [hit.name.item] };
    // "xã Vị Thanh" where the list has phường Vị Thanh and xã Vị Thanh 1: both are plausible, the resident picks.
    const siblings = index.names.filter((n) => n.folded.startsWith(`${hit.typedUnit} ${hit.name.core} `));
    return { start: hit.start, end: hit.end, candidates: [...siblings.map((s) => s.item), hit.name.item] };
  });
}
