import { AMBIGUOUS, UNAMBIGUOUS } from './abbreviations.ts';

/**
 * A message as the matcher sees it: the canonical syllables (abbreviations rewritten where the reading is
 * certain) and extra features (the other readings of an ambiguous token, and the token as typed).
 */
export interface CanonicalText {
  readonly tokens: readonly string[];
  readonly extras: readonly string[];
}

const DIGITS = /^\d+$/;
// The unambiguous table split into syllables once, not on every message.
const EXPANSIONS = new Map(Object.entries(UNAMBIGUOUS).map(([token, expansion]) => [token, expansion.split(' ')] as const));
// Maps, not the tables' objects, for every message token: `token in object` also finds "constructor" (the reading
// was then a function and the matcher threw), and a property read by an arbitrary string is the slow path.
const READINGS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(AMBIGUOUS));

/** Whether a folded token is a chat abbreviation the expansion rewrites or reads by context. */
export function isAbbreviation(token: string): boolean {
  return EXPANSIONS.has(token) || READINGS.has(token);
}
const REPORT_CODE = /^pa\d{3,6}$/;
// What follows "dk"/"dky" when it means đăng ký: the things one registers.
const REGISTRABLE = new Set(['kd', 'hkd', 'dn', 'ks', 'tam', 'thuong', 'khai', 'ket', 'kinh', 'xe', 'ho', 'bien', 'dat', 'thue', 'cu', 'nhan', 'lai', 'giam', 'doanh', 'cap', 'tai', 'vneid', 'dinh', 'bhyt', 'hoc', 'thi', 'tu', 'so', 'nuoi', 'lai']);
const HOUSEHOLD_CONTEXT = new Set(['nhap', 'tach', 'xoa', 'so', 'chuyen', 'cat', 'thuong', 'tru', 'khau', 'dang', 'ky', 'dk', 'gop']);
const SCHOOL_CONTEXT = new Set(['truong', 'lop', 'hoc', 'tieu', 'trung', 'thcs', 'thpt', 'giao', 'vien', 'sinh', 'mam', 'non']);
const QUANTITY_CONTEXT = new Set(['tien', 'phi', 'ngay', 'lau', 'thang', 'nam', 'tuoi', 'lan', 'trang', 'dong', 'nghin', 'ngan', 'gio']);
const QUANTITY_BEFORE = new Set(['phi', 'mat', 'het', 'ton', 'gia', 'la', 'tien', 'lau', 'tra', 'dong', 'nop']);
const END_PARTICLES = new Set(['a', 'ad', 'admin', 'vay', 'v', 'z', 'nhe', 'nha', 'ta', 'ha', 'hen', 'nhen', 'chi', 'anh', 'em', 'ban']);
const UNITS: Readonly<Record<string, string>> = { k: 'nghin', tr: 'trieu', d: 'dong', h: 'gio' };
const UNIT_LETTERS = new Set(['q', 'tr', 'd', 'h']);
const PREPARE_CONTEXT = new Set(['ho', 'giay', 'gi', 'nhung', 'truoc', 'sang', 'tien', 'day', 'du']);
const PASSWORD_CONTEXT = new Set(['quen', 'doi', 'lay', 'vneid', 'tai', 'khoan', 'dang', 'nhap', 'sai', 'ma']);

function near(tokens: readonly string[], i: number, vocabulary: ReadonlySet<string>, span = 2): boolean {
  for (let j = Math.max(0, i - span); j <= Math.min(tokens.length - 1, i + span); j++) {
    if (j !== i && vocabulary.has(tokens[j] ?? '')) return true;
  }
  return false;
}

/** Position of a token counted from the end, skipping polite particles ("...được hông ạ"). */
function isClauseFinal(tokens: readonly string[], i: number): boolean {
  for (let j = i + 1; j < tokens.length; j++) if (!END_PARTICLES.has(tokens[j] ?? '')) return false;
  return true;
}

/** The reading of an ambiguous token at position i, or undefined when the context does not decide. */
function readAmbiguous(token: string, tokens: readonly string[], i: number): string | undefined {
  const next = tokens[i + 1] ?? '';
  const prev = tokens[i - 1] ?? '';
  switch (token) {
    case 'hk':
      if (near(tokens, i, HOUSEHOLD_CONTEXT)) return 'ho khau';
      return isClauseFinal(tokens, i) ? 'khong' : undefined;
    case 'dk':
      if (REGISTRABLE.has(next)) return 'dang ky';
      if (isClauseFinal(tokens, i) || next === 'khong' || next === 'ko' || next === 'k' || next === 'chua') return 'duoc';
      return undefined;
    case 'hs':
      return near(tokens, i, SCHOOL_CONTEXT) ? 'hoc sinh' : 'ho so';
    case 'bn':
      if (QUANTITY_CONTEXT.has(next) || QUANTITY_BEFORE.has(prev) || isClauseFinal(tokens, i)) return 'bao nhieu';
      return prev === 'on' || prev === 'chao' || i === 0 ? 'ban' : undefined;
    case 'k':
      if (DIGITS.test(prev)) return 'nghin';
      return 'khong';
    case 'mk':
      return near(tokens, i, PASSWORD_CONTEXT) ? 'mat khau' : 'minh';
    case 'nc':
      // "nc với cán bộ" is nói chuyện; everywhere else in citizen messages it is nước (ngập nc, nc máy).
      return next === 'voi' || next === 'vs' || next === 'ws' ? 'noi chuyen' : 'nuoc';
    case 'cb':
      return PREPARE_CONTEXT.has(next) ? 'chuan bi' : 'can bo';
    case 'q':
      // Districts were abolished in 2025 but residents still write "q1", "q ninh kieu".
      return i + 1 < tokens.length ? 'quan' : undefined;
    case 'tr': case 'd': case 'h':
      // Units after a number: 5 tr (triệu), 50.000 đ (đồng), 8 h (giờ).
      return DIGITS.test(prev) ? READINGS.get(token)?.[0] : undefined;
    case 'e': case 'a': case 'c': case 'b':
      return i === 0 ? READINGS.get(token)?.[0] : undefined;
    case 'r':
      return 'roi';
    case 'v': case 'z':
      return isClauseFinal(tokens, i) ? 'vay' : undefined;
    default:
      return undefined;
  }
}

/** How a token reads whatever surrounds it: replaced by `tokens` (with an `extra` feature), or ambiguous. */
export interface TokenClass {
  readonly tokens: readonly string[];
  readonly extra?: string;
  /** Readings of a token only context settles (AMBIGUOUS); `tokens` is then the token itself. */
  readonly readings?: readonly string[];
}

export function classify(token: string): TokenClass {
  if (DIGITS.test(token)) return { tokens: ['<num>'] };
  if (REPORT_CODE.test(token)) return { tokens: ['<pacode>'] };
  const numberWithUnit = /^(\d+)(k|tr|d|h)$/.exec(token);
  if (numberWithUnit) return { tokens: ['<num>', UNITS[numberWithUnit[2] as string] as string] };
  const certain = EXPANSIONS.get(token);
  if (certain !== undefined) return certain.length > 1 ? { tokens: certain, extra: token } : { tokens: certain };
  const readings = READINGS.get(token);
  return readings === undefined ? { tokens: [token] } : { tokens: [token], readings };
}

// Each distinct token is classified once (a few regular expressions and look-ups), then read from here.
const CACHE_LIMIT = 20000;
const classes = new Map<string, TokenClass>();

/**
 * Rewrites folded syllables into their canonical reading; numbers and report codes become placeholders. `given`
 * are the tokens' classes when the caller has them already (word-reading.ts keeps them with each word).
 */
export function canonicalize(folded: readonly string[], given?: readonly TokenClass[]): CanonicalText {
  const tokens: string[] = [];
  const extras: string[] = [];
  for (let i = 0; i < folded.length; i++) {
    const token = folded[i] as string;
    let known = given?.[i] ?? classes.get(token);
    if (known === undefined) {
      known = classify(token);
      if (classes.size >= CACHE_LIMIT) classes.clear();
      classes.set(token, known);
    }
    const { readings } = known;
    if (readings === undefined) {
      for (const t of known.tokens) tokens.push(t);
      if (known.extra !== undefined) extras.push(known.extra);
      continue;
    }
    if (token === 'hong') {
      // "hỏng" (broken) and southern "hông" (không) fold alike; only a question ends with the particle.
      tokens.push(token);
      if (i > 0 && isClauseFinal(folded, i)) extras.push('khong');
      continue;
    }
    const reading = readAmbiguous(token, folded, i);
    if (reading !== undefined) {
      tokens.push(...reading.split(' '));
      extras.push(token);
      continue;
    }
    tokens.push(token);
    // A lone unit letter (d, h, tr, q) away from its number is just a letter: no second reading to offer.
    if (UNIT_LETTERS.has(token)) continue;
    for (const alternative of readings) extras.push(...alternative.split(' '));
  }
  return { tokens, extras };
}
