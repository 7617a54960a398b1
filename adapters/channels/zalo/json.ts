/**
 * JSON reading for Zalo webhook bodies, in time linear in the body's length (a webhook body is hostile until its
 * signature is checked, and even then it must not stall the server). Zalo ids are 19-digit numbers; every sample
 * we know sends them as strings, but one source warns of Long fields, and a JSON number above 2^53 silently
 * loses digits in JSON.parse. So integer literals of 16 or more digits are quoted from the raw text before
 * parsing, which keeps their exact digits. A regex with a look-behind did this before and took quadratic time
 * on runs of whitespace (80,000 spaces: 2.5 s); a single forward scan replaces it.
 */

export type JsonObject = Readonly<Record<string, unknown>>;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LONG_INTEGER_DIGITS = 16;

const isDigit = (code: number): boolean => code >= DIGIT_0 && code <= DIGIT_9;

/** The index just past the string literal that opens at `start` (or the end of the text when it never closes). */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) i += 2;
    else if (code === QUOTE) return i + 1;
    else i++;
  }
  return text.length;
}

/** The index just past the number token at `start`: sign, digits, fraction, exponent. */
function endOfNumber(text: string, start: number): number {
  let i = start;
  while (i < text.length && '-+.eE0123456789'.includes(text.charAt(i))) i++;
  return i;
}

/** The text with every integer literal of 16+ digits outside strings wrapped in quotes. One pass. */
export function quoteLongIntegers(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = endOfString(text, i);
    } else if (code === MINUS || isDigit(code)) {
      const end = endOfNumber(text, i);
      const token = text.slice(i, end);
      const digits = token.startsWith('-') ? token.length - 1 : token.length;
      if (digits >= LONG_INTEGER_DIGITS && /^-?\d+$/.test(token)) {
        out += `${text.slice(copiedUpTo, i)}"${token}"`;
        copiedUpTo = end;
      }
      i = end;
    } else {
      i++;
    }
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** The body as an object, or undefined when it is not JSON or not an object. Never throws. */
export function parseJsonObject(raw: string): JsonObject | undefined {
  let value: unknown;
  try {
    value = JSON.parse(quoteLongIntegers(raw));
  } catch {
    return undefined;
  }
  return isObject(value) ? value : undefined;
}

/**
 * The raw text of the first member named `key` at the top level of a JSON object (a string's contents without
 * its quotes, or a number's digits), found without parsing: the signature check needs `timestamp` before the body
 * may be parsed. One forward pass; keys written with escapes are not recognised (Zalo does not write them, and a
 * body that does simply fails its signature check).
 */
export function topLevelField(text: string, key: string): string | undefined {
  const wanted = `"${key}"`;
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = endOfString(text, i);
      if (depth === 1 && end - i === wanted.length && text.startsWith(wanted, i)) {
        const value = valueAfterColon(text, end);
        if (value !== undefined) return value;
      }
      i = end;
    } else {
      if (code === 0x7b || code === 0x5b) depth++;
      else if (code === 0x7d || code === 0x5d) depth--;
      i++;
    }
  }
  return undefined;
}

/** After a key ending at `from`: `: "value"` or `: 123` gives the value's text; anything else (not a key, a nested value) undefined. */
function valueAfterColon(text: string, from: number): string | undefined {
  let i = skipWhitespace(text, from);
  if (text.charCodeAt(i) !== 0x3a) return undefined;
  i = skipWhitespace(text, i + 1);
  const code = text.charCodeAt(i);
  if (code === QUOTE) {
    const end = endOfString(text, i);
    return text.slice(i + 1, end - 1);
  }
  if (code === MINUS || isDigit(code)) return text.slice(i, endOfNumber(text, i));
  return undefined;
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && ' \t\r\n'.includes(text.charAt(i))) i++;
  return i;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty id as a string; a safe integer number is accepted because String() keeps all its digits. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

/** `object[key]` when `object` is a JSON object, else undefined: lets nested optional fields be read in one line. */
export function field(object: unknown, key: string): unknown {
  return isObject(object) ? object[key] : undefined;
}
