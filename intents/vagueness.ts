/**
 * Is a short message too vague to answer? "đăng ký", "chứng thực", "trợ cấp", "đất" each name something several
 * topics share. A classifier still puts most of its weight on one of them (whichever keyword list happened to
 * hold the word), so vagueness is read from the phrasings instead: the share of each label's phrasings that
 * contain every content word of the message. When two or more labels contain those words about as often,
 * the message does not choose between them and the resident is asked which one was meant. Words that seldom
 * meet in one phrasing but are each common ("mất giấy tờ", "giấy tờ nhà đất") are vague the same way.
 * A message that is exactly one topic's own short phrasing or keyword ("khai sinh", "hộ chiếu") is not vague.
 */
export interface VaguenessIndex {
  /**
   * Labels the message fits about equally well (best first), or [] when it is not vague; `generic` when found
   * through common words that seldom meet (weaker evidence: the caller trusts the model more there).
   */
  readonly candidates: (tokens: readonly string[]) => { readonly labels: number[]; readonly generic: boolean };
}

/** Words that carry no topic: politeness, pronouns, question words. Used only to count a message's content. */
export const FILLER: ReadonlySet<string> = new Set([
  'a', 'ad', 'admin', 'ah', 'anh', 'cho', 'chi', 'co', 'cua', 'dau', 'di', 'em', 'gi', 'hoi', 'la', 'lam', 'minh',
  'muon', 'nao', 'nha', 'nhe', 'nhu', 'o', 'oi', 'sao', 'the', 'thi', 'toi', 'tui', 'vay', 've', 'voi', 'xin', 'can', 'khong',
  'duoc', 'ntn', 'ha', 'u', 'ong', 'ba', 'bac', 'chu', 'thu', 'tuc', 'nhieu', 'bao', 'hay',
]);
/** At most this many content words: a longer message says what it wants. */
const MAX_CONTENT = 4;
/** Labels covering at least this share of the best label's coverage are candidates. */
const CLOSE = 0.35;
/** A word found in the phrasings of at least this many labels says nothing about which one is meant. */
const GENERIC_LABELS = 3;
const NONE: { readonly labels: number[]; readonly generic: boolean } = Object.freeze({ labels: [], generic: false });
/** The best label must contain the words in at least this share of its phrasings to say anything. */
const MIN_COVERAGE = 0.15;

export function buildVaguenessIndex(documents: readonly { label: number; tokens: readonly string[] }[], labelCount: number, eligible: (label: number) => boolean): VaguenessIndex {
  const totals = new Float64Array(labelCount);
  // word → the phrasings (by position) that contain it
  const postings = new Map<string, number[]>();
  documents.forEach((doc, d) => {
    totals[doc.label] = (totals[doc.label] as number) + 1;
    for (const token of new Set(doc.tokens)) {
      const list = postings.get(token);
      if (list) list.push(d);
      else postings.set(token, [d]);
    }
  });
  // Content words of each short phrasing, as a key → the labels that have that phrasing.
  const named = new Map<string, Set<number>>();
  for (const doc of documents) {
    const key = contentOf(doc.tokens).sort().join(' ');
    if (key === '') continue;
    const owners = named.get(key) ?? new Set<number>();
    owners.add(doc.label);
    named.set(key, owners);
  }
  /** Whether the phrasings of `list` belong to at least `count` labels (read until that many are found). */
  const spansLabels = (list: readonly number[], count: number): boolean => {
    const found: number[] = [];
    for (const d of list) {
      const label = (documents[d] as { label: number }).label;
      if (!found.includes(label) && found.push(label) >= count) return true;
    }
    return false;
  };
  const hits = new Float64Array(labelCount);
  const marks = new Int32Array(documents.length);
  let stamp = 0;

  return {
    candidates(tokens) {
      const content = contentOf(tokens, MAX_CONTENT);
      if (content.length === 0 || content.length > MAX_CONTENT) return NONE;
      if (named.get([...content].sort().join(' '))?.size === 1) return NONE;
      // Phrasings containing every content word: intersect postings, rarest word first.
      const lists = content.map((t) => postings.get(t) ?? []).sort((x, y) => x.length - y.length);
      if ((lists[0] as number[]).length === 0) return NONE;
      // Each list raises the mark of the phrasings that were in all lists before it; stamps only grow.
      const base = stamp + 1;
      lists.forEach((list, i) => {
        for (const d of list) if (i === 0 || marks[d] === base + i - 1) marks[d] = base + i;
      });
      stamp = base + lists.length;
      hits.fill(0);
      for (const d of lists[lists.length - 1] as number[]) {
        if (marks[d] !== base + lists.length - 1) continue;
        const label = (documents[d] as { label: number }).label;
        hits[label] = (hits[label] as number) + 1;
      }
      let best = 0;
      const coverage: Array<[number, number]> = [];
      for (let c = 0; c < labelCount; c++) {
        if (!eligible(c) || (totals[c] as number) === 0) continue;
        const share = (hits[c] as number) / (totals[c] as number);
        if (share > 0) coverage.push([c, share]);
        if (share > best) best = share;
      }
      if (best < MIN_COVERAGE) {
        if (content.length < 2 || !lists.every((list) => spansLabels(list, GENERIC_LABELS))) return NONE;
        // Generic words: the labels whose phrasings use them most, word by word.
        const spread = new Float64Array(labelCount);
        for (const list of lists) for (const d of list) {
          const label = (documents[d] as { label: number }).label;
          spread[label] = (spread[label] as number) + 1 / (totals[label] as number);
        }
        const labels = [...spread.keys()].filter((c) => eligible(c) && (spread[c] as number) > 0);
        return { labels: labels.sort((x, y) => (spread[y] as number) - (spread[x] as number)).slice(0, 3), generic: true };
      }
      const close = coverage.filter(([, share]) => share >= CLOSE * best).sort((x, y) => y[1] - x[1]);
      return close.length >= 2 ? { labels: close.map(([c]) => c), generic: false } : NONE;
    },
  };
}

/** The distinct content words, in order; with `limit`, the reading stops at limit + 1 words (too many to be vague). */
function contentOf(tokens: readonly string[], limit = Infinity): string[] {
  const content: string[] = [];
  for (const t of tokens) {
    if (FILLER.has(t) || t.startsWith('<') || content.includes(t)) continue;
    content.push(t);
    if (content.length > limit) break;
  }
  return content;
}
