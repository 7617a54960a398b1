/**
 * Splits a text into pieces of at most `max` UTF-16 units, cutting at the last paragraph break, else line
 * break, else sentence end, else space inside each window, so a long answer reads naturally across messages.
 * A boundary in the first third of a window is passed over: it would leave a uselessly short piece.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece !== '') pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Where a piece may end, best first; `after` cuts after the match (a sentence keeps its full stop). */
const BOUNDARIES: readonly { readonly pattern: RegExp; readonly after: boolean }[] = [
  { pattern: /\n\s*\n/g, after: false },
  { pattern: /\n/g, after: false },
  { pattern: /[.!?…:;](?=\s)/g, after: true },
  { pattern: /\s/g, after: false },
];

function cutPoint(text: string, max: number): number {
  // One unit past max: a break right after the max-th unit still gives a piece of max units.
  const window = text.slice(0, max + 1);
  for (const { pattern, after } of BOUNDARIES) {
    let last = -1;
    for (const match of window.matchAll(pattern)) {
      const end = after ? match.index + match[0].length : match.index;
      if (end <= max) last = end;
    }
    if (last > max / 3) return last;
  }
  // No boundary at all (a very long URL or word): a hard cut that never splits a surrogate pair.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
