import { MENU_SECTIONS } from '../../../bot/menu.ts';

/** The editor's fields: form name → Vietnamese label (also used by the diff and the problems list). */
export const FIELD_LABELS = {
  id: 'Mã mục',
  title: 'Tiêu đề',
  group: 'Nhóm',
  answer: 'Câu trả lời đầy đủ',
  shortAnswer: 'Câu trả lời SMS',
  examples: 'Cách hỏi mẫu',
  keywords: 'Từ khóa',
  procedureCodes: 'Mã thủ tục',
  legalBasis: 'Căn cứ pháp lý',
  reviewedAt: 'Ngày rà soát',
  retired: 'Trạng thái',
} as const;

export type FieldName = keyof typeof FIELD_LABELS;

/** Topic groups as the help menu gathers them: the section title helps staff pick the right one. */
export function groupOptions(inUse: readonly string[]): Array<{ value: string; title: string }> {
  const options = MENU_SECTIONS.flatMap((section) => section.groups.map((group) => ({ value: group, title: `${section.title} (${group})` })));
  for (const group of inUse) if (!options.some((o) => o.value === group)) options.push({ value: group, title: `${group} (không có trong menu)` });
  return options;
}

export function groupTitle(group: string): string {
  return MENU_SECTIONS.find((s) => s.groups.includes(group))?.title ?? group;
}
