/**
 * How many SMS a text costs (GSM 03.38). One character outside the GSM-7 alphabet turns the whole message into
 * UCS-2, which is why the SMS renderer folds Vietnamese to ASCII before counting.
 */

const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// The extension table: each costs an escape septet plus its own.
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€');

const SINGLE = { 'GSM-7': 160, 'UCS-2': 70 } as const;
// A concatenated message loses room to its 6-byte user data header.
const CONCATENATED = { 'GSM-7': 153, 'UCS-2': 67 } as const;

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export function isGsm7(text: string): boolean {
  for (const char of text) if (!GSM7_BASIC.has(char) && !GSM7_EXTENSION.has(char)) return false;
  return true;
}

/** The cost of each character, in the encoding the whole message will use. */
function unitCosts(text: string): { encoding: SmsEncoding; costs: number[] } {
  if (isGsm7(text)) return { encoding: 'GSM-7', costs: [...text].map((char) => (GSM7_EXTENSION.has(char) ? 2 : 1)) };
  // UCS-2 counts UTF-16 code units: a character beyond the BMP (most emoji) takes two.
  return { encoding: 'UCS-2', costs: [...text].map((char) => char.length) };
}

/** Septets for a GSM-7 text (extension characters count 2), UTF-16 code units once any character forces UCS-2. */
export function smsUnits(text: string): number {
  return unitCosts(text).costs.reduce((sum, cost) => sum + cost, 0);
}

/**
 * The encoding and the number of SMS the text is sent as. A character is never split across two segments (an
 * escape pair or a surrogate pair stays whole), as phones and Twilio do, so a boundary may leave a unit unused.
 * An empty text is still one (empty) SMS.
 */
export function smsSegments(text: string): { encoding: SmsEncoding; segments: number } {
  const { encoding, costs } = unitCosts(text);
  const total = costs.reduce((sum, cost) => sum + cost, 0);
  if (total <= SINGLE[encoding]) return { encoding, segments: 1 };
  const room = CONCATENATED[encoding];
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > room) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, segments };
}
