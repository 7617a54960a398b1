import { renderTemplate, type PlaceholderValues } from '../knowledge-base/render.ts';
import type { CatalogueProcedure } from '../knowledge-base/catalogue/types.ts';
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

/** The official procedure, among those the entry covers, that the question is about: its record on the portal. */
function procedureLine(procedure: CatalogueProcedure): string {
  return `Thủ tục trên Cổng Dịch vụ công ứng với câu hỏi của bạn: ${procedure.name.trim()} (mã ${procedure.code})${procedure.url ? `, xem: ${procedure.url}` : ''}.`;
}

/**
 * A knowledge-base answer as a reply: the full text for chat apps, the short one for SMS. `procedure`: which of the
 * entry's procedures the question is about ("chấm dứt" a household business), when the reading found one; named
 * when it is not the entry's main procedure, which the answer is about anyway and its source line names.
 */
export function answerEntry(entry: KnowledgeEntry, values: PlaceholderValues, procedure?: CatalogueProcedure): Reply {
  const answer = renderTemplate(entry.answer, values).trim();
  const short = renderTemplate(entry.shortAnswer, values).trim();
  if (procedure === undefined || entry.source.procedureCodes[0] === procedure.code) return { kind: 'text', text: `${answer}\n\n${sourceLine(entry)}`, short };
  return { kind: 'text', text: `${answer}\n\n${procedureLine(procedure)}\n${sourceLine(entry)}`, short: `${short} Ma TTHC: ${procedure.code}.` };
}
