import { MIN_EXAMPLES, SHORT_ANSWER_LIMIT } from '../../../knowledge-base/validate.ts';
import { FIELD_LABELS, type FieldName } from './fields.ts';

/**
 * validate.ts and versions-checks.ts word problems in English as "<field> ..." or "<field>: ..."; staff read
 * them in Vietnamese next to the field they concern.
 */
export interface FieldProblem {
  readonly field: FieldName | 'form';
  readonly message: string;
}

const FIELD_OF: Readonly<Record<string, FieldName>> = {
  id: 'id', title: 'title', group: 'group', answer: 'answer', shortAnswer: 'shortAnswer', examples: 'examples',
  keywords: 'keywords', reviewedAt: 'reviewedAt', source: 'procedureCodes', retired: 'retired',
};

function vietnamese(problem: string, field: FieldName | 'form'): string {
  if (/ is required$/.test(problem)) return `Bắt buộc: hãy nhập ${field === 'form' ? 'nội dung' : FIELD_LABELS[field].toLowerCase()}.`;
  if (problem.startsWith('id must')) return 'Mã mục chỉ gồm chữ thường không dấu và số, nối bằng dấu gạch ngang (ví dụ: dang-ky-khai-sinh).';
  if (problem.startsWith('examples:')) return `Cần ít nhất ${MIN_EXAMPLES} cách hỏi mẫu khác nhau, mỗi dòng một câu.`;
  if (problem.startsWith('reviewedAt must')) return 'Ngày rà soát phải là một ngày hợp lệ (năm-tháng-ngày).';
  if (problem.startsWith('source:')) return 'Cần ít nhất một mã thủ tục hoặc một căn cứ pháp lý.';
  const tooLong = /^shortAnswer: at most \d+ characters once folded \(now (\d+)\)/.exec(problem);
  if (tooLong) return `Câu trả lời SMS dài ${tooLong[1]} ký tự khi bỏ dấu; tối đa ${SHORT_ANSWER_LIMIT}.`;
  const placeholder = /unknown placeholder (\{\{.*\}\})/.exec(problem);
  if (placeholder) return `Ô giữ chỗ ${placeholder[1]} không có; chỉ dùng {{province}}, {{hotline}}, {{oneStopAddress}}, {{officeHours}}, {{nationalPortal}}, {{provincePortal}}, {{contact}}.`;
  if (problem.startsWith('retired')) return 'Trạng thái phải là 1 (ngừng dùng) hoặc 0 (đang dùng).';
  if (/^id: repeats line (\d+)/.test(problem)) return `Mã mục trùng với dòng ${/(\d+)/.exec(problem)?.[1] ?? ''}.`;
  if (problem === 'conflict') return 'Có người khác vừa lưu mục này.';
  return problem;
}

export function fieldProblems(problems: readonly string[]): FieldProblem[] {
  return problems.map((problem) => {
    const word = /^([A-Za-z]+)/.exec(problem)?.[1] ?? '';
    const field = FIELD_OF[word] ?? 'form';
    return { field, message: vietnamese(problem, field) };
  });
}

/** Import file-level errors (knowledge-base/import-export.ts) in Vietnamese. */
export function fileError(error: string): string {
  if (error.startsWith('missing columns')) return `Thiếu cột: ${error.slice('missing columns: '.length)}. Hãy dùng tệp xuất ra từ trang này làm mẫu.`;
  if (error === 'the file is empty') return 'Tệp trống.';
  if (error.startsWith('not valid JSON')) return 'Tệp JSON không đọc được (sai cú pháp).';
  if (error.startsWith('expected an array')) return 'Tệp JSON phải là một danh sách các mục.';
  return `Tệp CSV không đọc được: ${error}`;
}
