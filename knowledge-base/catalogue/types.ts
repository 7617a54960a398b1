/**
 * The procedure catalogue: every official administrative procedure the province may be asked about (code, name,
 * level, field, agency, link to the official record). Facts from the public register only; the bot writes no
 * answer from them beyond what a record says. Vetted knowledge-base entries name the codes they cover.
 */
export interface CatalogueProcedure {
  /** The national code (mã thủ tục), e.g. "1.000178". */
  readonly code: string;
  readonly name: string;
  /** Level(s) that carry it out as the register words them, e.g. "Cấp tỉnh, Cấp xã". */
  readonly level: string;
  readonly field: string;
  /** Agency that carries it out; empty when the register does not say. */
  readonly agency: string;
  /** The official record on the national (or provincial) public service portal. */
  readonly url: string;
}

export const CATALOGUE_PREFIX = 'catalogue:';

/** Codes as the register writes them: digits, dots and dashes (national codes are "1.000178"). */
export const CODE_PATTERN = /^[0-9]{1,3}(?:\.[0-9]{1,9}){1,3}$/;

/** The evaluation label of a procedure: `catalogue:1.000178`. */
export function catalogueLabel(code: string): string {
  return CATALOGUE_PREFIX + code;
}

/**
 * Option values travel through channels that accept only [a-z0-9-] after the prefix (the web chat's choice
 * check, Telegram callback data), so the dots of a code become dashes: `catalogue:1-000178`.
 */
export function catalogueChoice(code: string): string {
  return CATALOGUE_PREFIX + code.replace(/\./g, '-');
}

/** The code a choice value or a label stands for, or undefined when it is neither. */
export function codeOfValue(value: string): string | undefined {
  if (!value.startsWith(CATALOGUE_PREFIX)) return undefined;
  const code = value.slice(CATALOGUE_PREFIX.length).replace(/-/g, '.');
  return CODE_PATTERN.test(code) ? code : undefined;
}
