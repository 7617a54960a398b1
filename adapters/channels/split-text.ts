/** How good a place to break is: between paragraphs beats between lines, beats after a sentence, beats between words. */
function rank(whitespace: string, before: string): number {
  if (/\n[^\S\n]*\n/.test(whitespace)) return 3;
  if (whitespace.includes('\n')) return 2;
  if (/[.!?\u2026]/.test(before)) return 1; // … too
  return 0;
}

interface Break {
  /** Where the piece ends (exclusive). */
  readonly end: number;
  /** Where the next piece starts: past the whitespace that made the break. */
  readonly resume: number;
}

/**
 * The best break for a piece of at most `max` code units. A break in the second half is preferred, so pieces do
 * not come out tiny just because a paragraph ended early; within that, the best kind wins, then the latest.
 */
function findBreak(text: string, max: number): Break {
  const whitespace = /\s+/g;
  let best: (Break & { rank: number; late: boolean }) | undefined;
  for (let match = whitespace.exec(text); match !== null && match.index <= max; match = whitespace.exec(text)) {
    if (match.index === 0) continue;
    const candidate = {
      end: match.index,
      resume: match.index + match[0].length,
      rank: rank(match[0], text.charAt(match.index - 1)),
      late: match.index >= max / 2,
    };
    const better =
      best === undefined ||
      (candidate.late && !best.late) ||
      (candidate.late === best.late && candidate.rank >= best.rank);
    if (better) best = candidate;
  }
  if (best !== undefined) return best;
  // One unbroken run longer than a message: cut it, but never between the halves of a surrogate pair.
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return { end, resume: end };
}

/**
 * Splits `text` into pieces of at most `max` UTF-16 code units (never fewer characters than the platform counts),
 * breaking at whitespace where it can; the whitespace at each break is dropped, everything else is kept in order.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = findBreak(rest, max);
    pieces.push(rest.slice(0, cut.end));
    rest = rest.slice(cut.resume);
  }
  if (rest.trim() !== '') pieces.push(rest);
  return pieces;
}
