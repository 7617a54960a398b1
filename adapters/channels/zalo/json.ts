/**
 * JSON reading for Zalo webhook bodies. Zalo ids are 19-digit numbers; every sample we know sends them as
 * strings, but one source warns of Long fields, and a JSON number above 2^53 silently loses digits in
 * JSON.parse. So integer literals of 16 or more digits are quoted from the raw text before parsing, which
 * keeps their exact digits.
 */

// A string literal (skipped whole, so digits inside strings are never touched), or a long integer that stands
// alone as a value: after `:`, `,` or `[` and before `,`, `}` or `]`.
const STRING_OR_LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<=[:,[]\s*)-?\d{16,}(?=\s*[,}\]])/g;

export type JsonObject = Readonly<Record<string, unknown>>;

/** The body as an object, or undefined when it is not JSON or not an object. Never throws. */
export function parseJsonObject(raw: string): JsonObject | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw.replace(STRING_OR_LONG_INTEGER, (token) => (token.startsWith('"') ? token : `"${token}"`)));
  } catch {
    return undefined;
  }
  return isObject(value) ? value : undefined;
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
