import type { LabelledText } from '../intents/matcher.ts';
import { kbLabel, type KnowledgeEntry, type LabelDefinition } from './types.ts';

/** Everything the matcher learns from: each entry's title, keywords and example phrasings under its label. */
export function trainingSet(entries: readonly KnowledgeEntry[], definitions: readonly LabelDefinition[]): LabelledText[] {
  const texts: LabelledText[] = [];
  for (const entry of entries) {
    const label = kbLabel(entry.id);
    for (const text of [entry.title, ...entry.keywords, ...entry.examples]) texts.push({ label, text });
  }
  for (const definition of definitions) {
    for (const text of [...definition.keywords, ...definition.examples]) texts.push({ label: definition.label, text });
  }
  return texts;
}
