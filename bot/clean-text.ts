/** Longest text the bot reads; longer messages are cut here (the web API refuses them with a 413 first). */
export const MAX_TEXT_LENGTH = 2000;

// C0/C1 control characters, zero-width and bidi marks: invisible, and they break matching and logs.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** NFC, invisible characters removed, white space folded, length capped. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT_LENGTH);
}
