/** A procedure answer staff keep right; `id` is the catalogue's stable kb id. */
export interface KnowledgeEntry {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  /** Full answer with tone marks; may contain {{placeholders}} filled from the site configuration. */
  readonly answer: string;
  /** At most 300 characters once folded to ASCII: what an SMS carries. */
  readonly shortAnswer: string;
  readonly examples: readonly string[];
  readonly keywords: readonly string[];
  readonly source: EntrySource;
  /** ISO date (YYYY-MM-DD) the content was last checked against its source. */
  readonly reviewedAt: string;
}

export interface EntrySource {
  readonly procedureCodes: readonly string[];
  readonly legalBasis: readonly string[];
}

/** Report categories and conversational intents: recognised by the matcher, answered by the bot itself. */
export interface LabelDefinition {
  readonly label: string;
  readonly title: string;
  readonly examples: readonly string[];
  readonly keywords: readonly string[];
}

export const KB_PREFIX = 'kb:';

export function kbLabel(id: string): string {
  return KB_PREFIX + id;
}
