/**
 * Personal contact details a resident may type into a report ("gọi tôi 0912 345 678", "email an@x.vn"): staff
 * keep them, but nothing published (Open311, status for others) may carry them.
 */

export const REDACTED = '[đã ẩn]';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// A Vietnamese number in the usual spellings: 0912345678, 0912 345 678, 0912.345.678, 091-234-5678,
// +84912345678, +84 912 345 678, 84 912..., (+84) 912...; landlines 02xx too. Separators: space, dot, dash.
const PHONE = /(?<![\p{L}\p{N}])(?:\(?\+?84\)?[\s.-]?0?|0)(?:[35789]|2\d)(?:[\s.-]?\d){7,8}(?![\p{L}\p{N}])/gu;

export function redactContacts(text: string): string {
  return text.replace(EMAIL, REDACTED).replace(PHONE, REDACTED);
}
