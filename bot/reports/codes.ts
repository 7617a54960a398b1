/**
 * Report codes residents type on feature phones: "PA" and digits only (no letters to confuse, such as O/0
 * or I/1), four digits while there is room, longer as the space fills.
 */
export const CODE_PREFIX = 'PA';

export function randomCode(random: () => number, digits: number): string {
  const low = 10 ** (digits - 1);
  return CODE_PREFIX + String(low + Math.floor(random() * (9 * low)));
}

const CODE_IN_TEXT = /\bpa\s*[-.:#]?\s*(\d{4,6})\b/i;
/** True when a message carries a code written as a code ("PA1234", "pa 1234"): a look-up whatever else it says. */
export function mentionsReportCode(text: string): boolean {
  return CODE_IN_TEXT.test(text);
}

/**
 * "phản ánh của tôi" (README: how residents track their reports) is a command, like a code: the resident's own
 * list, whatever the matcher would make of three common words. Folded text, optional "xem"/"tra cứu"/"các".
 */
const OWN_REPORTS = /^(?:(?:xem|coi|tra cuu|kiem tra|danh sach)\s+)?(?:(?:cac|nhung)\s+)?phan anh (?:cua )?(?:toi|tui|minh|em)(?:\s+(?:da gui|voi|a|nhe|nha))*\s*[?.!]*$/;
export function asksForOwnReports(foldedText: string): boolean {
  return OWN_REPORTS.test(foldedText.trim());
}

const NUMBER_AFTER_WORD = /\b(?:ma|so|phan anh|pa)\s*(?:so\s*)?[:#]?\s*(\d{4,6})\b/;
const BARE_NUMBER = /^\s*(\d{4,6})\s*$/;

/**
 * Finds a report code in a message: "PA1234", "pa 1234", "mã 1234", "ma so 1234", or just "1234".
 * `foldedText` is the message folded (marks stripped, lower case).
 */
export function findReportCode(originalText: string, foldedText: string): string | undefined {
  const direct = CODE_IN_TEXT.exec(originalText) ?? CODE_IN_TEXT.exec(foldedText);
  const digits = direct?.[1] ?? NUMBER_AFTER_WORD.exec(foldedText)?.[1] ?? BARE_NUMBER.exec(foldedText)?.[1];
  return digits === undefined ? undefined : CODE_PREFIX + digits;
}
