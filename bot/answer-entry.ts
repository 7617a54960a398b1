import { renderTemplate, type PlaceholderValues } from '../knowledge-base/render.ts';
import type { CatalogueProcedure } from '../knowledge-base/catalogue/types.ts';
import type { KnowledgeEntry } from '../knowledge-base/types.ts';
import type { Reply } from './types.ts';
import { partsAbout, type Aspect } from './follow-up.ts';

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

/** Up to this many characters the parts are the SMS form as they are; longer, the SMS pages the whole reply. */
const SHORT_PARTS = 240;

/**
 * The part of an entry's answer a follow-up question asks about ("phí bao nhiêu" after the identity-card answer:
 * its fee line), under the entry's title, with where to ask more and the source; undefined when the answer has no
 * part headed for that aspect (the whole answer is the reply then).
 */
export function answerAspect(entry: KnowledgeEntry, values: PlaceholderValues, aspect: Aspect): Reply | undefined {
  const parts = partsAbout(renderTemplate(entry.answer, values), aspect);
  if (parts.length === 0) return undefined;
  const said = parts.join('\n');
  const contact = renderTemplate('{{contact}}', values).trim();
  const text = `Về ${entry.title}:\n${said}\n${contact}\n\n${sourceLine(entry)}`;
  // Not the entry's short answer: on SMS too the reply is the part asked about (paged when it is long).
  return said.length <= SHORT_PARTS ? { kind: 'text', text, short: `${entry.title}: ${said.replace(/\s*\n\s*/g, ' ')}` } : { kind: 'text', text };
}
