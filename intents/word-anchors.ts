/**
 * Whether a message's syllables hold one of a set of anchors: a syllable ("chay"), a syllable a longer token begins
 * with ("giat*": "giat", "giatt"), or two adjacent syllables ("ngat xiu*", "lan sang"). A check that runs on every
 * message before a costly one only some messages can pass (emergency.ts): a walk down a letter tree a syllable, its
 * children in one flat table (a Map a node cost a fifth of the matcher's own time), with no string built.
 */

/** Letters a-z and digits: folded syllables are made of these, and so are anchors. */
const ALPHABET = 36;
const letterOf = (code: number): number => (code >= 0x61 && code <= 0x7a ? code - 0x61 : code >= 0x30 && code <= 0x39 ? code - 0x30 + 26 : -1);

export interface WordAnchors {
  /** True when the syllables hold some anchor. */
  foundIn(tokens: readonly string[]): boolean;
  /**
   * Bit i set when the syllables hold an anchor of the i-th set given to `taggedAnchors` (0: none). `numbers`: the
   * syllables' numbers (syllable-numbers.ts, -1 for none), when the caller has them: what each syllable holds is then
   * read from a table by number, filled as syllables are first seen, not walked letter by letter every message.
   */
  tagsIn(tokens: readonly string[], numbers?: readonly number[]): number;
}

/** Anchors: "word", "word*" (any token that begins with it), "first second" or "first second*" (adjacent). */
export function wordAnchors(anchors: Iterable<string>): WordAnchors {
  return taggedAnchors([anchors]);
}

/**
 * Anchors in up to 30 sets, each found by its bit in `tagsIn`: a check that says which of several costly ones can
 * pass, not only whether any can ("xe" is an anchor of one emergency rule of thirty-seven, and is in one message of
 * sixteen).
 */
export function taggedAnchors(sets: ReadonlyArray<Iterable<string>>): WordAnchors {
  // Bit 30 marks a syllable whose tags are known (`bySyllable`), so 30 sets at most.
  if (sets.length > 30) throw new Error('at most 30 sets of anchors');
  // Node n's child by letter l is next[n·ALPHABET + l] (0: none; node 0 is the root, never a child). A node that
  // ends the first syllable of a pair has the root of its second syllables' tree in `second`. Each node has the
  // tags of the anchors ending there (`exact`) and of the open anchors ending there (`open`: longer tokens too).
  const next: number[] = [];
  const exact: number[] = [];
  const open: number[] = [];
  const second: number[] = [];
  const newNode = (): number => {
    for (let l = 0; l < ALPHABET; l++) next.push(0);
    exact.push(0);
    open.push(0);
    second.push(0);
    return exact.length - 1;
  };
  /** Files `word` under `root` and returns the node it ends at. */
  const insert = (root: number, word: string): number => {
    let at = root;
    for (let i = 0; i < word.length; i++) {
      const letter = letterOf(word.charCodeAt(i));
      if (letter < 0) throw new Error(`anchor "${word}": letters a-z and digits only`);
      at = (next[at * ALPHABET + letter] as number) || (next[at * ALPHABET + letter] = newNode());
    }
    return at;
  };
  const root = newNode();
  sets.forEach((anchors, set) => {
    const tag = 1 << set;
    for (const anchor of anchors) {
      const isOpen = anchor.endsWith('*');
      const words = (isOpen ? anchor.slice(0, -1) : anchor).split(' ');
      let from = root;
      if (words.length > 1) {
        const first = insert(root, words[0] as string);
        if (second[first] === 0) second[first] = newNode();
        from = second[first] as number;
      }
      const end = insert(from, words[words.length - 1] as string);
      if (isOpen) open[end] = (open[end] as number) | tag;
      else exact[end] = (exact[end] as number) | tag;
    }
  });
  const table = Int32Array.from(next);
  const exactTags = Int32Array.from(exact);
  const openTags = Int32Array.from(open);
  const seconds = Int32Array.from(second);

  // What the last walk found: the tags of the token (open anchors it begins with, the anchor it is) and the node it
  // ended at (0 when the tree lacks the token), where the second syllables of the pairs it begins are.
  let walkedTags = 0;
  let walkedEnd = 0;
  function walk(from: number, token: string): void {
    let at = from;
    let tags = 0;
    for (let i = 0; i < token.length; i++) {
      const letter = letterOf(token.charCodeAt(i));
      at = letter < 0 ? 0 : (table[at * ALPHABET + letter] as number);
      // Node 0 is the root: never a child, so reaching it means the tree lacks the token.
      if (at === 0) break;
      tags |= openTags[at] as number;
    }
    walkedTags = tags | (exactTags[at] as number);
    walkedEnd = at;
  }

  // By syllable number, two slots each: its tags with KNOWN set once walked (0: not yet), and the node its pairs'
  // second syllables begin at. Grown as higher numbers are seen (indexes number syllables after this is built).
  const KNOWN = 1 << 30;
  let bySyllable = new Int32Array(0);
  function walkNumbered(token: string, n: number): void {
    if (2 * n >= bySyllable.length) {
      const grown = new Int32Array(Math.max(2 * n + 2, 2 * bySyllable.length));
      grown.set(bySyllable);
      bySyllable = grown;
    }
    const known = bySyllable[2 * n] as number;
    if (known !== 0) {
      walkedTags = known & ~KNOWN;
      walkedEnd = bySyllable[2 * n + 1] as number;
      return;
    }
    walk(root, token);
    bySyllable[2 * n] = walkedTags | KNOWN;
    bySyllable[2 * n + 1] = walkedEnd;
  }

  function tagsIn(tokens: readonly string[], numbers?: readonly number[]): number {
    let tags = 0;
    for (let i = 0; i < tokens.length; i++) {
      const n = numbers === undefined ? -1 : (numbers[i] as number);
      if (n >= 0) walkNumbered(tokens[i] as string, n);
      else walk(root, tokens[i] as string);
      tags |= walkedTags;
      const pairs = seconds[walkedEnd] as number;
      if (pairs === 0 || i + 1 >= tokens.length) continue;
      walk(pairs, tokens[i + 1] as string);
      tags |= walkedTags;
    }
    return tags;
  }

  return { foundIn: (tokens) => tagsIn(tokens) !== 0, tagsIn };
}
