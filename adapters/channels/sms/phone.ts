/**
 * Phone numbers as SMS providers hand them over ("0912345678", "+84 912 345 678", "(+84) 912-345-678") turned
 * into one E.164 form, so the same resident is the same user whichever provider or spelling brought the message.
 */

// Spaces, dots, dashes and brackets people and phones put inside numbers.
const SEPARATORS = /[\s().\-\u00a0]/g;
// Vietnamese national significant numbers: mobiles are 9 digits starting 3/5/7/8/9, landlines 10 digits starting 2.
const VIETNAMESE_NATIONAL = /^(?:[35789]\d{8}|2\d{9})$/;
// E.164: a country code that does not start with 0, at most 15 digits in all.
const E164_DIGITS = /^[1-9]\d{6,14}$/;

/** "+84xxxxxxxxx" for a Vietnamese number, a foreign E.164 number as it is, undefined for anything else. */
export function normalizeVietnamesePhone(raw: string): string | undefined {
  let compact = raw.trim().replace(SEPARATORS, '');
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
  if (!/^\+?\d+$/.test(compact)) return undefined;

  if (compact.startsWith('+')) {
    const digits = compact.slice(1);
    if (digits.startsWith('84')) return vietnamese(digits.slice(2));
    return E164_DIGITS.test(digits) ? `+${digits}` : undefined;
  }
  if (compact.startsWith('0')) return vietnamese(compact.slice(1));
  // Without a plus, "84" followed by a full national number is the country code, not the start of a local number.
  if (compact.startsWith('84')) return vietnamese(compact.slice(2));
  return undefined;
}

function vietnamese(national: string): string | undefined {
  // "+84 0912..." is a common way of writing it: the trunk 0 does not belong after the country code.
  const significant = national.startsWith('0') ? national.slice(1) : national;
  return VIETNAMESE_NATIONAL.test(significant) ? `+84${significant}` : undefined;
}
