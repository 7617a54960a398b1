/**
 * Spelling slips residents make on small keyboards, applied to a knowledge-base phrasing so the index learns
 * them without staff writing every variant: a dropped letter, two letters swapped, or a letter doubled.
 */
export function typoVariant(text: string, random: () => number): string | undefined {
  const words = text.split(/\s+/);
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 4 && /^\p{L}+$/u.test(w));
  if (candidates.length === 0) return undefined;
  const [word, position] = candidates[Math.floor(random() * candidates.length)] as readonly [string, number];
  const letters = [...word];
  const at = 1 + Math.floor(random() * (letters.length - 2));
  const kind = random();
  if (kind < 0.5) letters.splice(at, 1);
  else if (kind < 0.8) [letters[at], letters[at + 1]] = [letters[at + 1] as string, letters[at] as string];
  else letters.splice(at, 0, letters[at] as string);
  const changed = [...words];
  changed[position] = letters.join('');
  return changed.join(' ');
}
