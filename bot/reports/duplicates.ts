import { foldedTokens } from '../../intents/fold.ts';
import { distanceMetres } from './gazetteer.ts';
import { OPEN_STATUSES, type NewReport, type Report } from './types.ts';

export const DUPLICATE_WINDOW_MS = 48 * 3600 * 1000;
export const DUPLICATE_RADIUS_METRES = 150;
/** Share of content words two descriptions must have in common to count as the same problem. */
const SIMILARITY = 0.3;

// Words every report uses: they say nothing about which problem it is.
const COMMON = new Set(['phuong', 'xa', 'ap', 'hem', 'duong', 'khu', 'vuc', 'pho', 'truoc', 'gan', 'sau', 'ben', 'canh', 'nha', 'toi', 'tui', 'minh', 'em', 'anh', 'chi', 'ad', 'admin', 'o', 'tai', 'bi', 'da', 'dang', 'roi', 'qua', 'nay', 'cua', 'va', 'la', 'co', 'khong', 'ko', 'cho', 'nha', 'a', 'ma', 'thi', 'nhe', 'nhu', 'de', 'duoc', 'mot', 'cac', 'nhung', 'voi', 've', 'hay', 'con', 'xin', 'phan', 'anh', 'giup', 'dum', 'cai', 'nguoi', 'dan']);

function contentWords(text: string, ignore: ReadonlySet<string>): Set<string> {
  return new Set(foldedTokens(text).filter((t) => t.length > 1 && !COMMON.has(t) && !ignore.has(t) && !/^\d+$/.test(t)));
}

/**
 * Share of content words two descriptions have in common. `ignore` holds words both are expected to share
 * without being about the same problem (the commune's name).
 */
export function similarity(a: string, b: string, ignore: ReadonlySet<string> = new Set()): number {
  const left = contentWords(a, ignore);
  const right = contentWords(b, ignore);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / Math.min(left.size, right.size);
}

/**
 * The open report a new one repeats, if any: same category within 48 hours, and either within 150 m (both
 * located by GPS) or in the same commune with a similar description. The oldest match wins, so every repeat
 * links to the first report of the problem.
 */
export function findDuplicate(candidate: NewReport, recent: readonly Report[], now: Date, communeName?: string): Report | undefined {
  const ignore = new Set(communeName ? foldedTokens(communeName) : []);
  const matches = recent.filter((report) => {
    if (report.category !== candidate.category || !OPEN_STATUSES.includes(report.status) || report.duplicateOf !== null) return false;
    if (now.getTime() - Date.parse(report.createdAt) > DUPLICATE_WINDOW_MS) return false;
    if (candidate.location && report.location) return distanceMetres(candidate.location, report.location) <= DUPLICATE_RADIUS_METRES;
    return !!candidate.commune && candidate.commune === report.commune && similarity(candidate.description, report.description, ignore) >= SIMILARITY;
  });
  return matches.sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
}
