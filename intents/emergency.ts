/**
 * Danger to life wins over everything: these phrases (on the canonical folded text) send the resident to
 * 114 / 113 / 115 at once, whatever else the message says. Only phrases that cannot mean anything harmless
 * are listed; the classifier, trained on emergency examples, catches the rest.
 * "chay" folds both cháy (fire) and chạy (run), so fire is recognised only with what burns or an alarm word.
 */
const PATTERNS: readonly RegExp[] = [
  // Not "ma chay" (funeral rites): "tiền ma chay nhà nước hỗ trợ" asks about the funeral allowance.
  /(?<! ma) (chay|boc chay) (nha|cho|rung|kho|xuong|tiem|quan|cua hang|nha may|ghe|phong|bep|chung cu)/,
  / (dam|vu|bi|dang) chay (nha|lon|to|du doi)/,
  / (dang|bi) chay (roi|khoi|lua)/,
  / (lua|khoi) (boc|bao trum|chay lan|ngut)/,
  / (chay|lua) lan sang /,
  / no (binh )?(gas|ga) /,
  / (chet|bi|dang) duoi (nuoc)? /,
  / duoi nuoc /,
  // "té/rớt xuống sông" only with who fell or that it just happened: "y tế hồ sơ" and "dễ rớt xuống kênh" are not emergencies.
  / (bi|vua|moi|dang|nguoi|be|con|em|chau|ong|ba) (te|rot|nhay|roi|chim) (xuong )?(song|kenh|rach|ao|ho|muong|nuoc) /,
  / (chim|lat) (ghe|xuong|thuyen|do|tau)/,
  / (bat tinh|ngat xiu|ngat lim|dot quy|dau tim|ngung tho|khong tho duoc|co giat|soc thuoc)/,
  / (dien giat|giat dien|bi dien giat|dien cao the giat)/,
  / tai nan .*(chay mau|bi thuong|bat tinh|chet|cap cuu|xe cuu thuong)/,
  / (vua|dang|moi) (bi )?tai nan /,
  / (dang|bi) (cuop|an cuop|cuop giat|dam chem|chem)/,
  / (cuop|trom) (dang|vao nha|co dao|co sung)/,
  / (cam dao|cam sung|rut dao|mac dao) /,
  / dam (nhau )?(chay mau|bi thuong)/,
  / (cuu (voi|toi|em|tui|me|con)|cuu cuu|help me) /,
  / (goi|can|cho) (xe )?(cap cuu|cuu thuong|cuu hoa|cuu ho|115|114|113) /,
  / (sap|do) (nha|tuong) .*(de|ket|nguoi|chon)/,
  / (ket|bi de|de len) (nguoi|ben trong|trong nha)/,
];

/** True when any reading of the message (the folded key as typed, or its canonical form) names a danger. */
export function isEmergency(...readings: readonly string[]): boolean {
  return readings.some((reading) => {
    const padded = ' ' + reading + ' ';
    return PATTERNS.some((pattern) => pattern.test(padded));
  });
}

/**
 * The reading with its danger phrases cut out: what else the message says. A long report that mentions a
 * danger ("cây nghiêng ... nhánh gãy đè lên người") is still a report once the emergency numbers are sent.
 */
export function withoutDanger(reading: string): string {
  let padded = ' ' + reading + ' ';
  for (const pattern of PATTERNS) padded = padded.replace(new RegExp(pattern.source, 'g'), ' ');
  return padded.replace(/\s+/g, ' ').trim();
}
