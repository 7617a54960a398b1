/**
 * Wraps text for a terminal at word boundaries (a word longer than the line is split, nothing else), keeping
 * the text's own line breaks. Vietnamese words are short syllables, so a break between them reads naturally.
 */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(10, Math.floor(width));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/).filter((w) => w !== '')) {
      let rest = word;
      while ([...rest].length > limit) {
        if (line !== '') {
          lines.push(line);
          line = '';
        }
        const chars = [...rest];
        lines.push(chars.slice(0, limit).join(''));
        rest = chars.slice(limit).join('');
      }
      const candidate = line === '' ? rest : `${line} ${rest}`;
      if ([...candidate].length <= limit) line = candidate;
      else {
        lines.push(line);
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines;
}
