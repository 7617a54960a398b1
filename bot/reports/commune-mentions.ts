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

function occurrences(words: readonly string[], needle: readonly string[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + needle.length <= words.length; i++) if (needle.every((w, k) => words[i + k] === w)) found.push(i);
  return found;
}

function hitsIn<T>(words: readonly string[], names: readonly CommuneName<T>[]): Hit<T>[] {
  const hits: Hit<T>[] = [];
  for (const name of names) {
    const unit = name.folded.slice(0, name.folded.length - name.core.length).trim();
    const coreWords = name.core.split(' ');
    for (const at of occurrences(words, coreWords)) {
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
export function findMentions<T>(folded: string, names: readonly CommuneName<T>[]): Mention<T>[] {
  const words = folded.split(' ').filter((w) => w !== '');
  const hits = hitsIn(words, names).sort((a, b) => b.end - b.start - (a.end - a.start) || RANK[a.kind] - RANK[b.kind]);
  const chosen: Hit<T>[] = [];
  for (const hit of hits) if (!chosen.some((c) => hit.start < c.end && c.start < hit.end)) chosen.push(hit);
  return chosen.map((hit) => {
    if (hit.kind !== 'other-unit') return { start: hit.start, end: hit.end, candidates: [hit.name.item] };
    // "xã Vị Thanh" where the list has phường Vị Thanh and xã Vị Thanh 1: both are plausible, the resident picks.
    const siblings = names.filter((n) => n.folded.startsWith(`${hit.typedUnit} ${hit.name.core} `));
    return { start: hit.start, end: hit.end, candidates: [...siblings.map((s) => s.item), hit.name.item] };
  });
}
