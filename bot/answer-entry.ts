import { renderTemplate, type PlaceholderValues } from '../knowledge-base/render.ts';
import type { KnowledgeEntry } from '../knowledge-base/types.ts';
import type { Reply } from './types.ts';

function vietnameseDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** The source line residents and staff can check an answer against. */
export function sourceLine(entry: KnowledgeEntry): string {
  const parts: string[] = [];
  if (entry.source.procedureCodes.length > 0) parts.push(`mã thủ tục ${entry.source.procedureCodes.join(', ')}`);
  if (entry.source.legalBasis.length > 0) parts.push(`căn cứ ${entry.source.legalBasis.join('; ')}`);
  return `Nguồn: ${parts.join('; ')}. Cập nhật ${vietnameseDate(entry.reviewedAt)}.`;
}

/** A knowledge-base answer as a reply: the full text for chat apps, the short one for SMS. */
export function answerEntry(entry: KnowledgeEntry, values: PlaceholderValues): Reply {
  return {
    kind: 'text',
    text: `${renderTemplate(entry.answer, values).trim()}\n\n${sourceLine(entry)}`,
    short: renderTemplate(entry.shortAnswer, values).trim(),
  };
}
