/** Longest text the bot reads; longer messages are cut here (the web API refuses them with a 413 first). */
export const MAX_TEXT_LENGTH = 2000;

// C0/C1 control characters, zero-width and bidi marks: invisible, and they break matching and logs.
export const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/**
 * White space to fold: a run of two or more, or one that is not a plain space. A plain single space is left alone,
 * so a text with nothing to fold is not copied (every space matched by /\s+/ made a new string a message).
 */
const FOLDABLE_SPACE = /\s{2,}|[^\S ]/g;

/** NFC, invisible characters removed, white space folded, length capped. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(FOLDABLE_SPACE, ' ').trim().slice(0, MAX_TEXT_LENGTH);
}
