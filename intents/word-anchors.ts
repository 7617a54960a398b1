/**
 * Whether a message's syllables hold one of a set of anchors: a syllable ("chay"), a syllable a longer token begins
 * with ("giat*": "giat", "giatt"), or two adjacent syllables ("ngat xiu*", "lan sang"). A check that runs on every
 * message before a costly one only some messages can pass (emergency.ts): a walk down a letter tree a syllable, with
 * no string built.
 */
interface Node {
  readonly next: Map<number, Node>;
  /** A syllable ends here: an anchor when the token ends here too. */
  exact: boolean;
  /** An anchor ends here whatever follows in the token. */
  prefix: boolean;
  /** Anchors of two syllables whose first one ends here: their second syllables. */
  second: Node | undefined;
}

const node = (): Node => ({ next: new Map(), exact: false, prefix: false, second: undefined });

function insert(root: Node, word: string): Node {
  let at = root;
  const open = word.endsWith('*');
  const letters = open ? word.slice(0, -1) : word;
  for (let i = 0; i < letters.length; i++) {
    const code = letters.charCodeAt(i);
    let child = at.next.get(code);
    if (child === undefined) at.next.set(code, (child = node()));
    at = child;
  }
  if (open) at.prefix = true;
  return at;
}

/** The node `token` ends at, or: `true` when an open anchor is a prefix of it; undefined when the tree lacks it. */
function walk(root: Node, token: string): Node | true | undefined {
  let at: Node | undefined = root;
  for (let i = 0; i < token.length; i++) {
    at = at.next.get(token.charCodeAt(i));
    if (at === undefined) return undefined;
    if (at.prefix) return true;
  }
  return at;
}

export interface WordAnchors {
  /** True when the syllables hold some anchor. */
  foundIn(tokens: readonly string[]): boolean;
}

/** Anchors: "word", "word*" (any token that begins with it), "first second" or "first second*" (adjacent). */
export function wordAnchors(anchors: Iterable<string>): WordAnchors {
  const root = node();
  for (const anchor of anchors) {
    const space = anchor.indexOf(' ');
    if (space < 0) {
      const end = insert(root, anchor);
      if (!anchor.endsWith('*')) end.exact = true;
      continue;
    }
    const first = insert(root, anchor.slice(0, space));
    first.second ??= node();
    const end = insert(first.second, anchor.slice(space + 1));
    if (!anchor.endsWith('*')) end.exact = true;
  }
  return {
    foundIn(tokens) {
      for (let i = 0; i < tokens.length; i++) {
        const found = walk(root, tokens[i] as string);
        if (found === undefined) continue;
        if (found === true || found.exact) return true;
        if (found.second === undefined || i + 1 >= tokens.length) continue;
        const after = walk(found.second, tokens[i + 1] as string);
        if (after === true || (after !== undefined && after.exact)) return true;
      }
      return false;
    },
  };
}
