import { taggedAnchors } from './word-anchors.ts';

/**
 * Danger to life wins over everything: these rules (on the canonical folded text) send the resident to
 * 114 / 113 / 115 at once, whatever else the message says. Each rule names a kind of danger by its parts (who or
 * what is hurt, and how), not one phrasing, and only in words that cannot mean anything harmless; the classifier,
 * trained on emergency examples, catches the rest. Folding makes words meet ("chay" is cháy and chạy, "can" is cán
 * and cần, "tong" is tông and tổng), so each rule needs its context: what burns, a vehicle and a victim...
 */

/** Someone who can be hurt: a person, a child, a relative. */
const VICTIM = '(?:nguoi|mot nguoi|1 nguoi|be|em be|dua nho|tre|chau|con|em|ong|ba|me|bo|ba cu|ong cu|hoc sinh|nguoi di duong|nguoi dan)';
const VEHICLE = '(?:xe|xe tai|xe khach|xe ben|xe container|container|xe buyt|xe con|o to|oto|xe may|xe ba gac|tau)';
/** Vehicles whose name alone says it was the vehicle that hit someone ("xe tải cán người"). */
const HEAVY = '(?:xe tai|xe ben|xe container|container|xe khach|xe buyt|xe ba gac|xe lu|xe bon|xe dau keo|o to|oto)';

/** The first syllables of a victim (VICTIM). */
const VICTIM_FIRST = ['nguoi', 'mot', '1', 'be', 'em', 'dua', 'tre', 'chau', 'con', 'ong', 'ba', 'me', 'bo', 'hoc'];
/** Every pair of a first syllable and a second one (anchors, word-anchors.ts). */
const pairs = (firsts: readonly string[], seconds: readonly string[]): string[] => firsts.flatMap((a) => seconds.map((b) => `${a} ${b}`));

/**
 * Each rule with `needs`: syllables or adjacent pairs (word-anchors.ts; "*" where the rule's text may run on into
 * the token, as "tinh" in "bat tinh" may) of which any text the rule matches holds at least one. Most messages hold
 * none of them, and the expression below is not run for those (it tried every rule at every space: 4-5% of reading
 * a message). tests/emergency-anchors.test.ts generates texts each rule matches and checks they hold its anchors.
 */
export const DANGERS: ReadonlyArray<{ readonly kind: string; readonly pattern: RegExp; readonly needs: readonly string[] }> = [
  // Not "ma chay" (funeral rites) nor "phòng/chữa/chống cháy" (fire safety procedures): nothing burns there. Nor a
  // living: "chạy chợ", "chạy ghe chở hàng" fold like "cháy chợ", "cháy ghe", so a purpose or a habit before it ("để",
  // "đi", "hay", "nghề"...) or a cargo after it ("chở hàng/khách/lúa") says nothing is burning.
  { kind: 'fire', pattern: /(?<!\b(?:ma|phong|chua|chong|de|di|hay|thuong|muon|tinh|nghe|lo|cu|lam|biet|hoc)) (chay|boc chay) (nha|cho|rung|kho|xuong|tiem|quan|cua hang|nha may|ghe|phong|bep|chung cu)(?! (cho )?(hang|khach|lua|thue|nguoi|hoc sinh|muon|dich vu|du lich))/, needs: pairs(['chay'], ['nha*', 'cho*', 'rung*', 'kho*', 'xuong*', 'tiem*', 'quan*', 'cua', 'ghe*', 'phong*', 'bep*', 'chung']) },
  { kind: 'fire', pattern: / (dam|vu|bi|dang) chay (nha|lon|to|du doi)/, needs: ['chay nha*', 'chay lon*', 'chay to*', 'chay du'] },
  { kind: 'fire', pattern: / (dang|bi) chay (roi|khoi|lua)/, needs: ['chay roi*', 'chay khoi*', 'chay lua*'] },
  { kind: 'fire', pattern: / (lua|khoi) (boc|bao trum|chay lan|ngut)/, needs: pairs(['lua', 'khoi'], ['boc*', 'bao', 'chay', 'ngut*']) },
  { kind: 'fire', pattern: / (chay|lua) lan sang /, needs: ['lan sang'] },
  { kind: 'gas', pattern: / no (binh )?(gas|ga) /, needs: ['gas', 'ga'] },
  // "xì ga" is a cigar and "gà" a chicken: a leak is "gas", or "ga" after rò rỉ.
  { kind: 'gas', pattern: / ((ro ri|ri|xi|ho) (khi |binh |ong )?gas|ro ri (khi )?ga|mui gas (nong|rat|nang|bao trum|khap))/, needs: ['gas*', 'ri'] },
  { kind: 'drowning', pattern: / (chet|bi|dang) duoi (nuoc)? /, needs: ['chet duoi', 'bi duoi', 'dang duoi'] },
  { kind: 'drowning', pattern: / duoi nuoc /, needs: ['duoi nuoc'] },
  // "té/rớt xuống sông" only with who fell or that it just happened: "y tế hồ sơ" and "dễ rớt xuống kênh" are not emergencies.
  { kind: 'drowning', pattern: / (bi|vua|moi|dang|nguoi|be|con|em|chau|ong|ba) (te|rot|nhay|roi|chim) (xuong )?(song|kenh|rach|ao|ho|muong|nuoc) /, needs: pairs(['te', 'rot', 'nhay', 'roi', 'chim'], ['xuong', 'song', 'kenh', 'rach', 'ao', 'ho', 'muong', 'nuoc']) },
  { kind: 'drowning', pattern: new RegExp(` (nuoc|lu) cuon (troi )?${VICTIM} `), needs: ['cuon'] },
  { kind: 'drowning', pattern: / (chim|lat) (ghe|xuong|thuyen|do|tau)| (ghe|xuong|thuyen|tau|ca no) (bi )?(chim|lat) /, needs: ['chim', 'lat'] },
  { kind: 'unconscious', pattern: / (bat tinh|ngat xiu|ngat lim|dot quy|dau tim|ngung tho|khong tho duoc|co giat|soc thuoc|hon me|sui bot mep|nam bat dong|khong con tho|tim ngung dap)/, needs: ['bat tinh*', 'ngat xiu*', 'ngat lim*', 'dot quy*', 'dau tim*', 'ngung', 'tho duoc*', 'co giat*', 'soc thuoc*', 'hon me*', 'bot mep*', 'bat dong*', 'con tho*'] },
  { kind: 'electrocution', pattern: / (dien giat|giat dien|bi dien giat|dien cao the giat)/, needs: ['giat*'] },
  { kind: 'road', pattern: / tai nan .*(chay mau|bi thuong|bat tinh|chet|cap cuu|xe cuu thuong)/, needs: ['nan*'] },
  { kind: 'road', pattern: / (vua|dang|moi) (bi )?tai nan /, needs: ['nan*'] },
  // "xe tải cán người", "bị xe tông": a vehicle and a victim. "cán/đụng" fold into "cần/dùng" ("xe có cần người bảo
  // lãnh"), so after a plain "xe" they need what happened ("cán trúng", "đụng người rồi bỏ chạy").
  { kind: 'road', pattern: new RegExp(` ${VEHICLE} (\\w+ ){0,3}(can|tong|dung|hat) (chet|(trung|phai|qua) ${VICTIM}) `), needs: pairs(['can', 'tong', 'dung', 'hat'], ['chet', 'trung', 'phai', 'qua']) },
  { kind: 'road', pattern: new RegExp(` ${HEAVY} (can|tong|dung|hat|de) ${VICTIM} `), needs: pairs(['can', 'tong', 'dung', 'hat', 'de'], VICTIM_FIRST) },
  { kind: 'road', pattern: new RegExp(` ${VEHICLE} (\\w+ ){0,2}tong ${VICTIM} | (can|dung|tong) ${VICTIM} (roi bo chay|bo chay|chet|bat tinh|bi thuong|nguy kich|gay chan|chay mau)`), needs: pairs(['can', 'dung', 'tong'], VICTIM_FIRST) },
  // A sign or a railing "bị xe tông gãy" is a report: someone must be the one hit.
  { kind: 'road', pattern: new RegExp(` ${VICTIM} (\\w+ ){0,2}bi (\\w+ ){0,2}(xe|o to|container) (\\w+ )?(can|tong|dung)(?! (gay|do|hu|mop|bep|nghieng|sap|cong))`), needs: ['xe', 'o to', 'container'] },
  { kind: 'violence', pattern: / (dang|bi) (cuop|an cuop|cuop giat|dam chem|chem)/, needs: ['cuop*', 'chem*'] },
  { kind: 'violence', pattern: / (cuop|trom) (dang|vao nha|co dao|co sung)/, needs: ['cuop', 'trom'] },
  { kind: 'violence', pattern: / (cam dao|cam sung|rut dao|mac dao) /, needs: ['cam dao', 'cam sung', 'rut dao', 'mac dao'] },
  { kind: 'violence', pattern: / dam (nhau )?(chay mau|bi thuong)/, needs: ['chay mau*', 'bi thuong*'] },
  // "bát cốc" (bowls and cups) folds alike: kidnapping needs who or "bị".
  { kind: 'violence', pattern: new RegExp(` (bi|dang) bat coc | bat coc ${VICTIM} `), needs: ['coc'] },
  // Someone about to take their own life: the intent is what makes "nhảy cầu" more than a sport. "tự tử" folds like
  // "từ từ" (slowly) and "treo cổ" like "treo cờ" (hang a flag), so those need an unmistakable context.
  { kind: 'self-harm', pattern: / (dinh|doi|muon|sap|toan|tinh|dang dung tren cau|dang dung tren lan can|chuan bi|da) (nhay cau|nhay song|nhay lau|nhay xuong song|tu sat|uong thuoc sau|uong thuoc chuot|cat co tay)/, needs: ['nhay', 'tu sat*', 'thuoc sau*', 'thuoc chuot*', 'co tay*'] },
  { kind: 'self-harm', pattern: / ((dinh|doi|toan|tinh|vua|dang) tu tu|muon tu tu( (qua|roi|a|ad|nua))? $|tu tu (chet|bang|o cau|tren cau)|treo co (tu tu|tu sat|chet)|(dang|vua) (tu sat|uong thuoc sau|uong thuoc chuot))/, needs: ['tu tu*', 'treo co', 'tu sat*', 'thuoc sau*', 'thuoc chuot*'] },
  { kind: 'trapped', pattern: / (sap|do) (nha|tuong) .*(de|ket|nguoi|chon)/, needs: pairs(['sap', 'do'], ['nha', 'tuong']) },
  { kind: 'trapped', pattern: / (ket|bi de|de len) (nguoi|ben trong|trong nha)/, needs: pairs(['ket', 'de', 'len'], ['nguoi*', 'ben', 'trong*']) },
  // "kẹt xe" is a traffic jam: trapped is "kẹt trong/dưới ...", buried, or stuck in a lift.
  { kind: 'trapped', pattern: / (mac ket|bi ket|ket) (lai )?(trong|duoi|giua) (thang may|xe|nha|dong do|ham|gieng|cong|lu|nuoc|dam chay)| (ket|mac ket) thang may | (bi )?(vui lap|chon vui|dat da vui|dat vui|sap ham)/, needs: ['ket lai', 'ket trong', 'ket duoi', 'ket giua', 'ket thang', 'vui lap*', 'chon vui*', 'da vui*', 'dat vui*', 'sap ham*'] },
  // A child missing now (not a declaration of a long-missing person, which is a court procedure).
  { kind: 'missing-child', pattern: new RegExp(` ${VICTIM} (\\w+ ){0,3}(di lac|bi lac|mat tich|lac mat) .*(tu sang|tu trua|tu chieu|tu toi|tu hom qua|tu qua|chua ve|khong thay|khong tim thay|bay gio|giup|cuu|khan cap|gap)`), needs: ['di lac', 'bi lac', 'mat tich', 'lac mat'] },
  { kind: 'missing-child', pattern: / (tim|kiem) khong thay (con|be|chau|em) /, needs: ['khong thay'] },
  { kind: 'help', pattern: / (cuu (voi|toi|em|tui|me|con)|cuu cuu|help me) /, needs: ['cuu', 'help'] },
  { kind: 'help', pattern: / (goi|can|cho) (xe )?(cap cuu|cuu thuong|cuu hoa|cuu ho|115|114|113) /, needs: ['cuu', '115', '114', '113'] },
];

/**
 * A danger told as past, as an advertisement, as a sport or as a question about a procedure is no emergency now:
 * "ông tôi chết đuối năm 1990, làm khai tử", "dịch vụ cứu hộ giao thông 24/7", "con học nhảy cầu ở bể bơi",
 * "thủ tục tuyên bố mất tích", "sổ ở xã cũng bị cháy rồi, làm lại giấy được không" (papers, a register, long ago).
 * Words of the present ("đang", "vừa", "cứu") outweigh them.
 */
const NOT_NOW = / (nam ngoai|nam truoc|nam roi|thang truoc|tuan truoc|hoi truoc|hoi xua|hoi do|ban chinh|so goc|giay to|lam lai|hom truoc|nam \d{4}|nam <num>|tu nam|ngay xua|truoc day|da lau|hoi nho|dich vu|gia re|uy tin|24 24|24 7|nhan cuu ho|lien he|be boi|mon nhay cau|thi nhay cau|van dong vien|vdv|the thao|cau lac bo|tuyen bo|khai tu|thu tuc|ho so|tro cap|che do|boi thuong|bao hiem|phong chay|chua chay|tap huan|dien tap) /;
// "đang" also begins "đăng ký" and "gặp" folds like "gấp": only the readings that mean now.
const NOW = / (dang(?! (ky|ki|nhap|tai|bai|tin))|vua|ngay bay gio|bay gio|luc nay|cuu (voi|toi|em|tui|me|con|nguoi)|gap len|rat gap|khan cap|nhanh len|mau len) /;

/**
 * The rules of each kind in one expression (one scan costs a fraction of several), found by the kind's anchors: a
 * message that holds "xe" is scanned by the road rules alone, not by all thirty-seven (one message in eight of the
 * scope sets holds some anchor, "xe" most often, and every rule was tried on those).
 */
const BY_KIND = [...new Set(DANGERS.map(({ kind }) => kind))].map((kind) => DANGERS.filter((rule) => rule.kind === kind));
const KIND_PATTERNS = BY_KIND.map((rules) => new RegExp(rules.map(({ pattern }) => `(?:${pattern.source})`).join('|')));
const ANCHORS = taggedAnchors(BY_KIND.map((rules) => rules.flatMap(({ needs }) => needs)));

/**
 * True when the readings of the message, its syllables as typed and its canonical syllables (with their numbers,
 * syllable-numbers.ts, when the caller has them), name a danger now. Each reading is the syllables of a text joined by
 * single spaces, as the rules read it.
 */
export function isEmergency(typed: readonly string[], tokens: readonly string[], numbers?: readonly number[]): boolean {
  // The two readings are usually the same syllables (no abbreviation, number or code): one is enough then.
  const sameReading = typed.length === tokens.length && typed.every((syllable, i) => syllable === tokens[i]);
  const kinds = ANCHORS.tagsIn(tokens, numbers) | (sameReading ? 0 : ANCHORS.tagsIn(typed));
  if (kinds === 0) return false;
  const padded = (sameReading ? [tokens] : [typed, tokens]).map((syllables) => ' ' + syllables.join(' ') + ' ');
  const named = KIND_PATTERNS.some((pattern, kind) => (kinds & (1 << kind)) !== 0 && padded.some((reading) => pattern.test(reading)));
  if (!named) return false;
  return !padded.some((reading) => NOT_NOW.test(reading)) || padded.some((reading) => NOW.test(reading));
}

/**
 * The reading with its danger phrases cut out: what else the message says. A long report that mentions a
 * danger ("cây nghiêng ... nhánh gãy đè lên người") is still a report once the emergency numbers are sent.
 */
export function withoutDanger(reading: string): string {
  let padded = ' ' + reading + ' ';
  for (const { pattern } of DANGERS) padded = padded.replace(new RegExp(pattern.source, 'g'), ' ');
  return padded.replace(/\s+/g, ' ').trim();
}
